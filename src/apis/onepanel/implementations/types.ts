// The implementation contract bound to onepanel's operations and state (generated/onepanel/schema.d.ts;
// types only).
import type { operations } from '../../../../generated/onepanel/schema.d.ts';
import type * as Generic from '../../implementation-types.ts';
import type { OnepanelState } from '../state.ts';

type OperationId = keyof operations;
export type Implementation<Op extends OperationId> = Generic.Implementation<operations, Op, OnepanelState>;
export type Implementations = Generic.Implementations<operations, OnepanelState>;
export type ResponseBody<Op extends OperationId, Status extends number> = Generic.ResponseBody<operations, Op, Status>;
