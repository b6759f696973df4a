// One page → its contribution to the doc model: reads its blocks, picks the format, splits units, runs each
// unit's extractor, and reports every block no extractor mapped.
import type { Findings } from '../findings.ts';
import { markdownBlocks } from '../markdown/markdown-blocks.ts';
import { PageLines } from '../markdown/page-lines.ts';
import { sectionsOf, splitUnits, type Unit } from '../markdown/units.ts';
import type { Block } from '../markdown/blocks.ts';
import { blankOperation, type DocModel, type Source } from '../model.ts';
import { locate, newParseMemo, type PageContext } from './context.ts';
import { extractDefinition } from './swagger2markup/definition.ts';
import { operationRules } from './swagger2markup/operation/index.ts';
import { extractOverview, extractTitle } from './swagger2markup/overview.ts';
import {
  extractPlaintextOperation,
  looksLikePlaintextReference,
  type PlaintextOptions,
} from './plaintext/operation.ts';
import { extractSecurityScheme } from './swagger2markup/security.ts';
import { extractTag } from './swagger2markup/tag.ts';

/** A page read into its block stream, for the extractors; no blocks when the page is empty. */
export interface PageRead {
  ctx: PageContext;
  blocks: Block[] | undefined;
}

/** Page → blocks, through markdown-it. `memo` is shared by the pages of one build. */
export function readPage(source: Source, findings: Findings, memo = newParseMemo()): PageRead {
  const ctx: PageContext = { source, lines: new PageLines(source.text), findings, memo };
  if (source.text.trim() === '') return { ctx, blocks: undefined };
  // The TOC pages are one list indented as a whole, which Markdown would read as code: read it dedented.
  const blocks = indentedAsAWhole(ctx.lines)
    ? markdownBlocks(dedent(source.text), undefined, memo)
    : markdownBlocks(source.text, ctx.lines, memo);
  return { ctx, blocks };
}

/** A read page → its contribution to the doc model. */
export function extractPage({ ctx, blocks }: PageRead, model: DocModel, plaintext: PlaintextOptions): void {
  const { source, findings } = ctx;
  if (!blocks) {
    findings.warn('empty-page', locate(ctx, 1), 'page is empty; nothing to map');
    return;
  }
  const markdownShaped = blocks.some((b) => b.kind === 'anchor' || b.kind === 'heading');
  if (!markdownShaped && looksLikePlaintextReference(source.text)) {
    const op = extractPlaintextOperation(ctx, plaintext, blankOperation(source));
    if (op && op.method && op.path && op.operationId) model.operations.push(op);
    else
      findings.warn(
        'no-endpoint',
        locate(ctx, 1),
        'plain-text reference page names no endpoint (no cURL sample or rest-cli line); page dropped',
      );
    return;
  }
  for (const unit of splitUnits(blocks)) extractUnit(ctx, unit, model);
  reportUnmapped(ctx, blocks);
}

function extractUnit(ctx: PageContext, unit: Unit, model: DocModel): void {
  switch (unit.kind) {
    case 'operation': {
      const op = blankOperation(ctx.source);
      op.at = locate(ctx, unit.heading!.line);
      const sections = sectionsOf(unit);
      const state = { ctx, unit, sections, op };
      for (const [, rule] of operationRules) rule(state);
      for (const s of sections) {
        if (s.claimed) continue;
        ctx.findings.warn(
          'unknown-section',
          locate(ctx, s.heading.line),
          `unknown section "${s.heading.text}" in operation ${op.operationId}`,
          { subject: op.operationId },
        );
      }
      model.operations.push(op);
      return;
    }
    case 'definition':
      model.definitions.push(extractDefinition(ctx, unit));
      return;
    case 'tag':
      model.tags.push(extractTag(ctx, unit));
      return;
    case 'security-scheme': {
      const scheme = extractSecurityScheme(ctx, unit);
      if (scheme) model.securitySchemes.push(scheme);
      return;
    }
    case 'overview':
      extractOverview(ctx, unit, model.info);
      return;
    case 'container':
      extractContainer(ctx, unit, model);
      return;
    case 'toc':
      for (const b of unit.blocks) {
        b.used = true;
        if (b.kind !== 'list') continue;
        for (const item of b.items) {
          for (const s of item.spans)
            if (s.kind === 'link' && s.href) model.tocLinks.push({ target: s.href, at: locate(ctx, b.line) });
        }
      }
      return;
    case 'preamble':
      extractTitle(unit, model.info);
      return;
    case 'unknown':
      ctx.findings.warn(
        'no-endpoint',
        locate(ctx, unit.heading!.line),
        `"${unit.heading!.text}" is neither an operation (no METHOD /path block after the heading) nor a definition`,
      );
  }
}

/** `## Paths`, `## Security`, `## Definitions` (+ its index table, cross-checked like a TOC). */
function extractContainer(ctx: PageContext, unit: Unit, model: DocModel): void {
  unit.anchor!.used = unit.heading!.used = true;
  for (const b of unit.blocks.slice(2)) {
    if (b.kind !== 'table' || b.header[0]?.text !== 'Type') continue;
    b.used = true;
    for (const row of b.rows) {
      const link = row[0]?.spans.find((s) => s.kind === 'link');
      if (link) model.tocLinks.push({ target: link.href, at: locate(ctx, b.line) });
    }
  }
}

function reportUnmapped(ctx: PageContext, blocks: ReturnType<typeof markdownBlocks>): void {
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
