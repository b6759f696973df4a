// generated/handlers.ts: one stub per operationId for openapi-backend, typed from schema.d.ts. A stub answers
// the documented example of the operation's first documented success status (or its first status when no
// success is documented), and says it is a stub (`x-stub: true`), so it is never mistaken for an implementation.
// Where the docs show no example, openapi-sampler (Redoc's sampler) builds one from the schema.
import { generatedHeader } from './header.ts';
import { specOperations } from './operation-index.ts';
import type { Spec, SpecOperation } from './spec-types.ts';

type Sampler = typeof import('openapi-sampler').sample;

export async function generateStubs(spec: Spec): Promise<string> {
  const operations = specOperations(spec);
  // openapi-sampler is loaded only when some response has no documented example.
  const needsSampler = operations.some(({ op }) =>
    Object.values(op.responses).some(
      (r) => r.content && !Object.keys(r.content['application/json']?.examples ?? {}).length,
    ),
  );
  const sample: Sampler | undefined = needsSampler ? (await import('openapi-sampler')).sample : undefined;
  const entries = operations.map(({ method, path, op }) => stubEntry(method, path, op, spec, sample));
  return `${generatedHeader('handler stubs')}import type { operations } from './schema.d.ts';

export type OperationId = keyof operations;

/** What a handler answers; the server turns it into an HTTP response. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The JSON body type the spec documents for an operation and status. */
export type ResponseBody<Op extends OperationId, Status extends number> = Status extends keyof operations[Op]['responses']
  ? operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } }
    ? Body
    : never
  : never;

export const STUB_HEADER = 'x-stub';

/** Stub replies by operationId: the documented example with its documented status. */
export const stubs: { readonly [Op in OperationId]: () => Reply } = {
${entries.join('\n')}
};
`;
}

function stubEntry(method: string, path: string, op: SpecOperation, spec: Spec, sample: Sampler | undefined): string {
  const statuses = Object.keys(op.responses);
  const status = statuses.find((st) => st.startsWith('2')) ?? statuses[0] ?? '501';
  const response = op.responses[status];
  const media = response?.content?.['application/json'];
  const example = media && Object.values(media.examples ?? {})[0];
  const headers: Record<string, string> = { 'x-stub': 'true' };
  for (const name of Object.keys(response?.headers ?? {})) headers[name] = `stub-${name.toLowerCase()}`;
  const id = JSON.stringify(op.operationId);
  let body = '';
  let why = `documented ${status}`;
  if (media) {
    const value = example ? example.value : sample!(media.schema as never, { skipReadOnly: true }, spec);
    why = example
      ? `documented ${status} example`
      : `documented ${status}; no example in the docs, sampled from the schema`;
    body = `,\n    body: ${indent(JSON.stringify(value, null, 2))} satisfies ResponseBody<${id}, ${status}>,\n  `;
  }
  return `  /** ${method.toUpperCase()} ${path}: ${why}. */\n  ${id}: () => ({ status: ${Number(status)}, headers: ${JSON.stringify(headers)}${body || ' '}}),`;
}

function indent(json: string): string {
  return json.replace(/\n/g, '\n    ');
}
