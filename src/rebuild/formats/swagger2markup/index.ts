// swagger2markup's Markdown pages (what Onedata publishes): the Markdown front end gives blocks, the blocks are
// split into units by swagger2markup's anchors, each unit goes to its kind's rule, and every block no rule
// mapped is reported.
import { locate, type PageContext } from '../../extract/context.ts';
import type { Block } from '../../markdown/blocks.ts';
import { markdownBlocks } from '../../markdown/markdown-blocks.ts';
import type { PageLines } from '../../markdown/page-lines.ts';
import type { DocFormat } from '../registry.ts';
import { operationRules } from './operation/index.ts';
import { unitRules } from './unit-rules.ts';
import { splitUnits } from './units.ts';

export function swagger2markupFormat(): DocFormat<Block[]> {
  const units = unitRules();
  const operation = operationRules();
  return {
    name: 'swagger2markup',
    extensions: ['md', 'markdown', 'txt'],
    // Onedata's older pages were saved as .txt with their Markdown intact.
    detect: (file) => /\.(md|markdown|txt)$/i.test(file),
    read: readBlocks,
    extract(blocks, ctx, model) {
      const rules = units.getRules();
      for (const unit of splitUnits(blocks, units)) {
        const rule = rules.find(([, r]) => r.kind === unit.kind);
        if (rule) ctx.findings.within(rule[0], () => rule[1].extract(ctx, unit, model, operation));
      }
      ctx.findings.within('swagger2markup/unmapped-blocks', () => reportUnmapped(ctx, blocks));
    },
    rulers: [units, operation],
  };
}

/** Page → blocks, through markdown-it; the parses of one build share `ctx.memo`. */
export function readBlocks(ctx: PageContext): Block[] {
  // The TOC pages are one list indented as a whole, which Markdown would read as code: read it dedented.
  return indentedAsAWhole(ctx.lines)
    ? markdownBlocks(dedent(ctx.source.text), undefined, ctx.memo)
    : markdownBlocks(ctx.source.text, ctx.lines, ctx.memo);
}

function reportUnmapped(ctx: PageContext, blocks: Block[]): void {
  for (const b of blocks) {
    if (b.used) continue;
    const text = b.kind === 'heading' || b.kind === 'paragraph' || b.kind === 'other' ? b.text : b.kind;
    ctx.findings.warn(
      'unmapped-block',
      locate(ctx, b.line),
      `${b.kind} block was not mapped: "${String(text).replace(/\s+/g, ' ').slice(0, 60)}"`,
    );
  }
}

/** Every non-blank line indented by 4+ columns (an indented code block to Markdown) and at least one such line. */
function indentedAsAWhole(lines: PageLines): boolean {
  let any = false;
  for (let i = 0; i < lines.count; i++) {
    const line = lines.line(i);
    if (line.trim() === '') continue;
    if (!/^(?: {4}|\t| {1,3}\t)/.test(line)) return false;
    any = true;
  }
  return any;
}

/** Removes the common leading indentation; keeps line numbers. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
}
