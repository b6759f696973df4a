// Errors and their JSON bodies. The seed spec's Error is a oneOf of the old {error: string} and the newer
// {error: {id, details: {key}, description}}; older specs (the full corpus) only know the string one. So the
// body takes the newer shape when the documented schema accepts it and falls back to the old one otherwise,
// and `details.key` (required by the newer shape) names the request part the error is about.
import { Ajv } from 'ajv';
import type { OpenAPIBackend, Operation } from 'openapi-backend';
import type { Reply } from '../../generated/handlers.ts';

/** Thrown from any step of a request to answer with an error; anything else thrown becomes a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    readonly key: string,
    description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

type Shape = (error: HttpError) => unknown;

const SHAPES: Shape[] = [
  (e) => ({ error: { id: e.id, details: { key: e.key }, description: e.message } }),
  (e) => ({ error: e.id, error_description: e.message }),
  (e) => ({ error: e.message }),
];

/** Picks, once per operation and status, the first shape the spec documents for it. */
export class ErrorBodies {
  private readonly chosen = new Map<string, Shape>();
  private readonly validateGeneric: ((body: unknown) => boolean) | undefined;

  /** `genericSchema`: components.schemas.Error, for statuses no operation documents (404 on unknown paths…). */
  constructor(
    private readonly api: OpenAPIBackend,
    genericSchema: object | undefined,
  ) {
    if (genericSchema) {
      const validate = new Ajv({ strict: false }).compile(genericSchema);
      this.validateGeneric = (body) => validate(body);
    }
  }

  reply(error: HttpError, operation?: Operation): Reply {
    const key = `${operation?.operationId ?? ''} ${error.status}`;
    let shape = this.chosen.get(key);
    if (!shape) {
      const accepts = this.acceptor(error.status, operation);
      shape = SHAPES.find((candidate) => accepts(candidate(error))) ?? SHAPES[0]!;
      this.chosen.set(key, shape);
    }
    return { status: error.status, headers: error.headers, body: shape(error) };
  }

  private acceptor(status: number, operation: Operation | undefined): (body: unknown) => boolean {
    const documented = operation?.responses?.[String(status)] as { content?: Record<string, unknown> } | undefined;
    if (operation && documented?.content?.['application/json'])
      return (body) => this.api.validateResponse(body, operation, status).valid;
    return this.validateGeneric ?? (() => true);
  }
}
