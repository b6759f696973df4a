// Markdown page → flat block stream, through markdown-it's token stream (never regexes over raw text).
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Block, Cell, Span } from './blocks.ts';
import { spansText } from './blocks.ts';

const md = new MarkdownIt({ html: true });
const ANCHOR = /^<a\s+name="([^"]*)"\s*>$/;

export function markdownBlocks(source: string): Block[] {
  return tokensToBlocks(md.parse(source, {}), source.split('\n'));
}

/** Exposed so the benchmark can time markdown-it alone on the same input. */
export function parseMarkdownTokens(source: string): Token[] {
  return md.parse(source, {});
}

function tokensToBlocks(tokens: Token[], lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const close = findClose(tokens, i);
    const [start, end] = t.map ?? [0, 0];
    const at = { line: start + 1, endLine: Math.max(start + 1, end), used: false };
    switch (t.type) {
      case 'heading_open': {
        const spans = inlineSpans(tokens[i + 1]);
        blocks.push({ kind: 'heading', level: Number(t.tag.slice(1)), text: spansText(spans), ...at });
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const anchor = anchorName(inline);
        if (anchor !== undefined) blocks.push({ kind: 'anchor', name: anchor, ...at });
        else {
          // `<a name="op-name"></a>` directly above `**name**` lands in one paragraph: split it back.
          const lead = leadingAnchor(inline);
          const spans = inlineSpans(inline, lead ? 3 : 0);
          if (lead) blocks.push({ kind: 'anchor', name: lead, ...at, endLine: at.line });
          blocks.push({ kind: 'paragraph', spans, text: spansText(spans), ...at, line: lead ? at.line + 1 : at.line });
        }
        break;
      }
      case 'fence':
        blocks.push({ kind: 'fence', info: t.info.trim(), content: t.content, indented: false, ...at });
        break;
      case 'code_block':
        blocks.push({ kind: 'fence', info: '', content: t.content, indented: true, ...at });
        break;
      case 'table_open':
        blocks.push({ kind: 'table', ...tableCells(tokens.slice(i, close + 1), lines), ...at });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        blocks.push({ kind: 'list', items: listItems(tokens.slice(i, close + 1)), ...at });
        break;
      default:
        blocks.push({ kind: 'other', type: t.type.replace(/_open$/, ''), text: rawText(tokens.slice(i, close + 1)), ...at });
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

function anchorName(inline: Token | undefined): string | undefined {
  const kids = inline?.children?.filter((c) => !(c.type === 'text' && c.content.trim() === '')) ?? [];
  if (kids.length !== 2 || kids[0]!.type !== 'html_inline' || kids[1]!.content !== '</a>') return undefined;
  return ANCHOR.exec(kids[0]!.content.trim())?.[1];
}

/** `<a name="x"></a>` + line break at the start of a paragraph → "x". */
function leadingAnchor(inline: Token | undefined): string | undefined {
  const [open, close, br] = inline?.children ?? [];
  if (open?.type !== 'html_inline' || close?.content !== '</a>' || br?.type !== 'softbreak') return undefined;
  return ANCHOR.exec(open.content.trim())?.[1];
}

/** Inline tokens → spans. Nested emphasis collapses to its outermost kind, which is all the tables use. */
export function inlineSpans(inline: Token | undefined, skip = 0): Span[] {
  const spans: Span[] = [];
  let mode: 'text' | 'strong' | 'em' | 'link' = 'text';
  let href = '';
  let buffer = '';
  const flush = (): void => {
    if (buffer === '') return;
    spans.push(mode === 'link' ? { kind: 'link', text: buffer, href } : { kind: mode, text: buffer });
    buffer = '';
  };
  for (const c of inline?.children?.slice(skip) ?? []) {
    switch (c.type) {
      case 'text':
        buffer += c.content;
        break;
      case 'softbreak':
        buffer += '\n';
        break;
      case 'hardbreak':
        flush();
        spans.push({ kind: 'br' });
        break;
      case 'code_inline':
        flush();
        spans.push({ kind: 'code', text: c.content });
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(c.content)) {
          flush();
          spans.push({ kind: 'br' });
        } else buffer += c.content;
        break;
      case 'strong_open':
      case 'em_open':
      case 'link_open':
        if (mode === 'text') {
          flush();
          mode = c.type === 'strong_open' ? 'strong' : c.type === 'em_open' ? 'em' : 'link';
          href = c.attrGet('href') ?? '';
        }
        break;
      case 'strong_close':
      case 'em_close':
      case 'link_close':
        if (mode === (c.type === 'strong_close' ? 'strong' : c.type === 'em_close' ? 'em' : 'link')) {
          flush();
          mode = 'text';
        }
        break;
      default:
        buffer += c.content;
    }
  }
  flush();
  return spans;
}

function tableCells(tokens: Token[], lines: string[]): { header: Cell[]; rows: Cell[][]; rowLines: number[]; rowWidths: number[] } {
  const header: Cell[] = [];
  const rows: Cell[][] = [];
  const rowLines: number[] = [];
  const rowWidths: number[] = [];
  let inHead = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open' && !inHead) {
      rows.push([]);
      rowLines.push((t.map?.[0] ?? 0) + 1);
      rowWidths.push(sourceCellCount(lines[t.map?.[0] ?? 0] ?? ''));
    } else if (t.type === 'inline') {
      const spans = inlineSpans(t);
      const cell = { spans, text: spansText(spans) };
      if (inHead) header.push(cell);
      else rows[rows.length - 1]?.push(cell);
    }
  }
  return { header, rows, rowLines, rowWidths };
}

/** Cells of a GFM table row as written: unescaped pipes, minus the outer ones (as markdown-it splits them). */
function sourceCellCount(line: string): number {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes++;
  }
  const trimmed = line.trim();
  return pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && trimmed.length > 1 ? 1 : 0);
}
function listItems(tokens: Token[]): Cell[] {
  return tokens
    .filter((t) => t.type === 'inline' && t.level === 3)
    .map((t) => {
      const spans = inlineSpans(t);
      return { spans, text: spansText(spans) };
    });
}

function rawText(tokens: Token[]): string {
  return tokens
    .map((t) => t.content)
    .join(' ')
    .trim();
}
