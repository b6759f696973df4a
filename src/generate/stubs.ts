// generated/handlers.ts: one stub per operationId for openapi-backend, typed from schema.d.ts, each answering
// what the one stub rule (src/openapi/stub-reply.ts) says; openapi-sampler (Redoc's sampler) fills the bodies
// the docs give no example of.
import { generatedHeader } from './header.ts';
import { specOperations } from './operation-index.ts';
import type { Spec, SpecOperation } from '../openapi/spec-types.ts';
import { needsSample, STUB_HEADER, stubReply, type Sampler } from '../openapi/stub-reply.ts';

export async function generateStubs(spec: Spec, from: string): Promise<string> {
  const operations = specOperations(spec);
  // openapi-sampler is loaded only when some stub has no documented example.
  const needed = operations.some(({ op }) => needsSample(op));
  const sample: Sampler | undefined = needed ? (await import('openapi-sampler')).sample : undefined;
  const entries = operations.map(({ method, path, op }) => stubEntry(method, path, op, spec, sample));
  // A generated line wider than this source allows, kept in a variable so the output stays as it is.
  const responseBodyHead = 'export type ResponseBody<Op extends OperationId, Status extends number>';
  return `${generatedHeader('handler stubs', from)}import type { operations } from './schema.d.ts';

export type OperationId = keyof operations;

/** What a handler answers; the server turns it into an HTTP response. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The JSON body type the spec documents for an operation and status. */
${responseBodyHead} = Status extends keyof operations[Op]['responses']
  ? operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } }
    ? Body
    : never
  : never;

export const STUB_HEADER = '${STUB_HEADER}';

/** Stub replies by operationId: the documented example with its documented status. */
export const stubs: { readonly [Op in OperationId]: () => Reply } = {
${entries.join('\n')}
};
`;
}

function stubEntry(method: string, path: string, op: SpecOperation, spec: Spec, sample: Sampler | undefined): string {
  const { status, headers, body, why } = stubReply(op, spec, sample);
  const id = JSON.stringify(op.operationId);
  // A documented example must match the documented type; a sample is the sampler's guess at polymorphic or
  // open schemas, so it is checked against the schema at run time by the server's tests, not by the compiler.
  // ResponseBody is the JSON body type: a reply in another media type (its content-type header) is not one.
  const check = why.endsWith('example') && !headers['content-type'] ? ` satisfies ResponseBody<${id}, ${status}>` : '';
  const typedBody = body === undefined ? ' ' : `,\n    body: ${indent(JSON.stringify(body, null, 2))}${check},\n  `;
  const doc = `  /** ${method.toUpperCase()} ${path}: ${why}. */\n`;
  return `${doc}  ${id}: () => ({ status: ${status}, headers: ${JSON.stringify(headers)}${typedBody}}),`;
}

function indent(json: string): string {
  return json.replace(/\n/g, '\n    ');
}
