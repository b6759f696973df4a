// The navigation of one API on its operation and schema pages (tags → operations, then schemas), and the
// breadcrumbs. Plain HTML: each tag is a <details> (the current one open) inside one <details> that is always
// open on a wide screen (CSS) and folds away on a phone; works without JavaScript.
import { escapeHtml } from './html.ts';
import { href, INDEX_PAGE, operationPage, schemaPage } from './links.ts';
import { tagGroups } from './page-index.ts';
import type { SiteModel } from './site-model.ts';

const METHOD_CLASS: Record<string, string> = { get: 'g', post: 'p', put: 'u', patch: 'a', delete: 'd' };

export interface Crumb {
  label: string;
  /** Site path (inside the API's root, or relative to it like `../index.html`); absent for the current page. */
  target?: string;
}

export function breadcrumbs(file: string, crumbs: Crumb[]): string {
  const items = crumbs.map(({ label, target }) =>
    target === undefined
      ? `<li aria-current="page">${escapeHtml(label)}</li>`
      : `<li><a href="${escapeHtml(href(file, target))}">${escapeHtml(label)}</a></li>`,
  );
  return `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${items.join('')}</ol></nav>`;
}

/** The crumbs down to an API's index: Home (in a portal) › API. */
export function apiCrumbs(model: SiteModel): Crumb[] {
  const api = { label: model.site.apiTitle, target: INDEX_PAGE };
  return model.site.home ? [{ label: 'Home', target: model.site.home }, api] : [api];
}

/** `current`: the page being shown (an operation or schema page), marked and its group opened. */
export function apiNav(model: SiteModel, file: string, current: { tag?: string; schema?: boolean }): string {
  // Short markup (a nav of 200 operations is on every page): same-folder links, one-letter method classes, no </li>.
  const link = (target: string) => {
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    return escapeHtml(dir && target.startsWith(dir) ? target.slice(dir.length) : href(file, target));
  };
  const groups = tagGroups(model.spec, model.operations).map((g) => {
    const items = g.operations
      .map(({ entry, method }) => {
        const page = operationPage(entry.operationId);
        const here = page === file ? ' aria-current="page"' : '';
        const label = escapeHtml(entry.summary || entry.operationId);
        return `<li class=${METHOD_CLASS[method] ?? 'o'}><a href="${link(page)}"${here}>${label}</a>`;
      })
      .join('');
    const open = g.name === current.tag ? ' open' : '';
    const summary = `<summary>${escapeHtml(g.name)} <span class="count">${g.operations.length}</span></summary>`;
    return `<details${open}>${summary}<ul>${items}</ul></details>`;
  });
  // The schemas are listed on schema pages; operation pages link to the index's list.
  const count = `<span class="count">${model.schemaNames.length}</span>`;
  if (current.schema) {
    const schemas = model.schemaNames
      .map((name) => {
        const page = schemaPage(name);
        const here = page === file ? ' aria-current="page"' : '';
        return `<li><a href="${link(page)}"${here}>${escapeHtml(name)}</a>`;
      })
      .join('');
    groups.push(`<details open><summary>Schemas ${count}</summary><ul class="schemas">${schemas}</ul></details>`);
  } else {
    groups.push(`<p class="api-nav-top"><a href="${link(`${INDEX_PAGE}#schemas`)}">Schemas</a> ${count}</p>`);
  }
  const title = escapeHtml(model.site.apiTitle);
  const fold = `<details class="api-nav-fold"><summary>${title}: operations and schemas</summary>`;
  return `<nav class="api-nav" tabindex="0" aria-label="${title} API">${fold}
<p class="api-nav-top"><a href="${link(INDEX_PAGE)}">All operations</a></p>
${groups.join('\n')}
</details></nav>`;
}
