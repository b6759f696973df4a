// The implementation contract bound to oneprovider's operations (generated/oneprovider/schema.d.ts; types only).
import type { operations } from '../../../../generated/oneprovider/schema.d.ts';
import type * as Generic from '../types.ts';

export type OperationId = keyof operations;
export type Implementation<Op extends OperationId> = Generic.Implementation<operations, Op>;
export type Implementations = Generic.Implementations<operations>;
export type ResponseBody<Op extends OperationId, Status extends number> = Generic.ResponseBody<operations, Op, Status>;
