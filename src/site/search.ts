// Search across the APIs of a site: a MiniSearch index built here (search-index.json) and one search page
// (search.html at the site's root) that loads it with the MiniSearch library only when someone searches. Terms are
// made by assets/search-terms.js, run here in a sandbox and in the browser alike, so both sides agree. Ranked:
// operationIds and summaries weigh most; prefixes, word forms (invite ~ invitation) and small typos match.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { transformSync } from 'esbuild';
import MiniSearch from 'minisearch';
import { specOperations } from '../generate/operation-index.ts';
import { escapeHtml } from './html.ts';
import { rootPage } from './layout.ts';
import {
  INDEX_PAGE,
  MINISEARCH_ASSET,
  operationPage,
  schemaPage,
  SEARCH_ASSET,
  SEARCH_INDEX,
  SEARCH_PAGE,
  SEARCH_TERMS_ASSET,
} from './links.ts';
import { isSchema, propertyRows, referencedSchemas } from './schema-model.ts';
import type { SiteModel } from './site-model.ts';

/** One searchable thing: an operation or a schema of one API. */
export interface SearchDoc {
  id: number;
  /** The API's title, shown with each result. */
  api: string;
  kind: 'operation' | 'schema';
  /** operationId or schema name. */
  name: string;
  /** Summary of an operation, first line of a schema's description. */
  title: string;
  method?: string;
  path?: string;
  tag?: string;
  description: string;
  privileges: string;
  /** Parameter names, request and response header names, the authentication header. */
  params: string;
  /** Schemas an operation uses with their properties; a schema's own properties. */
  schemas: string;
  deprecated?: boolean;
  /** Relative to the site root. */
  url: string;
}

/** The options the index is built with; search.js reads them from search-index.json, so both sides agree. */
export const SEARCH_OPTIONS = {
  fields: ['name', 'title', 'path', 'method', 'tag', 'privileges', 'params', 'schemas', 'description'],
  storeFields: ['api', 'kind', 'name', 'title', 'method', 'path', 'deprecated', 'url'],
  searchOptions: {
    boost: {
      name: 4,
      title: 4,
      path: 2.5,
      method: 1,
      tag: 0.5,
      privileges: 1,
      params: 2,
      schemas: 1,
      description: 0.3,
    },
  },
};

export interface Terms {
  tokenize(text: string): string[];
  processTerm(term: string): string | null;
  boostDocument(id: unknown, term: string, doc: Record<string, unknown> | undefined): number;
}

const SEARCH_TERMS_SOURCE = readFileSync(new URL(`./${SEARCH_TERMS_ASSET}`, import.meta.url), 'utf8');

/** The very code the search page runs, evaluated here. */
export function searchTerms(): Terms {
  const sandbox: { onedataSearchTerms?: Terms; self?: unknown } = {};
  sandbox.self = sandbox;
  runInNewContext(SEARCH_TERMS_SOURCE, sandbox);
  return sandbox.onedataSearchTerms!;
}

