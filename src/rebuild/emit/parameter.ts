// Parameter Object. The documented request path ("/spaces/string/users/token") gives path parameters examples,
// the documented request query (`{ "started" : true }`) query parameters theirs.
import { matchTemplate } from '../extract/curl.ts';
import type { Example, Operation, Parameter, Schema } from '../model.ts';
import { ExampleSources } from './examples.ts';

export function emitParameter(p: Parameter, op: Operation, sources = new ExampleSources(), pointer = ''): Schema {
  const out: Schema = { name: p.name, in: p.in, required: p.required };
  if (p.description) out.description = p.description;
  out.schema = p.schema;
  const example = parameterExample(p, op);
  if (example) {
    out.example = example.value;
    sources.note(`${pointer}/example`, { at: example.at, subject: op.operationId, where: `parameter ${p.name}` });
  }
  return out;
}

function parameterExample(p: Parameter, op: Operation): { value: unknown; at: Example['at'] } | undefined {
  const { path, query } = op.requestExamples;
  let value: unknown;
  let at: Example['at'] | undefined;
  if (p.in === 'query' && query?.value && typeof query.value === 'object') {
    value = (query.value as Record<string, unknown>)[p.name];
    at = query.at;
  }
  if (value === undefined && path) {
    if (typeof path.value === 'string' && p.in === 'path') value = matchTemplate(path.value, op.path)?.values[p.name];
    else if (path.value && typeof path.value === 'object') value = (path.value as Record<string, unknown>)[p.name];
    at = path.at;
  }
  return value === undefined || !at ? undefined : { value, at };
}
