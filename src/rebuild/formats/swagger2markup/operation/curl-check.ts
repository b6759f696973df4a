// A cURL sample must call the endpoint its page declares; a disagreement is a doc inconsistency to report.
import { locate } from '../../../extract/context.ts';
import { matchTemplate, type CurlSample } from '../../../extract/curl.ts';
import type { OperationState } from './state.ts';

export function checkCurlAgainstEndpoint(state: OperationState, curl: CurlSample, line: number): void {
  const { op, ctx } = state;
  const declared = `${op.method.toUpperCase()} ${op.path}`;
  const match = matchTemplate(curl.urlPath, op.path);
  if (curl.method !== op.method.toUpperCase() || !match) {
    ctx.findings.warn(
      'curl-mismatch',
      locate(ctx, line),
      `cURL sample calls ${curl.method} ${curl.urlPath} but the page declares ${declared}`,
      { subject: op.operationId },
    );
  }
  state.op.curlTargets.push({ origin: curl.origin, base: match?.base, at: locate(ctx, line) });
}
