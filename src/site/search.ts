// Search: search-index.json feeds the live results search.js shows under the header's search box; search.html
// lists every operation and schema (so searching works without JavaScript, and from file://, by filtering it).
import { badge, escapeHtml, methodBadge, section } from './html.ts';
import { page } from './layout.ts';
import { operationPage, schemaPage, SEARCH_INDEX, SEARCH_PAGE } from './links.ts';
import type { SiteModel } from './site-model.ts';

export interface SearchEntry {
  kind: 'operation' | 'schema';
  /** operationId or schema name. */
  name: string;
  /** Summary of an operation, first line of a schema's description. */
  title: string;
  method?: string;
  path?: string;
  deprecated?: boolean;
  /** Relative to the site root. */
  url: string;
}

function firstLine(text: unknown): string {
  if (typeof text !== 'string') return '';
  const line = text.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

export function searchEntries(model: SiteModel): SearchEntry[] {
  const operations = model.operations.map(
    ({ entry }): SearchEntry => ({
      kind: 'operation',
      name: entry.operationId,
      title: entry.summary,
      method: entry.method,
      path: entry.path,
      ...(entry.deprecated ? { deprecated: true } : {}),
      url: operationPage(entry.operationId),
    }),
  );
  const schemas = model.schemaNames.map(
    (name): SearchEntry => ({
      kind: 'schema',
      name,
      title: firstLine(model.spec.components.schemas[name]?.description),
      url: schemaPage(name),
    }),
  );
  return [...operations, ...schemas];
}

/** One entry per line: small, and diffs well in the committed site. */
export function searchIndexArtifact(entries: SearchEntry[]): { path: string; content: string } {
  return { path: SEARCH_INDEX, content: `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n` };
}

export function searchPageArtifact(model: SiteModel, entries: SearchEntry[]): { path: string; content: string } {
  const file = SEARCH_PAGE;
  const item = (e: SearchEntry) => {
    const label =
      e.kind === 'operation'
        ? `${methodBadge(e.method ?? '')} <code class="path">${escapeHtml(e.path ?? '')}</code>`
        : escapeHtml(e.name);
    const extra = e.kind === 'operation' ? ` <code>${escapeHtml(e.name)}</code>` : '';
    return `<li><a href="${escapeHtml(e.url)}">${label}</a>${e.deprecated ? ` ${badge('Deprecated', 'deprecated')}` : ''} <span class="summary">${escapeHtml(e.title)}</span>${extra}</li>`;
  };
  const list = (kind: SearchEntry['kind']) =>
    entries
      .filter((e) => e.kind === kind)
      .map(item)
      .join('\n');
  const body = [
    '<h1>Search</h1>',
    '<p id="search-status" role="status">Every operation and schema; type in the search box to narrow the list.</p>',
    section('search-operations', 'Operations', `<ul class="op-list search-list">\n${list('operation')}\n</ul>`),
    section('search-schemas', 'Schemas', `<ul class="schema-list search-list">\n${list('schema')}\n</ul>`),
  ];
  return { path: file, content: page({ file, title: 'Search', site: model.site, body: body.join('\n') }) };
}
