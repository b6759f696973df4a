// Response checks: codes added or removed, headers, media types, and each shared media type's schema.
import { found, type Found, unionKeys } from './context.ts';
import { mediaOf } from './media.ts';
import type { OperationPair } from './operation-pair.ts';
import { child } from './pointer.ts';
import { isObject, type Located, resolve } from './resolve.ts';

export function diffResponses(pair: OperationPair): Found[] {
  const before = responsesOf(pair.oldDoc, pair.before.operation, pair.before.pointer);
  const after = responsesOf(pair.newDoc, pair.after.operation, pair.after.pointer);
  const out: Found[] = [];
  const responsesPointer = child(pair.after.pointer, 'responses');
  for (const code of unionKeys(before.keys(), after.keys())) {
    const a = before.get(code);
    const b = after.get(code);
    if (a && b) out.push(...diffResponse(pair, code, a, b));
    else if (b) out.push(found('response-status-added', `new response ${code}`, b.pointer));
    else if (a) {
      const rule = /^[123]/.test(code) ? 'response-success-status-removed' : 'response-non-success-status-removed';
      out.push(found(rule, `removed response ${code}`, responsesPointer, a.pointer));
    }
  }
  return out;
}

function diffResponse(pair: OperationPair, code: string, a: Located, b: Located): Found[] {
  const out: Found[] = [];
  const headersBefore = headersOf(pair.oldDoc, a);
  const headersAfter = headersOf(pair.newDoc, b);
  for (const name of unionKeys(headersBefore.keys(), headersAfter.keys())) {
    const x = headersBefore.get(name);
    const y = headersAfter.get(name);
    const what = `header '${y?.name ?? x?.name}' of response ${code}`;
    if (x && y) {
      const sx = x.at.node.schema;
      const sy = y.at.node.schema;
      if (sx !== undefined && sy !== undefined)
        out.push(
          ...pair.schemas.diff(
            'response',
            { node: sx, pointer: child(x.at.pointer, 'schema') },
            { node: sy, pointer: child(y.at.pointer, 'schema') },
            what,
          ),
        );
    } else if (y) out.push(found('response-header-added', `new ${what}`, y.at.pointer));
    else if (x) out.push(found('response-header-removed', `removed ${what}`, b.pointer, x.at.pointer));
  }
  const before = mediaOf(a.node, a.pointer);
  const after = mediaOf(b.node, b.pointer);
  for (const type of unionKeys(before.keys(), after.keys())) {
    const x = before.get(type);
    const y = after.get(type);
    if (x && y) {
      if (x.schema && y.schema)
        out.push(...pair.schemas.diff('response', x.schema, y.schema, `response ${code} body (${y.type})`));
    } else if (y) out.push(found('response-media-type-added', `response ${code} now sends ${y.type}`, y.pointer));
    else if (x)
      out.push(
        found('response-media-type-removed', `response ${code} no longer sends ${x.type}`, b.pointer, x.pointer),
      );
  }
  return out;
}

function responsesOf(doc: unknown, operation: Record<string, unknown>, pointer: string): Map<string, Located> {
  const out = new Map<string, Located>();
  const base = child(pointer, 'responses');
  if (!isObject(operation.responses)) return out;
  for (const code of Object.keys(operation.responses)) {
    const r = resolve(doc, operation.responses[code], child(base, code));
    if (r) out.set(code.toUpperCase() === code ? code : code.toLowerCase(), r);
  }
  return out;
}

/** Headers by lower-case name (HTTP header names are case-insensitive). */
function headersOf(doc: unknown, response: Located): Map<string, { name: string; at: Located }> {
  const out = new Map<string, { name: string; at: Located }>();
  const headers = response.node.headers;
  if (!isObject(headers)) return out;
  for (const name of Object.keys(headers)) {
    const at = resolve(doc, headers[name], child(child(response.pointer, 'headers'), name));
    if (at) out.set(name.toLowerCase(), { name, at });
  }
  return out;
}
