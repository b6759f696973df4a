// `<a name="join_space">` + `#### Join space` + ```POST /user/spaces/join``` → operationId, summary, method, path.
import { endpointOf } from '../units.ts';
import { locate } from '../../../extract/context.ts';
import type { OperationRule } from './state.ts';

export const endpoint: OperationRule = (state) => {
  const { unit, op, ctx } = state;
  const fence = unit.blocks[2]!;
  const ep = endpointOf(fence)!;
  op.method = ep.method.toLowerCase();
  op.path = ep.path;
  op.operationId = unit.anchor!.name;
  op.summary = unit.heading!.text;
  unit.anchor!.used = unit.heading!.used = fence.used = true;
  op.fieldAt.path = op.fieldAt.method = locate(ctx, fence.line);
  op.fieldAt.operationId = locate(ctx, unit.anchor!.line);
  op.fieldAt.summary = locate(ctx, unit.heading!.line);
};
