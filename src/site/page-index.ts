// The front page: operations grouped by tag (in the spec's tag order), every schema, and the API overview.
import type { Spec } from '../openapi/spec-types.ts';
import { badge, escapeHtml, methodBadge, section } from './html.ts';
import { page } from './layout.ts';
import { anchorId, INDEX_PAGE, operationPage, redocFragment, REFERENCE_PAGE, schemaPage } from './links.ts';
import { renderInline, renderMarkdown } from './markdown.ts';
import type { SiteModel, SiteOperation } from './site-model.ts';
import { breadcrumbs } from './nav.ts';

interface TagGroup {
  name: string;
  description?: string;
  operations: SiteOperation[];
}

export const UNTAGGED = 'Other operations';

export function tagGroups(spec: Spec, operations: SiteOperation[]): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  for (const tag of spec.tags ?? [])
    groups.set(tag.name, { name: tag.name, description: tag.description, operations: [] });
  for (const o of operations) {
    const name = o.entry.tag ?? UNTAGGED;
    if (!groups.has(name)) groups.set(name, { name, operations: [] });
    groups.get(name)!.operations.push(o);
  }
  return [...groups.values()].filter((g) => g.operations.length);
}

export function indexPageArtifact(model: SiteModel): { path: string; content: string } {
  const file = INDEX_PAGE;
  const groups = tagGroups(model.spec, model.operations);
  const toc = groups
    .map((g) => `<li><a href="#${anchorId('tag', g.name)}">${escapeHtml(g.name)}</a> (${g.operations.length})</li>`)
    .join('');
  const sections = groups.map((g) => {
    const id = anchorId('tag', g.name);
    const items = g.operations
      .map(({ entry, method, path }) => {
        const deprecated = entry.deprecated ? ` ${badge('Deprecated', 'deprecated')}` : '';
        const target = escapeHtml(operationPage(entry.operationId));
        const link = `<a href="${target}">${methodBadge(method)} <code class="path">${escapeHtml(path)}</code></a>`;
        return `<li>${link}${deprecated}<br><span class="summary">${escapeHtml(entry.summary)}</span></li>`;
      })
      .join('\n');
    const redoc =
      g.name === UNTAGGED
        ? ''
        : ` <a href="${escapeHtml(REFERENCE_PAGE + redocFragment(g.name))}">This tag in the Redoc reference</a>`;
    const description = `<p>${g.description ? renderInline(g.description) : ''}${redoc}</p>`;
    return section(id, g.name, `${description}<ul class="op-list">\n${items}\n</ul>`);
  });
  const schemas = model.schemaNames
    .map((name) => {
      const inferred =
        model.spec.components.schemas[name]?.['x-inferred'] === true ? ` ${badge('Inferred', 'inferred')}` : '';
      return `<li><a href="${escapeHtml(schemaPage(name))}">${escapeHtml(name)}</a>${inferred}</li>`;
    })
    .join('\n');
  const { info } = model.spec;
  const schemaCount = model.schemaNames.length;
  const body = [
    `<h1>${escapeHtml(info.title)}</h1>`,
    `<p>Version ${escapeHtml(info.version)} · ${model.operations.length} operations · ${schemaCount} schemas</p>`,
    `<nav aria-label="Tags"><ul class="toc">${toc}<li><a href="#schemas">Schemas</a> (${schemaCount})</li></ul></nav>`,
    ...sections,
    section('schemas', 'Schemas', `<ul class="schema-list">\n${schemas}\n</ul>`),
    info.description
      ? section('about', 'About this API', `<div class="prose">${renderMarkdown(info.description, 3)}</div>`)
      : '',
  ];
  return {
    path: file,
    content: page({
      file,
      title: 'Operations',
      site: model.site,
      body: body.filter(Boolean).join('\n'),
      ...(model.site.home
        ? {
            breadcrumbs: breadcrumbs(file, [
              { label: 'Home', target: model.site.home },
              { label: model.site.apiTitle },
            ]),
          }
        : {}),
    }),
  };
}
