// One page → its contribution to the doc model, through the format that recognises it (formats/registry.ts):
// detected before any parse, read by that format's front end, extracted by its rules.
import type { Findings } from '../findings.ts';
import { FormatRegistry, type DocFormat, type PageFacts } from '../formats/registry.ts';
import { PageLines } from '../markdown/page-lines.ts';
import type { DocModel, Source } from '../model.ts';
import { locate, newParseMemo, type PageContext } from './context.ts';

/** A page read by its format's front end; no format when the page is empty or no format reads it. */
export interface PageRead {
  ctx: PageContext;
  format?: DocFormat;
  read?: unknown;
}

/** Page → its format's reading. `memo` is shared by the pages of one build. */
export function readPage(
  source: Source,
  findings: Findings,
  memo = newParseMemo(),
  formats = FormatRegistry.withBuiltins(),
): PageRead {
  const ctx: PageContext = { source, lines: new PageLines(source.text), findings, memo };
  if (source.text.trim() === '') return { ctx };
  const format = formats.detect(source.file, source.text);
  if (!format) return { ctx };
  return { ctx, format, read: findings.within(`${format.name}/read`, () => format.read(ctx)) };
}

/** A read page → its contribution to the doc model. */
export function extractPage({ ctx, format, read }: PageRead, model: DocModel, facts: PageFacts): void {
  if (format) {
    ctx.findings.within(format.name, () => format.extract(read, ctx, model, facts));
  } else if (ctx.source.text.trim() === '') {
    ctx.findings.warn('empty-page', locate(ctx, 1), 'page is empty; nothing to map', { rule: 'page/detect' });
  } else {
    ctx.findings.error('unrecognised-page', locate(ctx, 1), 'no doc format reads this page; page dropped', {
      rule: 'page/detect',
    });
  }
}
