// `##### Consumes` / `##### Produces`: bullet lists of media types in code spans.
import { locate } from '../../../extract/context.ts';
import { claim, type OperationRule } from './state.ts';

export const mediaTypes: OperationRule = (state) => {
  for (const [title, field] of [
    ['Consumes', 'consumes'],
    ['Produces', 'produces'],
  ] as const) {
    for (const section of claim(state, title)) {
      for (const b of section.blocks) {
        if (b.kind !== 'list') continue;
        b.used = true;
        for (const item of b.items) {
          const type = item.spans.find((s) => s.kind === 'code')?.text ?? item.text;
          if (type && !state.op[field].includes(type)) state.op[field].push(type);
        }
      }
      state.op.fieldAt[field] = locate(state.ctx, section.heading.line);
    }
  }
};
