// Where each page lives inside site/, and relative hrefs between pages (so the site works from any folder and
// from file://).

/** Names become file names: anything outside [A-Za-z0-9_.-] is replaced (operationIds and schema names rarely have any). */
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
