// The JSON a cURL sample prints documents the success response: after merging (so the winning release's
// samples are the ones used) it joins the examples of the first 2xx response that has a body.
import type { Findings } from '../findings.ts';
import type { Operation } from '../model.ts';

export function attachCurlOutputs(ops: Operation[], findings: Findings): void {
  for (const op of ops) {
    if (op.curlOutputs.length === 0) continue;
    const success = op.responses.find((r) => r.status.startsWith('2') && r.schema);
    if (success) {
      success.examples = [...success.examples, ...op.curlOutputs];
      continue;
    }
    for (const ex of op.curlOutputs) {
      findings.warn(
        'example-without-response',
        ex.at,
        `cURL sample prints a response body but ${op.operationId} has no 2xx response with a body; ` +
          'example not placed in the spec',
        { subject: op.operationId },
      );
    }
  }
}
