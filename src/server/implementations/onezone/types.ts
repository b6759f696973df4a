// The implementation contract bound to onezone's operations (generated/onezone/schema.d.ts; types only).
import type { operations } from '../../../../generated/onezone/schema.d.ts';
import type * as Generic from '../types.ts';

export type OperationId = keyof operations;
export type Implementation<Op extends OperationId> = Generic.Implementation<operations, Op>;
export type Implementations = Generic.Implementations<operations>;
export type ResponseBody<Op extends OperationId, Status extends number> = Generic.ResponseBody<operations, Op, Status>;
