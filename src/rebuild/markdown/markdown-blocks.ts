// Markdown page → flat block stream, through markdown-it's token stream (never regexes over raw text).
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Block, Cell, Span } from './blocks.ts';
import { spansText } from './blocks.ts';
import { normalizeWhenNeeded } from './normalize-when-needed.ts';
import { lineMarkedState } from './line-marked-state.ts';
import { PageLines } from './page-lines.ts';
import { sharedInline, type InlineCache } from './shared-inline.ts';

// The rebuilder's markdown-it: two core rules and the block state's line table replaced by ones that give the
// same tokens for less work.
const md = new MarkdownIt({ html: true });
md.core.ruler.at('normalize', normalizeWhenNeeded);
md.core.ruler.at('inline', sharedInline);
md.block.State = lineMarkedState(md.block.State);
/** markdown-it as shipped, for the benchmark's baseline and the tests that the replaced rules change nothing. */
const stock = new MarkdownIt({ html: true });
const ANCHOR = /^<a\s+name="([^"]*)"\s*>$/;

/**
 * What the pages of one build share: each distinct inline run's tokens (shared-inline.ts), and the cell read
 * from them, since a shared run has one reading. Pass none to parse a page alone.
 */
export interface SharedRuns {
  inline: InlineCache;
  cells: Map<Token[], Cell>;
}

export function newSharedRuns(): SharedRuns {
  return { inline: new Map(), cells: new Map() };
}

export function markdownBlocks(
  source: string,
  lines = new PageLines(source),
  shared: SharedRuns = newSharedRuns(),
): Block[] {
  return tokensToBlocks(parseSharedTokens(source, shared.inline), lines, shared.cells);
}

/** The tokens the rebuilder reads: stock markdown-it's, with inline runs parsed once per `inlineCache`. */
export function parseSharedTokens(source: string, inlineCache: InlineCache): Token[] {
  return md.parse(source, { inlineCache });
}

/** Stock markdown-it on one page. */
export function parseMarkdownTokens(source: string): Token[] {
  return stock.parse(source, {});
}

function tokensToBlocks(tokens: Token[], lines: PageLines, cells: Map<Token[], Cell>): Block[] {
  const inlineCell = (inline: Token | undefined): Cell => sharedCell(inline, cells);
  const blocks: Block[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const close = findClose(tokens, i);
    const start = t.map ? t.map[0] : 0;
    const line = start + 1;
    const endLine = Math.max(line, t.map ? t.map[1] : 0);
    switch (t.type) {
      case 'heading_open': {
        blocks.push({
          kind: 'heading',
          level: Number(t.tag.slice(1)),
          text: inlineCell(tokens[i + 1]).text,
          line,
          endLine,
          used: false,
        });
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const anchor = anchorName(inline);
        if (anchor !== undefined) blocks.push({ kind: 'anchor', name: anchor, line, endLine, used: false });
        else {
          // `<a name="op-name"></a>` directly above `**name**` lands in one paragraph: split it back.
          const lead = leadingAnchor(inline);
          const { spans, text } = lead ? spansCell(inlineSpans(inline, 3)) : inlineCell(inline);
          if (lead) blocks.push({ kind: 'anchor', name: lead, line, endLine: line, used: false });
          blocks.push({ kind: 'paragraph', spans, text, line: lead ? line + 1 : line, endLine, used: false });
        }
        break;
      }
      case 'fence':
        blocks.push({
          kind: 'fence',
          info: t.info.trim(),
          content: t.content,
          indented: false,
          line,
          endLine,
          used: false,
        });
        break;
      case 'code_block':
        blocks.push({ kind: 'fence', info: '', content: t.content, indented: true, line, endLine, used: false });
        break;
      case 'table_open':
        blocks.push({ kind: 'table', ...tableCells(tokens, i, close, lines, inlineCell), line, endLine, used: false });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        blocks.push({
          kind: 'list',
          items: listItems(tokens.slice(i, close + 1), inlineCell),
          line,
          endLine,
          used: false,
        });
        break;
      default:
        blocks.push({
          kind: 'other',
          type: t.type.replace(/_open$/, ''),
          text: rawText(tokens.slice(i, close + 1)),
          line,
          endLine,
          used: false,
        });
    }
    i = close + 1;
  }
  return blocks;
}

