// Request body checks: added, removed, required changed, media types, and each shared media type's schema.
import { found, type Found, unionKeys } from './context.ts';
import { mediaOf } from './media.ts';
import type { OperationPair } from './operation-pair.ts';
import { child } from './pointer.ts';
import { resolve } from './resolve.ts';

export function diffRequestBody(pair: OperationPair): Found[] {
  const a = resolve(pair.oldDoc, pair.before.operation.requestBody, child(pair.before.pointer, 'requestBody'));
  const b = resolve(pair.newDoc, pair.after.operation.requestBody, child(pair.after.pointer, 'requestBody'));
  if (!a && !b) return [];
  if (!a) {
    const required = b!.node.required === true;
    const rule = required ? 'request-body-added-required' : 'request-body-added-optional';
    return [found(rule, `new ${required ? 'required' : 'optional'} request body`, b!.pointer)];
  }
  if (!b) return [found('request-body-removed', 'removed the request body', pair.after.pointer, a.pointer)];
  const out: Found[] = [];
  const was = a.node.required === true;
  const is = b.node.required === true;
  if (was !== is) {
    const rule = is ? 'request-body-became-required' : 'request-body-became-optional';
    out.push(found(rule, `the request body became ${is ? 'required' : 'optional'}`, b.pointer, a.pointer));
  }
  const before = mediaOf(a.node, a.pointer);
  const after = mediaOf(b.node, b.pointer);
  for (const type of unionKeys(before.keys(), after.keys())) {
    const x = before.get(type);
    const y = after.get(type);
    if (x && y) {
      if (x.schema && y.schema)
        out.push(...pair.schemas.diff('request', x.schema, y.schema, `request body (${y.type})`));
    } else if (y) out.push(found('request-media-type-added', `the request body now accepts ${y.type}`, y.pointer));
    else if (x)
      out.push(
        found('request-media-type-removed', `the request body no longer accepts ${x.type}`, b.pointer, x.pointer),
      );
  }
  return out;
}
