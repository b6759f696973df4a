// Security checks: the requirement alternatives in effect (the operation's, else the document's) and the
// `x-privileges` an operation names, of which holding any one is documented to suffice.
import { found, type Found } from './context.ts';
import type { OperationPair } from './operation-pair.ts';
import { child } from './pointer.ts';
import { isObject } from './resolve.ts';

export function diffSecurity(pair: OperationPair): Found[] {
  const out: Found[] = [];
  const a = alternatives(pair.before.operation.security ?? pair.oldDoc.security);
  const b = alternatives(pair.after.operation.security ?? pair.newDoc.security);
  const hasOwn = pair.after.operation.security !== undefined;
  const pointer = hasOwn ? child(pair.after.pointer, 'security') : pair.after.pointer;
  const oldPointer = pair.before.operation.security !== undefined ? child(pair.before.pointer, 'security') : undefined;
  // Public: no requirement, or an empty alternative anyone meets.
  const wasPublic = a.size === 0 || a.has('');
  const isPublic = b.size === 0 || b.has('');
  for (const alt of [...a].filter((x) => !b.has(x)).sort())
    out.push(found('api-security-removed', `removed security ${show(alt)}`, pointer, oldPointer, !isPublic));
  for (const alt of [...b].filter((x) => !a.has(x)).sort())
    out.push(found('api-security-added', `new security ${show(alt)}`, pointer, oldPointer, wasPublic && alt !== ''));
  out.push(...diffPrivileges(pair));
  return out;
}

function diffPrivileges(pair: OperationPair): Found[] {
  const a = privileges(pair.before.operation['x-privileges']);
  const b = privileges(pair.after.operation['x-privileges']);
  const pointer =
    pair.after.operation['x-privileges'] !== undefined ? child(pair.after.pointer, 'x-privileges') : pair.after.pointer;
  const oldPointer =
    pair.before.operation['x-privileges'] !== undefined ? child(pair.before.pointer, 'x-privileges') : undefined;
  const out: Found[] = [];
  const gone = [...a].filter((p) => !b.has(p)).sort();
  const fresh = [...b].filter((p) => !a.has(p)).sort();
  const instead = fresh.length > 0 ? ` (now: ${fresh.map((p) => `\`${p}\``).join(', ')})` : '';
  for (const p of gone)
    out.push(found('api-privilege-removed', `privilege \`${p}\` no longer suffices${instead}`, pointer, oldPointer));
  for (const p of fresh)
    out.push(found('api-privilege-added', `privilege \`${p}\` now suffices`, pointer, oldPointer, a.size === 0));
  return out;
}

/** Each alternative as its sorted `scheme[scopes]` names joined by `+`; '' is the empty (anonymous) one. */
function alternatives(security: unknown): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(security)) return out;
  for (const requirement of security) {
    if (!isObject(requirement)) continue;
    const parts = Object.keys(requirement)
      .sort()
      .map((scheme) => {
        const scopes = requirement[scheme];
        const list = Array.isArray(scopes) && scopes.length > 0 ? `[${[...scopes].map(String).sort().join(',')}]` : '';
        return scheme + list;
      });
    out.add(parts.join('+'));
  }
  return out;
}

function privileges(raw: unknown): Set<string> {
  return new Set(Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : []);
}

function show(alternative: string): string {
  return alternative === '' ? '{} (anonymous)' : `'${alternative}'`;
}