/** Index of the token closing the top-level block that opens at `i` (itself for self-contained tokens). */
function findClose(tokens: Token[], i: number): number {
  const open = tokens[i]!;
  if (open.nesting !== 1) return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    depth += tokens[j]!.nesting;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

/** A paragraph that is just `<a name="x"></a>` (blank text around it aside) → "x". */
function anchorName(inline: Token | undefined): string | undefined {
  let open: Token | undefined;
  let close: Token | undefined;
  for (const c of inline?.children ?? []) {
    if (c.type === 'text' && c.content.trim() === '') continue;
    if (!open) open = c;
    else if (!close) close = c;
    else return undefined;
  }
  if (open?.type !== 'html_inline' || close?.content !== '</a>') return undefined;
  return ANCHOR.exec(open.content.trim())?.[1];
}

/** `<a name="x"></a>` + line break at the start of a paragraph → "x". */
function leadingAnchor(inline: Token | undefined): string | undefined {
  const [open, close, br] = inline?.children ?? [];
  if (open?.type !== 'html_inline' || close?.content !== '</a>' || br?.type !== 'softbreak') return undefined;
  return ANCHOR.exec(open.content.trim())?.[1];
}

/** The cell of an inline token, read once per shared run (consumers only read cells). */
function sharedCell(inline: Token | undefined, cells: Map<Token[], Cell>): Cell {
  const children = inline?.children;
  if (!children) return spansCell(inlineSpans(inline));
  let cell = cells.get(children);
  if (!cell) {
    cell = spansCell(inlineSpans(inline));
    cells.set(children, cell);
  }
  return cell;
}

function spansCell(spans: Span[]): Cell {
  return { spans, text: spansText(spans) };
}

type SpanMode = 'text' | 'strong' | 'em' | 'link';
const OPENS = new Map<string, SpanMode>([
  ['strong_open', 'strong'],
  ['em_open', 'em'],
  ['link_open', 'link'],
]);
const CLOSES = new Map<string, SpanMode>([
  ['strong_close', 'strong'],
  ['em_close', 'em'],
  ['link_close', 'link'],
]);
const BR = /^<br\s*\/?>$/i;

/** Inline tokens → spans. Nested emphasis collapses to its outermost kind, which is all the tables use. */
function inlineSpans(inline: Token | undefined, skip = 0): Span[] {
  const children = inline?.children ?? [];
  // Most cells are one run of plain text.
  if (children.length === skip + 1 && children[skip]!.type === 'text')
    return children[skip]!.content === '' ? [] : [{ kind: 'text', text: children[skip]!.content }];
  const spans: Span[] = [];
  let mode: SpanMode = 'text';
  let href = '';
  let buffer = '';
  for (let i = skip; i < children.length; i++) {
    const c = children[i]!;
    switch (c.type) {
      case 'text':
        buffer += c.content;
        break;
      case 'softbreak':
        buffer += '\n';
        break;
      case 'hardbreak':
        buffer = pushText(spans, mode, buffer, href);
        spans.push({ kind: 'br' });
        break;
      case 'code_inline':
        buffer = pushText(spans, mode, buffer, href);
        spans.push({ kind: 'code', text: c.content });
        break;
      case 'html_inline':
        if (BR.test(c.content)) {
          buffer = pushText(spans, mode, buffer, href);
          spans.push({ kind: 'br' });
        } else buffer += c.content;
        break;
      case 'strong_open':
      case 'em_open':
      case 'link_open':
        if (mode === 'text') {
          buffer = pushText(spans, mode, buffer, href);
          mode = OPENS.get(c.type)!;
          href = c.attrGet('href') ?? '';
        }
        break;
      case 'strong_close':
      case 'em_close':
      case 'link_close':
        if (mode === CLOSES.get(c.type)) {
          buffer = pushText(spans, mode, buffer, href);
          mode = 'text';
        }
        break;
      default:
        buffer += c.content;
    }
  }
  pushText(spans, mode, buffer, href);
  return spans;
}

/** Ends the run of text collected so far as a span of the current kind; returns the emptied buffer. */
function pushText(spans: Span[], mode: SpanMode, text: string, href: string): '' {
  if (text !== '') spans.push(mode === 'link' ? { kind: 'link', text, href } : { kind: mode, text });
  return '';
}

function tableCells(
  tokens: Token[],
  from: number,
  to: number,
  lines: PageLines,
  inlineCell: (inline: Token) => Cell,
): { header: Cell[]; rows: Cell[][]; rowLines: number[]; rowWidths: number[] } {
  const header: Cell[] = [];
  const rows: Cell[][] = [];
  const rowLines: number[] = [];
  const rowWidths: number[] = [];
  let inHead = false;
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open' && !inHead) {
      rows.push([]);
      rowLines.push((t.map?.[0] ?? 0) + 1);
      rowWidths.push(sourceCellCount(lines.line(t.map?.[0] ?? 0)));
    } else if (t.type === 'inline') {
      const cell = inlineCell(t);
      if (inHead) header.push(cell);
      else rows[rows.length - 1]?.push(cell);
    }
  }
  return { header, rows, rowLines, rowWidths };
}

/** Cells of a GFM table row as written: unescaped pipes, minus the outer ones (as markdown-it splits them). */
function sourceCellCount(line: string): number {
  let pipes = 0;
  if (line.includes('\\')) {
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 124) pipes++;
    }
  } else for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) pipes++;
  const trimmed = line.trim();
  return pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && trimmed.length > 1 ? 1 : 0);
}
function listItems(tokens: Token[], inlineCell: (inline: Token) => Cell): Cell[] {
  return tokens.filter((t) => t.type === 'inline' && t.level === 3).map(inlineCell);
}

function rawText(tokens: Token[]): string {
  return tokens
    .map((t) => t.content)
    .join(' ')
    .trim();
}
