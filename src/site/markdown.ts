// Descriptions are Markdown (markdown-it, raw HTML off). Headings are shifted so a description never breaks the
// page's h1 → h2 → h3 order, images are off so no page ever loads anything from elsewhere, and links relative to
// the original doc pages (which this site does not have) are kept as text.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const md = new MarkdownIt({ html: false, linkify: false }).disable('image');

/** Renders `text`; its highest heading becomes `topLevel` (h2 under the page title, h3 under a section). */
export function renderMarkdown(text: string, topLevel: number): string {
  const env = {};
  const tokens = md.parse(text, env);
  const levels = tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
  if (levels.length) {
    const shift = topLevel - Math.min(...levels);
    for (const t of tokens) {
      if (t.type === 'heading_open' || t.type === 'heading_close')
        t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + shift)}`;
    }
  }
  for (const t of tokens) if (t.children) unlinkRelative(t.children);
  return md.renderer.render(tokens, md.options, env);
}

/** Only absolute web and mail links survive; others keep their text. (Markdown links do not nest.) */
function unlinkRelative(inline: Token[]): void {
  let dropping = false;
  for (const t of inline) {
    const drop: boolean =
      (t.type === 'link_open' && !/^(https?:|mailto:)/i.test(t.attrGet('href') ?? '')) ||
      (t.type === 'link_close' && dropping);
    if (t.type === 'link_open') dropping = drop;
    if (drop) Object.assign(t, { type: 'text', tag: '', content: '', nesting: 0 });
  }
}

/** One line of Markdown (table cells, list items) without the surrounding paragraph. */
export function renderInline(text: string): string {
  const env = {};
  const tokens = md.parseInline(text, env);
  for (const t of tokens) if (t.children) unlinkRelative(t.children);
  return md.renderer.render(tokens, md.options, env);
}
