// The newer onedata.org API reference saved as plain text: no Markdown survives, so the page is never parsed as
// Markdown; its front end is the page's lines, read against the format's own section labels.
import { locate } from '../../extract/context.ts';
import { blankOperation } from '../../model.ts';
import type { DocFormat, PageFacts } from '../registry.ts';
import { Ruler } from '../ruler.ts';
import { extractPlaintextOperation, looksLikePlaintextReference } from './operation.ts';
import type { PageContext } from '../../extract/context.ts';
import type { DocModel } from '../../model.ts';

type PageRule = (ctx: PageContext, model: DocModel, facts: PageFacts) => void;

/** A Markdown heading or swagger2markup anchor line: a page that has one is Markdown, whatever its labels. */
const MARKDOWN_LINE = /^(?: {0,3}#{1,6}\s|<a\s+name=")/m;

export function plaintextFormat(): DocFormat<readonly string[]> {
  const rules = new Ruler<PageRule>('plaintext').push('operation', extractOperation);
  return {
    name: 'plaintext',
    extensions: ['txt'],
    detect: (file, text) => /\.txt$/i.test(file) && looksLikePlaintextReference(text) && !MARKDOWN_LINE.test(text),
    read: (ctx) => ctx.lines.all,
    extract(_lines, ctx, model, facts) {
      for (const [name, rule] of rules.getRules()) ctx.findings.within(name, () => rule(ctx, model, facts));
    },
    rulers: [rules],
  };
}

/** One page, one operation: kept when the page names its endpoint. */
function extractOperation(ctx: PageContext, model: DocModel, facts: PageFacts): void {
  const op = extractPlaintextOperation(ctx, facts, blankOperation(ctx.source));
  if (op?.method && op.path && op.operationId) model.operations.push(op);
  else
    ctx.findings.warn(
      'no-endpoint',
      locate(ctx, 1),
      'plain-text reference page names no endpoint (no cURL sample or rest-cli line); page dropped',
    );
}
