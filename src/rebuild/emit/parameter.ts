// Parameter Object. The documented request path ("/spaces/string/users/token") gives path parameters examples.
import { matchTemplate } from '../extract/curl.ts';
import type { Operation, Parameter, Schema } from '../model.ts';
import type { ExampleRegistry } from './examples.ts';

export function emitParameter(p: Parameter, op: Operation, examples: ExampleRegistry): Schema {
  const out: Schema = { name: p.name, in: p.in, required: p.required };
  if (p.description) out.description = p.description;
  out.schema = p.schema;
  const value = pathExample(p, op);
  if (value !== undefined && op.requestExamples.path) {
    examples.single(out, 'example', value, p.schema, op.requestExamples.path.at, op.operationId, `parameter ${p.name}`);
  }
  return out;
}

function pathExample(p: Parameter, op: Operation): unknown {
  const example = op.requestExamples.path?.value;
  if (typeof example === 'string' && p.in === 'path') return matchTemplate(example, op.path)?.values[p.name];
  if (example && typeof example === 'object') return (example as Record<string, unknown>)[p.name];
  return undefined;
}
