// The server without its socket. openapi-backend loads the spec (dereferenced, checked) and validates
// requests with its precompiled ajv validators; routing uses its operation list, compiled once. Each request
// goes through: route (404/405) → authenticate (401) → media type (415) → validate (400) → x-privileges
// (403/404) → the hand-written implementation of the operationId, or its stub.
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import { STUB_HEADER, type Reply } from '../../generated/handlers.ts';
import type { SpecOperation } from '../openapi/spec-types.ts';
import { Accounts, type User, type UsersFile } from './accounts.ts';
import { ErrorBodies, HttpError } from './errors.ts';
import type { Implementations } from './implementations/types.ts';
import { assertSupportedMediaType } from './media-type.ts';
import { authorizer, privilegesOf, type Authorize } from './privileges.ts';
import { CachedRouter } from './router.ts';
import { authenticator, type Authenticate } from './security.ts';
import type { LoadedSpec } from './spec.ts';
import { createState, type State } from './state.ts';
import { stubReply } from './stub-replies.ts';
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
  handle(request: RawRequest): Reply;
  /** The reply for an error raised outside an operation (413 while reading, a bug → 500). */
  errorReply(error: unknown): Reply;
}

/** What answers a validated, authorized call of one operation. */
type Answer = (call: {
  caller: User | undefined;
  params: Record<string, string>;
  body: unknown;
  state: State;
}) => Reply;

/** Each operation's steps, worked out once at start. */
interface Plan {
  authenticate: Authenticate;
  authorize: Authorize;
  needsPrivileges: boolean;
  answer: Answer;
}

export async function createApp(
  spec: LoadedSpec,
  users: UsersFile,
  implementations: Implementations,
  log: Log,
): Promise<App> {
  const api = new OpenAPIBackend({
    definition: structuredClone(spec.document) as unknown as Document,
    apiRoot: spec.basePath || '/',
    quick: false,
    customizeAjv: (ajv) => addFormats.default(ajv),
  });
  await api.init();
  for (const operation of api.getOperations()) {
    // openapi-backend keys its validators by operationId.
    if (!operation.operationId)
      throw new Error(
        `${operation.method.toUpperCase()} ${operation.path} has no operationId; the server needs one per operation`,
      );
  }
  const router = new CachedRouter({ definition: api.definition, apiRoot: api.apiRoot });
  api.router = router;
  api.validator.router = router;

  const authentication = authenticator(spec.document.components?.securitySchemes ?? {}, new Accounts(users.users));
  const state = createState(users.groups, spec.privileges);
  const errors = new ErrorBodies(
    api,
    (api.definition.components?.schemas as Record<string, object> | undefined)?.Error,
  );
  const unauthorized = () =>
    new HttpError(401, 'unauthorized', authentication.challenge.key, authentication.challenge.description);
  const plans = new Map<Operation, Plan>(
    router.getOperations().map((operation) => [
      operation,
      {
        authenticate: authentication.forOperation(operation.security as Record<string, unknown>[] | undefined),
        authorize: authorizer(operation, state.directory),
        needsPrivileges: privilegesOf(operation).length > 0,
        answer: answerFor(operation, implementations, spec, log, unauthorized),
      },
    ]),
  );

  function answer(request: RawRequest, operation: Operation, params: Record<string, string>): Reply {
    const plan = plans.get(operation)!;
    const { authorized, caller } = plan.authenticate(request.headers);
    if (!authorized) throw unauthorized();
    assertSupportedMediaType(operation, request.headers['content-type'], request.body !== undefined);
    const json = parseJson(request);
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
    if (caller) plan.authorize(caller, params);
    // Only a public operation gets here without a caller: one with privileges to check needs one after all.
    else if (plan.needsPrivileges) throw unauthorized();
    return plan.answer({ caller, params, body: json?.value, state });
  }

  return {
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
  implementations: Implementations,
  spec: LoadedSpec,
  log: Log,
  unauthorized: () => HttpError,
): Answer {
  const id = operation.operationId!;
  if (Object.hasOwn(implementations, id)) {
    // The registry's per-operation types hold: the call was validated against this operation.
    const implementation = implementations[id as keyof Implementations] as unknown as (
      call: Parameters<Answer>[0] & { caller: User },
    ) => Reply;
    return (call) => {
      // The implementations act on behalf of the current user; a spec that made one public gets a 401.
      if (!call.caller) throw unauthorized();
      return implementation({ ...call, caller: call.caller });
    };
  }
  const stub = stubReply(id, operation as unknown as SpecOperation, spec.document);
  const line = `stub    ${operation.method.toUpperCase()} ${operation.path} (${id}) answered by its stub, marked ${STUB_HEADER}: true`;
  return () => {
    log(line);
    return stub();
  };
}

/** The body parsed as JSON when it was sent as JSON and is JSON; openapi-backend reports malformed JSON. */
function parseJson({ headers, body }: RawRequest): { value: unknown } | undefined {
  const type = String(headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (body === undefined || !(type === 'application/json' || type.endsWith('+json'))) return undefined;
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}
