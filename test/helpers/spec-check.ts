// Checks HTTP responses against a spec with openapi-backend's validators: the status is documented for the
// operation, the JSON body validates against that status's schema, documented headers are present and valid.
// Responses no operation answers (unknown path, wrong method) are checked against components.schemas.Error.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { OpenAPIBackend, SetMatchType, type Document, type Operation } from 'openapi-backend';
import { parse } from 'yaml';
import type { Spec, SpecOperation } from '../../src/openapi/spec-types.ts';
import { basePathOf } from '../../src/openapi/servers.ts';
import { toBackendDocument } from '../../src/server/backend-document.ts';

export interface SpecOp {
  operationId: string;
  method: string;
  path: string;
  op: SpecOperation;
}

export interface SeenResponse {
  status: number;
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The raw body text ('' when empty). */
  text: string;
}

export class SpecChecker {
  readonly document: Spec;
  readonly basePath: string;
  readonly operations: SpecOp[];
  private readonly api: OpenAPIBackend;
  private readonly validateError: ValidateFunction;

  private constructor(document: Spec, api: OpenAPIBackend) {
    this.document = document;
    this.api = api;
    this.basePath = basePathOf(document);
    this.operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        op,
      })),
    );
    // A spec without an Error schema (a doc set missing its page) accepts any error body.
    this.validateError = new Ajv({ strict: false }).compile(
      (api.definition.components?.schemas as Record<string, object> | undefined)?.Error ?? {},
    );
  }

  static async load(specPath: string): Promise<SpecChecker> {
    const document = parse(readFileSync(specPath, 'utf8')) as Spec;
    // openapi-backend takes the server's 3.0 form of the spec (the loading step), as the server does.
    const api = new OpenAPIBackend({
      definition: toBackendDocument(document) as unknown as Document,
      quick: false,
      strict: true,
    });
    await api.init();
    return new SpecChecker(document, api);
  }

  operation(operationId: string): SpecOp {
    const found = this.operations.find((o) => o.operationId === operationId);
    if (!found) throw new Error(`no operation ${operationId}`);
    return found;
  }

  /** Problems with a response of the operation; [] when it is documented and valid. */
  problems(operationId: string, response: SeenResponse): string[] {
    const op = this.api.getOperation(operationId) as Operation;
    const documented = op.responses?.[String(response.status)] as
      | { content?: Record<string, unknown>; headers?: Record<string, unknown> }
      | undefined;
    if (!documented)
      return [
        `status ${response.status} is not documented for ${operationId} (${Object.keys(op.responses ?? {}).join(', ')})`,
      ];
    const problems: string[] = [];
    const headers = headerRecord(response.headers);
    if (documented.content?.['application/json']) {
      if (!String(headers['content-type'] ?? '').startsWith('application/json'))
        problems.push(`content-type is ${headers['content-type']}, not application/json`);
      const body = parseJson(response.text);
      if (body === undefined) problems.push(`body is not JSON: ${response.text.slice(0, 200)}`);
      else {
        const result = this.api.validateResponse(body, op, response.status);
        if (!result.valid)
          problems.push(`body does not validate: ${JSON.stringify(result.errors)} in ${response.text.slice(0, 300)}`);
      }
    } else if (response.text !== '')
      problems.push(`status ${response.status} documents no body, got ${response.text.slice(0, 200)}`);
    const headerResult = this.api.validateResponseHeaders(headers, op, {
      statusCode: response.status,
      setMatchType: SetMatchType.Superset,
    });
    if (!headerResult.valid) problems.push(`headers do not validate: ${JSON.stringify(headerResult.errors)}`);
    return problems;
  }

  /** Problems with an error body no operation documents (unknown path, wrong method, 413, 415). */
  errorProblems(response: SeenResponse): string[] {
    const body = parseJson(response.text);
    if (body === undefined) return [`body is not JSON: ${response.text.slice(0, 200)}`];
    return this.validateError(body)
      ? []
      : [`body is not the spec's Error: ${JSON.stringify(this.validateError.errors)} in ${response.text}`];
  }
}

function headerRecord(headers: SeenResponse['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers instanceof Headers)
    headers.forEach((value, name) => {
      out[name] = value;
    });
  else
    for (const [name, value] of Object.entries(headers))
      if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
