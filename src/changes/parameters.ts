// Parameter checks: added, removed, required changed, schema (type, enum) changed; path-level parameters count,
// and an operation's own parameter of the same name and location overrides one.
import { found, type Found, unionKeys } from './context.ts';
import type { OperationPair, OperationSide } from './operation-pair.ts';
import { child } from './pointer.ts';
import { isObject, type Located, resolve } from './resolve.ts';

export function diffParameters(pair: OperationPair): Found[] {
  const before = parametersOf(pair.oldDoc, pair.before);
  const after = parametersOf(pair.newDoc, pair.after);
  const out: Found[] = [];
  for (const key of unionKeys(before.keys(), after.keys())) {
    const a = before.get(key);
    const b = after.get(key);
    const name = b ? describe(b) : describe(a!);
    if (a && b) {
      const was = a.node.required === true;
      const is = b.node.required === true;
      if (was !== is)
        out.push(
          found(
            is ? 'request-parameter-became-required' : 'request-parameter-became-optional',
            `${name} became ${is ? 'required' : 'optional'}`,
            b.pointer,
            a.pointer,
          ),
        );
      const sa = schemaOf(a);
      const sb = schemaOf(b);
      if (sa && sb) out.push(...pair.schemas.diff('request', sa, sb, name));
    } else if (b) {
      const required = b.node.required === true;
      out.push(
        found(
          required ? 'new-required-request-parameter' : 'new-optional-request-parameter',
          `new ${required ? 'required' : 'optional'} ${name}`,
          b.pointer,
        ),
      );
    } else if (a) {
      out.push(found('request-parameter-removed', `removed ${name}`, pair.after.pointer, a.pointer));
    }
  }
  return out;
}

/** The parameters in effect, keyed `in:name` (header names are case-insensitive). */
function parametersOf(doc: unknown, side: OperationSide): Map<string, Located> {
  const byKey = new Map<string, Located>();
  const add = (list: unknown, base: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const p = resolve(doc, raw, child(child(base, 'parameters'), i));
      if (!p || typeof p.node.name !== 'string' || typeof p.node.in !== 'string') return;
      const name = p.node.in === 'header' ? p.node.name.toLowerCase() : p.node.name;
      byKey.set(`${p.node.in}:${name}`, p);
    });
  };
  add(side.pathItem.parameters, side.pathPointer);
  add(side.operation.parameters, side.pointer);
  return byKey;
}

function describe(p: Located): string {
  return `${String(p.node.in)} parameter '${String(p.node.name)}'`;
}

function schemaOf(p: Located): { node: unknown; pointer: string } | undefined {
  if (p.node.schema !== undefined) return { node: p.node.schema, pointer: child(p.pointer, 'schema') };
  if (isObject(p.node.content)) {
    const [media] = Object.keys(p.node.content).sort();
    const entry = media === undefined ? undefined : p.node.content[media];
    if (isObject(entry) && entry.schema !== undefined)
      return { node: entry.schema, pointer: child(child(child(p.pointer, 'content'), media!), 'schema') };
  }
  return undefined;
}
