// The operation rule chain. Order matters only where a rule reads what an earlier one set
// (examples need the responses; the cURL check needs the endpoint). cURL outputs are attached after merging.
import { locate } from '../../../extract/context.ts';
import { Ruler } from '../../ruler.ts';
import { description } from './description.ts';
import { endpoint } from './endpoint.ts';
import { exampleRequest, exampleResponses } from './examples.ts';
import { mediaTypes } from './media-types.ts';
import { parameters } from './parameters.ts';
import { responses } from './responses.ts';
import type { OperationRule } from './state.ts';

/** A fresh chain (one per build, so the rules a manifest disables stay disabled in its build only). */
export function operationRules(): Ruler<OperationRule> {
  return new Ruler<OperationRule>('swagger2markup/operation')
    .push('endpoint', endpoint)
    .push('description', description)
    .push('parameters', parameters)
    .push('responses', responses)
    .push('media-types', mediaTypes)
    .push('example-request', exampleRequest)
    .push('example-responses', exampleResponses)
    .push('unclaimed-sections', unclaimedSections);
}

/** Last: every section no rule before it claimed is reported. */
const unclaimedSections: OperationRule = ({ ctx, sections, op }) => {
  for (const s of sections) {
    if (s.claimed) continue;
    ctx.findings.warn(
      'unknown-section',
      locate(ctx, s.heading.line),
      `unknown section "${s.heading.text}" in operation ${op.operationId}`,
      { subject: op.operationId },
    );
  }
};
