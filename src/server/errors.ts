// Errors and their JSON bodies, in the Error shape of the spec served. Each API documents its own: Onezone's
// seed sample an anyOf of the old {error: string} and the newer {error: {id, details: {key}, description}}, its
// full corpus only the old one, Onepanel {error, description}, LUMA {error, errorDescription}. So the body takes
// the first candidate shape that the documented schema accepts and that uses only the properties it declares,
// and `details.key` (required by the newer shape) names the request part the error is about. A status the
// operation documents without a body ("No Content") is answered without one.
import { Ajv } from 'ajv';
import type { OpenAPIBackend, Operation } from 'openapi-backend';
import type { Reply } from '../openapi/stub-reply.ts';

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
  (e) => ({ error: e.id, description: e.message }),
  (e) => ({ error: e.id, errorDescription: e.message }),
  (e) => ({ error: e.id, error_description: e.message }),
  (e) => ({ error: e.message }),
];
const NO_BODY: Shape = () => undefined;

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
      const declared = declaredKeys(genericSchema);
      this.validateGeneric = (body) => validate(body) && onlyDeclared(body, declared);
    }
  }

  reply(error: HttpError, operation?: Operation): Reply {
    const key = `${operation?.operationId ?? ''} ${error.status}`;
    let shape = this.chosen.get(key);
    if (!shape) {
      shape = this.choose(error, operation);
      this.chosen.set(key, shape);
    }
    const body = shape(error);
    return { status: error.status, headers: error.headers, ...(body === undefined ? {} : { body }) };
  }

  private choose(error: HttpError, operation: Operation | undefined): Shape {
    const documented = operation?.responses?.[String(error.status)] as
      | { content?: Record<string, { schema?: unknown }> }
      | undefined;
    if (operation && documented && !documented.content) return NO_BODY;
    const json = documented?.content?.['application/json'];
    let accepts = this.validateGeneric ?? (() => true);
    if (operation && json) {
      const declared = declaredKeys(json.schema);
      accepts = (body) =>
        this.api.validateResponse(body, operation, error.status).valid && onlyDeclared(body, declared);
    }
    return SHAPES.find((candidate) => accepts(candidate(error))) ?? SHAPES[0]!;
  }
}

/** The top-level property names a (dereferenced) object schema declares, its allOf/oneOf/anyOf parts included. */
function declaredKeys(schema: unknown, seen = new Set<unknown>()): Set<string> {
  const keys = new Set<string>();
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return keys;
  seen.add(schema);
  const s = schema as Record<string, unknown>;
  for (const name of Object.keys((s.properties as object | undefined) ?? {})) keys.add(name);
  for (const part of ['allOf', 'oneOf', 'anyOf'])
    for (const sub of (s[part] as unknown[] | undefined) ?? [])
      for (const name of declaredKeys(sub, seen)) keys.add(name);
  return keys;
}

/** True when the body uses only declared top-level properties (any, when the schema declares none). */
function onlyDeclared(body: unknown, declared: ReadonlySet<string>): boolean {
  if (declared.size === 0 || !body || typeof body !== 'object') return true;
  return Object.keys(body).every((key) => declared.has(key));
}
