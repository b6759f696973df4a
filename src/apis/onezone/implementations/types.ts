// The implementation contract bound to onezone's operations and state (generated/onezone/schema.d.ts;
// types only).
import type { operations } from '../../../../generated/onezone/schema.d.ts';
import type * as Generic from '../../implementation-types.ts';
import type { OnezoneState } from '../state.ts';

type OperationId = keyof operations;
export type Implementation<Op extends OperationId> = Generic.Implementation<operations, Op, OnezoneState>;
export type Implementations = Generic.Implementations<operations, OnezoneState>;
export type ResponseBody<Op extends OperationId, Status extends number> = Generic.ResponseBody<operations, Op, Status>;
