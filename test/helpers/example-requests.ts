// The documented example request of an operation: path parameters from their `example`, the body from the
// requestBody's first example (a sample of its schema when the docs show none).
import { sample } from 'openapi-sampler';
import type { Spec } from '../../src/openapi/spec-types.ts';
import type { SpecOp } from './spec-check.ts';

export interface ExampleRequest {
  method: string;
  /** Path below the base path, parameters filled in and percent-encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export function exampleRequest(spec: Spec, { method, path, op }: SpecOp): ExampleRequest {
  let filled = path;
  for (const parameter of op.parameters ?? []) {
    if (parameter.in !== 'path') continue;
    const value = parameter.example ?? sample((parameter.schema ?? { type: 'string' }) as never, {}, spec);
    filled = filled.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
  }
  const media = op.requestBody?.content['application/json'];
  if (!media) return { method, path: filled, headers: {} };
  const example = Object.values(media.examples ?? {})[0];
  const body = example ? example.value : sample((media.schema ?? {}) as never, { skipReadOnly: true }, spec);
  return { method, path: filled, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
