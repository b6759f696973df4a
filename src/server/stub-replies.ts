// What an operation without an implementation answers: the one stub rule (src/openapi/stub-reply.ts, which the
// stub generator uses too), computed from the served spec once at start-up. Nothing generated is loaded.
import { sample } from 'openapi-sampler';
import type { Spec, SpecOperation } from '../openapi/spec-types.ts';
import { stubReply as specStubReply, type Reply } from '../openapi/stub-reply.ts';

export function stubReply(operation: SpecOperation, spec: Spec): () => Reply {
  const { status, headers, body } = specStubReply(operation, spec, sample);
  // The body is only ever serialised, so one object serves every reply.
  return () => ({ status, headers: { ...headers }, ...(body === undefined ? {} : { body }) });
}
