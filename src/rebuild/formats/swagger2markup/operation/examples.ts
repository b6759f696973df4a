// `##### Example HTTP request` (`###### Request path`, `###### Request query`, `###### Request body`) and
// `##### Example HTTP response` (`###### Response 200` …): JSON examples after swagger2markup's "json :" line.
import type { Block } from '../../../markdown/blocks.ts';
import { fenceJson } from '../units.ts';
import type { Example } from '../../../model.ts';
import { locate, parseJson } from '../../../extract/context.ts';
import { claim, type OperationRule, type OperationState } from './state.ts';

export const exampleRequest: OperationRule = (state) => {
  claim(state, 'Example HTTP request');
  for (const [title, field] of [
    ['Request path', 'path'],
    ['Request query', 'query'],
    ['Request body', 'body'],
  ] as const) {
    for (const section of claim(state, title)) {
      const example = sectionExample(state, section.blocks, title);
      if (example) state.op.requestExamples[field] = example;
    }
  }
};

export const exampleResponses: OperationRule = (state) => {
  const { op, ctx } = state;
  claim(state, 'Example HTTP response');
  for (const section of claim(state, /^Response \S+$/)) {
    const status = section.heading.text.slice('Response '.length);
    const example = sectionExample(state, section.blocks, section.heading.text);
    if (!example) continue;
    const response = op.responses.find((r) => r.status === status);
    if (response) response.examples.push(example);
    else {
      ctx.findings.warn(
        'example-without-response',
        locate(ctx, section.heading.line),
        `example for status ${status} but the Responses table has no ${status}; example not placed in the spec`,
        { subject: op.operationId },
      );
    }
  }
};

function sectionExample(state: OperationState, blocks: Block[], what: string): Example | undefined {
  for (const fence of blocks) {
    if (fence.kind !== 'fence') continue;
    fence.used = true;
    const json = fenceJson(fence);
    const parsed = parseJson(state.ctx, json.text, json.line, `${what} example`);
    if (parsed.ok) return { value: parsed.value, at: locate(state.ctx, json.line), origin: 'example' };
  }
  return undefined;
}
