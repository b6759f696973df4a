// Operation Object, with the doc-only facts as extensions: x-privileges (any one suffices), x-codeSamples
// (cURL / rest-cli as documented) and x-doc-source (the page it was read from).
import type { Operation, Schema } from '../model.ts';
import { ExampleSources, pointerSegment } from './examples.ts';
import { emitParameter } from './parameter.ts';
import { emitRequestBody } from './request-body.ts';
import { emitResponse, responsesInOrder } from './response.ts';

/** `pointer`: where the operation object goes in the document (`/paths/~1spaces/get`), for `sources`. */
export function emitOperation(op: Operation, sources = new ExampleSources(), pointer = ''): Schema {
  const out: Schema = { operationId: op.operationId, summary: op.summary };
  if (op.description) out.description = op.description;
  if (op.tags.length) out.tags = op.tags;
  if (op.deprecated) out.deprecated = true;
  if (op.parameters.length)
    out.parameters = op.parameters.map((p, i) => emitParameter(p, op, sources, `${pointer}/parameters/${i}`));
  const body = emitRequestBody(op, sources, `${pointer}/requestBody`);
  if (body) out.requestBody = body;
  const responses = statusKeyed();
  for (const r of responsesInOrder(op))
    responses[r.status] = emitResponse(r, op, sources, `${pointer}/responses/${pointerSegment(r.status)}`);
  out.responses = responses;
  if (op.public) out.security = [];
  out['x-privileges'] = op.privileges;
  if (op.codeSamples.length)
    out['x-codeSamples'] = op.codeSamples.map((s) => ({ lang: s.lang, label: s.label, source: s.source }));
  out['x-doc-source'] = `${op.at.file}:${op.at.line}`;
  return out;
}

/**
 * An empty object for status-code keys. V8 keeps integer-like keys ("200", "500") as array elements sized to
 * the largest, so a plain `{}` given "500" reserves hundreds of slots per operation, kept to the end of the
 * build; an object whose elements start sparse holds only its keys. The keys still enumerate in ascending
 * order, as the language requires. (Figures: bench/README.md.)
 */
function statusKeyed(): Schema {
  const record: Schema = {};
  record[SPARSE_INDEX] = null;
  delete record[SPARSE_INDEX];
  return record;
}
const SPARSE_INDEX = 2 ** 30;
