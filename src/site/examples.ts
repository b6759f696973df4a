// The example request of an operation: documented examples first, openapi-sampler (Redoc's sampler) where the
// docs show none. Both the cURL and the TypeScript samples are built from it.
import { sample } from 'openapi-sampler';
import type { Spec, SpecOperation, SpecParameter } from '../openapi/spec-types.ts';

export interface ExampleRequest {
  /** Parameter values by location (`path`, `query`, `header`, `cookie`) and name. */
  params: Record<string, Record<string, unknown>>;
  /** Absent when the body is optional and the docs show no example. */
  body?: { value: unknown };
}

function parameterExample(p: SpecParameter, spec: Spec): unknown {
  if (p.example !== undefined) return p.example;
  if (p.schema) return sample(p.schema as never, { skipReadOnly: true }, spec);
  return p.name;
}

export function exampleRequest(op: SpecOperation, spec: Spec): ExampleRequest {
  const params: ExampleRequest['params'] = {};
  for (const p of op.parameters ?? []) {
    if (p.in !== 'path' && !p.required) continue;
    (params[p.in] ??= {})[p.name] = parameterExample(p, spec);
  }
  const media = op.requestBody?.content['application/json'];
  const documented = media && Object.values(media.examples ?? {})[0];
  if (documented) return { params, body: { value: documented.value } };
  if (media?.schema && op.requestBody?.required)
    return { params, body: { value: sample(media.schema as never, { skipReadOnly: true }, spec) } };
  return { params };
}