function firstLine(text: unknown): string {
  if (typeof text !== 'string') return '';
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** Prose only: code blocks (cURL samples with their ids) and link targets are noise in an index. */
function prose(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[*#>|`_-]{2,}/g, ' ');
}

/** The search documents of one API; `prefix` leads from the site root to the API's pages (`onezone/` or ''). */
export function searchDocs(model: SiteModel, prefix: string, firstId: number): SearchDoc[] {
  const { spec } = model;
  const schemas = spec.components.schemas;
  const byId = new Map(specOperations(spec).map((o) => [o.op.operationId, o.op]));
  const authHeaders = (security: Record<string, string[]>[] | undefined) =>
    (security ?? spec.security ?? []).flatMap((r) =>
      Object.keys(r).flatMap((n) => {
        const s = spec.components.securitySchemes?.[n];
        return s?.type === 'apiKey' && s.name ? [s.name] : s?.type === 'http' ? ['Authorization', s.scheme ?? ''] : [];
      }),
    );
  const propertiesOf = (name: string) => {
    const schema = schemas[name];
    return isSchema(schema) ? propertyRows(schema).map((r) => r.name) : [];
  };
  let id = firstId;
  const operations = model.operations.map(({ entry, op }): SearchDoc => {
    const full = byId.get(entry.operationId) ?? op;
    const used = [...referencedSchemas([full.requestBody, full.responses])];
    const inline = op.requestBody?.content?.['application/json']?.schema;
    const params = [
      ...(full.parameters ?? []).map((p) => p.name),
      ...Object.values(full.responses).flatMap((r) => Object.keys(r.headers ?? {})),
      ...authHeaders(full.security as Record<string, string[]>[] | undefined),
    ];
    return {
      id: id++,
      api: model.site.apiTitle,
      kind: 'operation',
      name: entry.operationId,
      title: entry.summary,
      method: entry.method,
      path: entry.path,
      ...(entry.tag ? { tag: entry.tag } : {}),
      description: prose(full.description),
      privileges: entry.privileges.join(' '),
      params: [...new Set(params)].join(' '),
      schemas: [
        ...used,
        ...used.flatMap(propertiesOf),
        ...(isSchema(inline) && !used.length ? propertyRows(inline).map((r) => r.name) : []),
      ].join(' '),
      ...(entry.deprecated ? { deprecated: true } : {}),
      url: prefix + operationPage(entry.operationId),
    };
  });
  const schemaDocs = model.schemaNames.map(
    (name): SearchDoc => ({
      id: id++,
      api: model.site.apiTitle,
      kind: 'schema',
      name,
      title: firstLine(schemas[name]?.description),
      description: prose(schemas[name]?.description),
      privileges: '',
      params: '',
      schemas: propertiesOf(name).join(' '),
      url: prefix + schemaPage(name),
    }),
  );
  return [...operations, ...schemaDocs];
}

/**
 * search-index.json: the options, the APIs, and MiniSearch's serialized index (documents stored: what a result
 * shows).
 */
export function searchIndexArtifact(docs: SearchDoc[]): { path: string; content: string } {
  const terms = searchTerms();
  const search = new MiniSearch<SearchDoc>({
    fields: SEARCH_OPTIONS.fields,
    storeFields: SEARCH_OPTIONS.storeFields,
    tokenize: terms.tokenize,
    processTerm: terms.processTerm,
  });
  search.addAll(docs);
  return {
    path: SEARCH_INDEX,
    content: `${JSON.stringify({ options: SEARCH_OPTIONS, index: search.toJSON() })}\n`,
  };
}

/** MiniSearch's browser build, minified (loaded by the search page only). */
export function miniSearchAsset(): { path: string; content: string } {
  // The package exports only its ES and CommonJS builds; its UMD build sits two folders below the CommonJS one.
  const file = createRequire(import.meta.url)
    .resolve('minisearch')
    .replace(/cjs[/\\]index\.cjs$/, 'umd/index.js');
  const { code } = transformSync(readFileSync(file, 'utf8'), { minify: true, target: 'es2019', legalComments: 'none' });
  return { path: MINISEARCH_ASSET, content: `/*! MiniSearch (MIT) https://github.com/lucaong/minisearch */\n${code}` };
}

/** search.html at the site root: a form, the results list, and the scripts that fill it. */
export function searchPageArtifact(
  apis: { title: string; index: string }[],
  home?: string,
  scopes: { release: string; index: string }[] = [],
): {
  path: string;
  content: string;
} {
  const browse = apis.map((a) => `<a href="${escapeHtml(a.index)}">${escapeHtml(a.title)}</a>`).join(', ');
  const status = 'Type a word: an operationId, a summary, a path, a privilege, a header or a schema.';
  const fallback = 'Browse every operation and schema from the API pages instead';
  const noscript = `Ranked search needs JavaScript. ${fallback}: ${browse}.`;
  const hint =
    'Results update as you type; ↓ and ↑ move through them, Esc returns to the search box. ' +
    'Search for several words finds pages with all of them.';
  const body = `<h1>Search</h1>
<p id="search-status" role="status">${status}</p>
<noscript><p>${noscript}</p></noscript>
<ol id="results" class="results" aria-label="Search results"></ol>
<p class="hint muted">${hint}</p>`;
  return {
    path: SEARCH_PAGE,
    content: rootPage({
      title: 'Search',
      body,
      crumbs: [
        ...(home ? [{ label: 'Home', target: home }] : apis.map((a) => ({ label: a.title, target: a.index }))).slice(
          0,
          1,
        ),
        { label: 'Search' },
      ],
      scripts: [MINISEARCH_ASSET, SEARCH_TERMS_ASSET, SEARCH_ASSET],
      homeLink: home ?? apis[0]?.index ?? INDEX_PAGE,
      ...(scopes.length > 1 ? { searchFields: releaseSelect(scopes) } : {}),
    }),
  };
}

/** The search page's release select: the first scope (the default release) is selected; search.js reads each
 * option's index file and the `release` parameter of the URL. */
function releaseSelect(scopes: { release: string; index: string }[]): string {
  const options = scopes
    .map(
      (s, i) =>
        `<option value="${escapeHtml(s.release)}" data-index="${escapeHtml(s.index)}"${i === 0 ? ' selected' : ''}>` +
        `${escapeHtml(s.release)}${i === 0 ? ' (default)' : ''}</option>`,
    )
    .join('');
  return `<label for="search-release">Release</label><select id="search-release" name="release">${options}</select>`;
}
