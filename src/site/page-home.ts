// The portal's home page: every API with its version, operation count and how to authenticate, linking to each
// API's index, Redoc reference and build report, and the search across all of them.
import type { Spec } from '../openapi/spec-types.ts';
import { escapeHtml } from './html.ts';
import { rootPage } from './layout.ts';
import { INDEX_PAGE, REFERENCE_PAGE, REPORT_PAGE, SEARCH_PAGE } from './links.ts';
import { type ApiReleases, changesPage } from './releases.ts';

interface HomeApi {
  api: string;
  spec: Spec;
  specPath: string;
}

/** `releases`: the section on every release of every API (releasesSection), or nothing in a one-release portal. */
export function homePageArtifact(apis: HomeApi[], releases = ''): { path: string; content: string } {
  const cards = apis.map(({ api, spec, specPath }) => {
    const count = Object.values(spec.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    const to = (page: string) => escapeHtml(`${api}/${page}`);
    const id = `api-${api}`;
    const tags = (spec.tags ?? []).map((t) => escapeHtml(t.name)).join(', ');
    const links = [
      `<a href="${to(INDEX_PAGE)}">Operations and schemas</a>`,
      `<a href="${to(REFERENCE_PAGE)}">Redoc reference</a>`,
      `<a href="${to(REPORT_PAGE)}">Build report</a>`,
    ].join(' · ');
    return `<li class="api-card">
<h2 id="${id}"><a href="${to(INDEX_PAGE)}">${escapeHtml(spec.info.title)}</a></h2>
<dl class="facts">
<dt>Version</dt><dd>${escapeHtml(spec.info.version)}</dd>
<dt>Operations</dt><dd>${count}${tags ? ` <span class="muted">(${tags})</span>` : ''}</dd>
<dt>Authentication</dt><dd>${authentication(spec)}</dd>
<dt>Spec</dt><dd><code>${escapeHtml(specPath)}</code></dd>
</dl>
<p class="api-links">${links}</p>
</li>`;
  });
  const nav = apis
    .map(
      ({ api, spec }) => `<li><a href="${escapeHtml(`${api}/${INDEX_PAGE}`)}">${escapeHtml(spec.info.title)}</a></li>`,
    )
    .join('');
  const search = `<a href="${SEARCH_PAGE}">Search all ${apis.length} APIs</a>`;
  const body = `<h1>Onedata REST APIs</h1>
<p>One OpenAPI 3.1 spec per API, rebuilt from its documentation pages. ${search}.</p>
<nav aria-label="APIs"><ul class="toc">${nav}</ul></nav>
<ul class="api-cards">
${cards.join('\n')}
</ul>${releases}`;
  return { path: INDEX_PAGE, content: rootPage({ title: 'Home', body, homeLink: INDEX_PAGE }) };
}

/** The spec's security schemes in words: a header, HTTP basic, or none. */
function authentication(spec: Spec): string {
  const schemes = Object.entries(spec.components.securitySchemes ?? {}).map(([name, s]) => {
    if (s.type === 'apiKey')
      return `a token in the <code>${escapeHtml(s.name ?? name)}</code> ${escapeHtml(s.in ?? '')}`;
    if (s.type === 'http' && s.scheme === 'basic') return 'HTTP basic (user name and password)';
    if (s.type === 'http') return `HTTP ${escapeHtml(s.scheme ?? '')}`;
    return escapeHtml(`${name} (${s.type})`);
  });
  return schemes.length ? schemes.join(' or ') : 'none documented';
}

/** Every API's releases (the default one first in the cards above), their "What changed" pages, and the releases
 * an API has no docs for. */
export function releasesSection(apis: ApiReleases[]): string {
  const rows = apis.map((api) => {
    const title = escapeHtml(api.models.get(api.plan.default)?.spec.info.title ?? api.api);
    const releases = api.shown.map((release) => {
      const target = escapeHtml(`${api.api}/${api.inRelease(release, INDEX_PAGE)}`);
      const note = api.models.has(release) ? '' : ' <span class="muted">(no docs)</span>';
      return `<a href="${target}">${escapeHtml(release)}</a>${note}`;
    });
    const changes = api.changelogs().map((c) => {
      const target = escapeHtml(`${api.api}/${changesPage(c.from, c.to)}`);
      return `<a href="${target}">${escapeHtml(c.from)} → ${escapeHtml(c.to)}</a>`;
    });
    return `<tr><th scope="row">${title}</th><td>${releases.join(' · ')}</td><td>${changes.join(' · ')}</td></tr>`;
  });
  return `
<section aria-labelledby="releases"><h2 id="releases">Releases</h2>
<p>The pages above are of the default release; every documented release has its own, and every page links to the
same page in the other releases.</p>
<div class="table-wrap"><table><caption>Releases of each API</caption>
<thead><tr><th scope="col">API</th><th scope="col">Releases</th><th scope="col">What changed</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
}
