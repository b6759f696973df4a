// Everything that is not Markdown goes through escapeHtml; attribute values included.
import { highlight } from './highlight.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Text inside elements needs no quote escaping (keeps JSON examples readable in the page source, and small). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITIES[c]!);
}

/** Pretty JSON in a code block (scrolls sideways on a phone instead of widening the page). */
export function jsonBlock(value: unknown): string {
  const json = highlight(JSON.stringify(value, null, 2) ?? 'undefined', 'json');
  return `<pre tabindex="0"><code class="language-json">${json}</code></pre>`;
}

export function codeBlock(source: string, language: string): string {
  return `<pre tabindex="0"><code class="language-${escapeHtml(language)}">${highlight(source, language)}</code></pre>`;
}

/** A table's header row: one column header per label. */
export function tableHead(...labels: string[]): string {
  return `<thead><tr>${labels.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('')}</tr></thead>`;
}

/** Tables scroll inside their own box on narrow screens. */
export function tableWrap(table: string): string {
  return `<div class="table-wrap">${table}</div>`;
}

export function badge(text: string, kind: string): string {
  return `<span class="badge badge-${kind}">${escapeHtml(text)}</span>`;
}

export function methodBadge(method: string): string {
  const m = method.toUpperCase();
  return `<span class="method method-${m.toLowerCase()}">${escapeHtml(m)}</span>`;
}

/** A heading with a visible link to itself (shown on hover and focus, always in print-free form). */
export function heading(level: number, id: string, html: string): string {
  const anchor = `<a class="anchor" href="#${id}" aria-label="Link to this section">#</a>`;
  return `<h${level} id="${id}">${html} ${anchor}</h${level}>`;
}

/** A page section under an h2 the section is labelled by (`id` is also the fragment to link to). */
export function section(id: string, title: string, content: string): string {
  return `<section aria-labelledby="${id}">${heading(2, id, escapeHtml(title))}\n${content}\n</section>`;
}
