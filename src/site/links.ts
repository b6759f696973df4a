// Where each page lives inside site/, and relative hrefs between pages (so the site works from any folder and
// from file://).

/**
 * Names become file names: anything outside [A-Za-z0-9_.-] is replaced (operationIds and schema names rarely
 * have any).
 */
function fileSlug(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}

export const INDEX_PAGE = 'index.html';
export const REPORT_PAGE = 'report.html';
export const SEARCH_PAGE = 'search.html';
export const REFERENCE_PAGE = 'reference.html';
export const SEARCH_INDEX = 'search-index.json';
export const CSS_ASSET = 'assets/site.css';
export const SEARCH_ASSET = 'assets/search.js';
/** Loaded by every page (copy buttons, Try it); small. */
export const SITE_ASSET = 'assets/site.js';
/** Loaded by the search page only, with the index. */
export const MINISEARCH_ASSET = 'assets/minisearch.js';
export const SEARCH_TERMS_ASSET = 'assets/search-terms.js';
export const REDOC_ASSET = 'assets/redoc.standalone.js';

export function operationPage(operationId: string): string {
  return `operations/${fileSlug(operationId)}.html`;
}

export function schemaPage(name: string): string {
  return `schemas/${fileSlug(name)}.html`;
}

/** `../` for every folder between `fromPage` and the site root. */
export function rootPrefix(fromPage: string): string {
  return '../'.repeat(fromPage.split('/').length - 1);
}

/** Relative href from one site page to another site path (which may carry a #fragment). */
export function href(fromPage: string, target: string): string {
  return rootPrefix(fromPage) + target;
}

/** A fragment id from free text (tag names, statuses). */
export function anchorId(prefix: string, text: string): string {
  return `${prefix}-${text.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Redoc 3's (build-docs) slug of a tag in its hash routes: `#/<slug>` and `#/<slug>/<operationId>`. */
export function redocTagSlug(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The fragment of reference.html that shows an operation (or its tag, or the top of the page). */
export function redocFragment(tag: string | undefined, operationId?: string): string {
  if (!tag) return '';
  return operationId ? `#/${redocTagSlug(tag)}/${operationId}` : `#/${redocTagSlug(tag)}`;
}
