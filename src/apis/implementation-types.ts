// The contract of a hand-written implementation, generic over one API's `operations` type (generated/<api>/
// schema.d.ts) and its profile's state: it gets the validated, authorized call and answers a Reply. Only types
// come from the generated files; nothing generated is loaded at run time.
import type { Reply } from '../openapi/stub-reply.ts';
import type { User } from '../server/accounts.ts';

type JsonBody<RequestBody> = RequestBody extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON request body as the spec types it; undefined when the body is optional or not documented. */
type RequestBody<Ops, Op extends keyof Ops> = Ops[Op] extends { requestBody?: infer Body }
  ? undefined extends Body
    ? JsonBody<NonNullable<Body>> | undefined
    : JsonBody<Body>
  : undefined;

type PathParams<Ops, Op extends keyof Ops> = Ops[Op] extends { parameters: { path: infer Params } }
  ? Params
  : Record<string, never>;

/** The JSON body type the spec documents for an operation and status. */
export type ResponseBody<Ops, Op extends keyof Ops, Status extends number> = Ops[Op] extends { responses: infer R }
  ? Status extends keyof R
    ? R[Status] extends { content: { 'application/json': infer Body } }
      ? Body
      : never
    : never
  : never;

interface Call<Ops, Op extends keyof Ops, State> {
  /** The authenticated user (implemented operations all require authentication). */
  caller: User;
  params: PathParams<Ops, Op>;
  body: RequestBody<Ops, Op>;
  /** The API's own stores (its profile's createState). */
  state: State;
}

export type Implementation<Ops, Op extends keyof Ops, State> = (call: Call<Ops, Op, State>) => Reply;

/** One API's hand-written implementations by operationId; they take precedence over the stubs. */
export type Implementations<Ops, State> = { readonly [Op in keyof Ops]?: Implementation<Ops, Op, State> };

/** Any API's registry, as the server holds it (it checks the calls against the spec before they get here). */
export type Registry = { readonly [operationId: string]: ((call: never) => Reply) | undefined };
