// The contract of a hand-written implementation: it gets the validated, authorized call and answers a Reply.
import type { OperationId, Reply } from '../../../generated/handlers.ts';
import type { operations } from '../../../generated/schema.d.ts';
import type { User } from '../accounts.ts';
import type { State } from '../state.ts';

type JsonBody<RequestBody> = RequestBody extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON request body as the spec types it; undefined when the body is optional or not documented. */
export type RequestBody<Op extends OperationId> = undefined extends operations[Op]['requestBody']
  ? JsonBody<NonNullable<operations[Op]['requestBody']>> | undefined
  : JsonBody<operations[Op]['requestBody']>;

export type PathParams<Op extends OperationId> = operations[Op]['parameters'] extends { path: infer Params }
  ? Params
  : Record<string, never>;

export interface Call<Op extends OperationId> {
  /** The authenticated user (implemented operations all require authentication). */
  caller: User;
  params: PathParams<Op>;
  body: RequestBody<Op>;
  state: State;
}

export type Implementation<Op extends OperationId> = (call: Call<Op>) => Reply;

/** Hand-written implementations by operationId; they take precedence over the generated stubs. */
export type Implementations = { readonly [Op in OperationId]?: Implementation<Op> };
