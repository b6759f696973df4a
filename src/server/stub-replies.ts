// What an operation without an implementation answers: its stub from generated/handlers.ts, or, for an
// operation the generated stubs do not know (another spec), the same kind of reply built here from the spec:
// the first documented success status with its documented example, or a sample of its schema (openapi-sampler).
import { sample } from 'openapi-sampler';
import { STUB_HEADER, stubs, type OperationId, type Reply } from '../../generated/handlers.ts';
import type { Spec, SpecOperation } from '../generate/spec-types.ts';

export function stubReply(operationId: string, operation: SpecOperation, spec: Spec): () => Reply {
  if (Object.hasOwn(stubs, operationId)) return stubs[operationId as OperationId];
  const reply = specReply(operation, spec);
  return () => ({ ...reply });
}

function specReply(operation: SpecOperation, spec: Spec): Reply {
  const statuses = Object.keys(operation.responses ?? {});
  const status = statuses.find((s) => /^2\d\d$/.test(s)) ?? statuses.find((s) => /^\d{3}$/.test(s)) ?? '501';
  const response = operation.responses?.[status];
  const headers: Record<string, string> = { [STUB_HEADER]: 'true' };
  for (const name of Object.keys(response?.headers ?? {})) headers[name] = `stub-${name.toLowerCase()}`;
  const media = response?.content?.['application/json'];
  if (!media) return { status: Number(status), headers };
  const example = Object.values(media.examples ?? {})[0];
  const body = example
    ? example.value
    : sample((media.schema ?? {}) as never, { skipReadOnly: true, quiet: true }, spec);
  return { status: Number(status), headers, body };
}
