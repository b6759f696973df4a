// The one rule for what an operation without an implementation answers, shared by the stub generator
// (generated/handlers.ts) and the server (operations the generated stubs do not know): the first documented
// success status, with its first documented example, or a sample of its schema where the docs show none.
import type { Spec, SpecOperation } from './spec-types.ts';

/** Response header that marks a stub reply, so it is never mistaken for an implementation. */
export const STUB_HEADER = 'x-stub';

export type Sampler = typeof import('openapi-sampler').sample;

/** What an operation answers, stub or implementation; the server turns it into an HTTP response. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON; absent for no body. */
  body?: unknown;
}

export interface StubReply {
  status: number;
  headers: Record<string, string>;
  /** Absent when the status documents no JSON body. */
  body?: unknown;
  /** Why this reply, for the generated stub's comment. */
  why: string;
}

/** The status a stub answers: the first documented 2xx, else the first documented status code, else 501. */
function stubStatus(operation: SpecOperation): string {
  const statuses = Object.keys(operation.responses ?? {});
  return statuses.find((s) => /^2\d\d$/.test(s)) ?? statuses.find((s) => /^\d{3}$/.test(s)) ?? '501';
}

/** Whether building `operation`'s stub needs a sampler (its stub status documents a body but no example). */
export function needsSample(operation: SpecOperation): boolean {
  const media = operation.responses?.[stubStatus(operation)]?.content?.['application/json'];
  return media !== undefined && Object.keys(media.examples ?? {}).length === 0;
}

export function stubReply(operation: SpecOperation, spec: Spec, sample?: Sampler): StubReply {
  const status = stubStatus(operation);
  const response = operation.responses?.[status];
  const headers: Record<string, string> = { [STUB_HEADER]: 'true' };
  for (const name of Object.keys(response?.headers ?? {})) headers[name] = `stub-${name.toLowerCase()}`;
  const media = response?.content?.['application/json'];
  if (!media) return { status: Number(status), headers, why: `documented ${status}` };
  const example = Object.values(media.examples ?? {})[0];
  if (example) return { status: Number(status), headers, body: example.value, why: `documented ${status} example` };
  if (!sample) throw new Error(`${operation.operationId}: a sampler is needed for the ${status} reply`);
  const body = sample((media.schema ?? {}) as never, { skipReadOnly: true, quiet: true }, spec);
  return {
    status: Number(status),
    headers,
    body,
    why: `documented ${status}; no example in the docs, sampled from the schema`,
  };
}
