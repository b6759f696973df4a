// One API's server without its socket. openapi-backend loads the spec (its 3.0 form from the loading step,
// backend-document.ts; dereferenced, checked, strict: a spec it cannot load stops the start) and validates
// requests with its precompiled ajv validators; routing uses its operation list, compiled once. Each request
// goes through: route (404/405) → authenticate (401) → media type (415) → validate (400; integer parameters
// exactly) → x-privileges (403/404) → the hand-written implementation of the operationId, or its stub.
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, OpenAPIValidator, type Document, type Operation } from 'openapi-backend';
import type { SpecOperation } from '../openapi/spec-types.ts';
import { STUB_HEADER, type Reply } from '../openapi/stub-reply.ts';
import { Accounts, usersFor, type User, type UsersFile } from './accounts.ts';
import { ErrorBodies, HttpError } from './errors.ts';
import { assertSupportedMediaType } from './media-type.ts';
import { authorizer, privilegesOf, type Authorize } from './privileges.ts';
import { integerParameterCheck } from './integer-parameters.ts';
import { CachedRouter } from './router.ts';
import { authenticator, type Authenticate } from './security.ts';
import type { LoadedSpec } from './spec.ts';
import type { ApiProfile } from '../apis/profile.ts';
import type { Registry } from '../apis/implementation-types.ts';
import { stubReply } from './stub-replies.ts';
import { parseYamlBody, YAML_TYPES } from './yaml-body.ts';
import { jsonDepth, MAX_BODY_DEPTH, type StateBudget, type StateLimits, tooDeep } from './limits.ts';
import { badRequest } from './validation-errors.ts';
import type { Log } from './log.ts';

/** A request as read from the socket; `body` is the raw text (undefined when there is none). */
export interface RawRequest {
  method: string;
  /** Path and query string, as in the request line. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string | undefined;
}

export interface App {
  /** The API's base path, e.g. /api/v3/onepanel. */
  basePath: string;
  handle(request: RawRequest): Reply;
  /** The methods of the operations at a request's path (for CORS preflights); undefined for no operation. */
  methodsAt(url: string): string[] | undefined;
  /** Invite tokens the API's state remembers. */
  inviteTokens(): number;
  /** The reply for an error raised outside an operation (413 while reading, a bug → 500); `url`: the request's. */
  errorReply(error: unknown, url?: string): Reply;
}

/** What answers a validated, authorized call of one operation. */
type Answer = (call: {
  caller: User | undefined;
  params: Record<string, string>;
  body: unknown;
  state: unknown;
}) => Reply;

/** Each operation's steps, worked out once at start. */
interface Plan {
  authenticate: Authenticate;
  authorize: Authorize;
  checkIntegers: ((params: Record<string, string>, url: string) => void) | undefined;
  needsPrivileges: boolean;
  answer: Answer;
}

/** What bounds the state (limits.ts): the byte budget, shared by the apps of one server, and the limits. */
export interface StateBounds {
  budget: StateBudget;
  limits: Readonly<StateLimits>;
}

