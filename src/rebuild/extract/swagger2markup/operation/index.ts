// The operation rule chain. Order matters only where a rule reads what an earlier one set
// (examples need the responses; the cURL check needs the endpoint). cURL outputs are attached after merging.
import { description } from './description.ts';
import { endpoint } from './endpoint.ts';
import { exampleRequest, exampleResponses } from './examples.ts';
import { mediaTypes } from './media-types.ts';
import { parameters } from './parameters.ts';
import { responses } from './responses.ts';
import type { OperationRule } from './state.ts';

export const operationRules: [string, OperationRule][] = [
  ['endpoint', endpoint],
  ['description', description],
  ['parameters', parameters],
  ['responses', responses],
  ['media-types', mediaTypes],
  ['example-request', exampleRequest],
  ['example-responses', exampleResponses],
];
