// The implementation contract bound to luma's operations and state (generated/luma/schema.d.ts;
// types only).
import type { operations } from '../../../../generated/luma/schema.d.ts';
import type * as Generic from '../../implementation-types.ts';
import type { LumaState } from '../state.ts';

type OperationId = keyof operations;
export type Implementation<Op extends OperationId> = Generic.Implementation<operations, Op, LumaState>;
export type Implementations = Generic.Implementations<operations, LumaState>;
export type ResponseBody<Op extends OperationId, Status extends number> = Generic.ResponseBody<operations, Op, Status>;