export async function createApp(
  spec: LoadedSpec,
  users: UsersFile,
  profile: ApiProfile,
  log: Log,
  { budget, limits }: StateBounds,
): Promise<App> {
  const api = new OpenAPIBackend({
    definition: structuredClone(spec.backendDocument) as unknown as Document,
    apiRoot: spec.basePath || '/',
    quick: false,
    strict: true,
    // The validator is made below, once the router is.
    validate: false,
  });
  try {
    await api.init();
  } catch (error) {
    throw new Error(`openapi-backend cannot load the ${spec.api} spec: ${(error as Error).message.slice(0, 2000)}`);
  }
  for (const operation of api.getOperations()) {
    // openapi-backend keys its validators by operationId.
    if (!operation.operationId)
      throw new Error(
        `${operation.method.toUpperCase()} ${operation.path} has no operationId; the server needs one per operation`,
      );
  }
  const router = new CachedRouter({ definition: api.definition, apiRoot: api.apiRoot });
  api.router = router;
  // Request validators are compiled now (a schema ajv cannot compile stops the start); response validators,
  // only used to pick error shapes, when first needed: compiling them all at start cost more than the requests'
  // (bench/README.md).
  api.validator = new OpenAPIValidator({
    definition: api.definition,
    router,
    lazyCompileValidators: true,
    customizeAjv: (ajv) => addFormats.default(ajv),
  });
  try {
    api.validator.preCompileRequestValidators();
  } catch (error) {
    throw new Error(`ajv cannot compile a request schema of the ${spec.api} spec: ${(error as Error).message}`);
  }

  const state = profile.createState({
    groups: users.groups,
    specPrivileges: spec.privileges,
    fileUsers: usersFor(users.users, spec.privileges),
    budget,
    limits,
  });
  const accounts = new Accounts(usersFor(users.users, spec.privileges), profile.passwordLogin?.(state));
  const roles = profile.roles?.(state);
  const scope = profile.privilegeScope(spec, state);
  const authentication = authenticator(spec.document.components?.securitySchemes ?? {}, accounts, spec.api);
  const errors = new ErrorBodies(
    api,
    (api.definition.components?.schemas as Record<string, object> | undefined)?.Error,
  );
  const { challenge } = authentication;
  const unauthorized = () =>
    new HttpError(401, 'unauthorized', challenge.key, challenge.description, {
      'WWW-Authenticate': challenge.wwwAuthenticate,
    });
  const plans = new Map<Operation, Plan>(
    router.getOperations().map((operation) => [
      operation,
      {
        authenticate: authentication.forOperation(operation.security as Record<string, unknown>[] | undefined),
        authorize: authorizer(operation, scope),
        checkIntegers: integerParameterCheck(operation),
        needsPrivileges: privilegesOf(operation).length > 0,
        answer: answerFor(operation, profile.implementations, spec, log, unauthorized),
      },
    ]),
  );

  function answer(request: RawRequest, operation: Operation, params: Record<string, string>): Reply {
    const plan = plans.get(operation)!;
    const { authorized, caller } = plan.authenticate(request.headers);
    if (!authorized) throw unauthorized();
    assertSupportedMediaType(
      operation,
      request.headers['content-type'],
      request.headers['content-encoding'],
      request.body !== undefined,
    );
    assertNamedQueryParameters(request.url);
    const json = parseBody(request);
    // openapi-backend parses string bodies itself: only a parsed object saves it that work.
    const body = json && typeof json.value === 'object' && json.value !== null ? json.value : request.body;
    const validation = api.validator.validateRequest(
      {
        method: request.method,
        path: request.url,
        headers: request.headers as Record<string, string | string[]>,
        body,
      },
      operation,
    );
    if (validation.errors) throw badRequest(validation.errors as ErrorObject[]);
    plan.checkIntegers?.(params, request.url);
    if (caller) {
      plan.authorize(caller, params);
      roles?.(operation.operationId!, caller, params);
    }
    // Only a public operation gets here without a caller: one with privileges to check needs one after all.
    else if (plan.needsPrivileges) throw unauthorized();
    return plan.answer({ caller, params, body: json?.value, state });
  }

  return {
    basePath: spec.basePath,
    inviteTokens: () => profile.inviteTokens?.(state) ?? 0,
    methodsAt: (url) => router.methodsAt(url),
    handle(request) {
      const { operation, params } = router.match(request.method, request.url);
      try {
        return answer(request, operation, params);
      } catch (error) {
        if (error instanceof HttpError) return errors.reply(error, operation);
        throw error;
      }
    },
    errorReply(error) {
      if (error instanceof HttpError) return errors.reply(error);
      log(`error   ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return errors.reply(
        new HttpError(500, 'internalServerError', 'request', 'The server failed to handle the request.'),
      );
    },
  };
}

function answerFor(
  operation: Operation,
  implementations: Registry,
  spec: LoadedSpec,
  log: Log,
  unauthorized: () => HttpError,
): Answer {
  const id = operation.operationId!;
  if (Object.hasOwn(implementations, id) && implementations[id]) {
    // The registry's per-operation types hold: the call was validated against this operation.
    const implementation = implementations[id] as unknown as (call: Parameters<Answer>[0] & { caller: User }) => Reply;
    return (call) => {
      // The implementations act on behalf of the current user; a spec that made one public gets a 401.
      if (!call.caller) throw unauthorized();
      return implementation({ ...call, caller: call.caller });
    };
  }
  // The stub is computed from the spec as written (3.1), not from openapi-backend's 3.0 form.
  const written = spec.document.paths[operation.path]?.[operation.method] ?? (operation as unknown as SpecOperation);
  const stub = stubReply(written, spec.document);
  const call = `${operation.method.toUpperCase()} ${operation.path} (${id})`;
  const line = `stub    ${call} answered by its stub, marked ${STUB_HEADER}: true`;
  return () => {
    log(line);
    return stub();
  };
}

/** `?a=1&=x`: openapi-backend's query parser drops a parameter without a name, which would pass unseen where any
 * other parameter the operation does not document is refused. */
function assertNamedQueryParameters(url: string): void {
  const query = url.indexOf('?');
  if (query < 0) return;
  for (const pair of url.slice(query + 1).split('&'))
    if (pair.startsWith('='))
      throw new HttpError(400, 'badValue', '', 'Bad value: query has no parameter "" (a parameter without a name).');
}

/**
 * The body parsed when it was sent as JSON (openapi-backend reports malformed JSON) or as YAML (Onepanel's
 * documented application/x-yaml: a 400 when malformed); other media types stay text. Either is a 400 when it
 * nests deeper than MAX_BODY_DEPTH, before it is parsed.
 */
function parseBody({ headers, body }: RawRequest): { value: unknown } | undefined {
  if (body === undefined) return undefined;
  const type = String(headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (YAML_TYPES.has(type)) return { value: parseYamlBody(body) };
  if (!(type === 'application/json' || type.endsWith('+json'))) return undefined;
  if (jsonDepth(body) > MAX_BODY_DEPTH) throw tooDeep();
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}
