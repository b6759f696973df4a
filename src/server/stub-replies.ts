// What an operation without an implementation answers: its stub from generated/handlers.ts, or, for an
// operation the generated stubs do not know (another spec), the same reply built from the spec by the one
// stub rule (src/openapi/stub-reply.ts).
import { sample } from 'openapi-sampler';
import { stubs, type OperationId, type Reply } from '../../generated/handlers.ts';
import type { Spec, SpecOperation } from '../openapi/spec-types.ts';
import { stubReply as specStubReply } from '../openapi/stub-reply.ts';

export function stubReply(operationId: string, operation: SpecOperation, spec: Spec): () => Reply {
  if (Object.hasOwn(stubs, operationId)) return stubs[operationId as OperationId];
  const { status, headers, body } = specStubReply(operation, spec, sample);
  return () => ({ status, headers: { ...headers }, ...(body === undefined ? {} : { body }) });
}
