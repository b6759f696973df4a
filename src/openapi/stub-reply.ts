// The one rule for what an operation without an implementation answers, shared by the stub generator
// (generated/handlers.ts) and the server (operations the generated stubs do not know): the first documented
// success status, with its first documented example, or a sample of its schema where the docs show none, in
// its documented media type: JSON where documented, else the first one (Oneprovider's application/javascript).
import type { Spec, SpecMedia, SpecOperation } from './spec-types.ts';

/** Response header that marks a stub reply, so it is never mistaken for an implementation. */
export const STUB_HEADER = 'x-stub';

export type Sampler = typeof import('openapi-sampler').sample;

/** What an operation answers, stub or implementation; the server turns it into an HTTP response. */
export interface Reply {
  status: number;
  /** A `content-type` here other than JSON sends a string body as it is (a stub's documented media type). */
  headers?: Record<string, string>;
  /** Sent as JSON, or as text under a non-JSON `content-type`; absent for no body. */
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

/** The media type a reply is sent in: application/json where documented, else the first documented one. */
function replyMedia(content: Record<string, SpecMedia> | undefined): [type: string, media: SpecMedia] | undefined {
  if (!content) return undefined;
  if (content['application/json']) return ['application/json', content['application/json']];
  const first = Object.keys(content)[0];
  return first === undefined ? undefined : [first, content[first]!];
}

/** Whether building `operation`'s stub needs a sampler (its stub status documents a body but no example). */
export function needsSample(operation: SpecOperation): boolean {
  const media = replyMedia(operation.responses?.[stubStatus(operation)]?.content)?.[1];
  return media !== undefined && Object.keys(media.examples ?? {}).length === 0;
}

export function stubReply(operation: SpecOperation, spec: Spec, sample?: Sampler): StubReply {
  const status = stubStatus(operation);
  const response = operation.responses?.[status];
  const headers: Record<string, string> = { [STUB_HEADER]: 'true' };
  for (const name of Object.keys(response?.headers ?? {})) headers[name] = `stub-${name.toLowerCase()}`;
  const chosen = replyMedia(response?.content);
  if (!chosen) return { status: Number(status), headers, why: `documented ${status}` };
  const [type, media] = chosen;
  if (type !== 'application/json') headers['content-type'] = type;
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
