// The implementation contract bound to oneprovider's operations and state (generated/oneprovider/schema.d.ts;
// types only).
import type { operations } from '../../../../generated/oneprovider/schema.d.ts';
import type * as Generic from '../../implementation-types.ts';
import type { OneproviderState } from '../state.ts';

export type OperationId = keyof operations;
export type Implementation<Op extends OperationId> = Generic.Implementation<operations, Op, OneproviderState>;
export type Implementations = Generic.Implementations<operations, OneproviderState>;
export type ResponseBody<Op extends OperationId, Status extends number> = Generic.ResponseBody<operations, Op, Status>;
