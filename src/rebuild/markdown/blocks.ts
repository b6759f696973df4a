// The flat block stream every page is reduced to, whatever its format. Extractors read blocks and mark the
// ones they map (`used`); whatever stays unused at the end is reported as unmapped, with its line.

/** One run of inline content, from markdown-it's inline token stream. */
export type Span =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'br' };

export interface Cell {
  spans: Span[];
  text: string;
}

interface BlockBase {
  /** 1-based line in the file where the block starts. */
  line: number;
  /** 1-based last line of the block (inclusive). */
  endLine: number;
  used: boolean;
}

export interface HeadingBlock extends BlockBase {
  kind: 'heading';
  level: number;
  text: string;
}
export interface AnchorBlock extends BlockBase {
  kind: 'anchor';
  name: string;
}
interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  spans: Span[];
  text: string;
}
export interface FenceBlock extends BlockBase {
  kind: 'fence';
  /** True for an indented code block rather than a ``` fence. */
  indented: boolean;
  info: string;
  content: string;
}
export interface TableBlock extends BlockBase {
  kind: 'table';
  header: Cell[];
  rows: Cell[][];
  /** Line of each body row, for findings about one row. */
  rowLines: number[];
  /** Cells each body row has in the source; markdown-it pads short rows and drops surplus cells. */
  rowWidths: number[];
}
interface ListBlock extends BlockBase {
  kind: 'list';
  items: Cell[];
}
/** Anything else (blockquote, hr, raw html …): kept so it can be reported if nothing maps it. */
interface OtherBlock extends BlockBase {
  kind: 'other';
  type: string;
  text: string;
}

export type Block = HeadingBlock | AnchorBlock | ParagraphBlock | FenceBlock | TableBlock | ListBlock | OtherBlock;

export function spansText(spans: readonly Span[]): string {
  if (spans.length === 1 && spans[0]!.kind === 'text') return spans[0]!.text.trim(); // most table cells
  let text = '';
  for (const s of spans) text += s.kind === 'br' ? '\n' : s.kind === 'code' ? `\`${s.text}\`` : s.text;
  return text.trim();
}

/** Spans back to Markdown, for descriptions that keep their code spans, emphasis and links. */
export function spansMarkdown(spans: readonly Span[]): string {
  let text = '';
  for (const s of spans) {
    switch (s.kind) {
      case 'br':
        text += '\n';
        break;
      case 'code':
        text += `\`${s.text}\``;
        break;
      case 'strong':
        text += `**${s.text}**`;
        break;
      case 'em':
        text += `*${s.text}*`;
        break;
      case 'link':
        text += `[${s.text}](${s.href})`;
        break;
      default:
        text += s.text;
    }
  }
  return (text.includes('\n') ? text.replace(/[ \t]+\n/g, '\n') : text).trim();
}
