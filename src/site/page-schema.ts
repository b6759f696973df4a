// One page per schema: its properties, variants, example, where an inferred schema came from, and who uses it.
import { findingsSection } from './findings-list.ts';
import { badge, escapeHtml, jsonBlock, methodBadge, section } from './html.ts';
import { page } from './layout.ts';
import { href, INDEX_PAGE, operationPage, REFERENCE_PAGE, schemaPage } from './links.ts';
import { apiCrumbs, apiNav, breadcrumbs } from './nav.ts';
import { renderMarkdown } from './markdown.ts';
import { compositionLabel, isSchema, typeLabel, type Schema } from './schema-model.ts';
import { propertiesTable } from './schema-table.ts';
import type { SiteModel } from './site-model.ts';

export function schemaPageArtifact(model: SiteModel, name: string): { path: string; content: string } {
  const file = schemaPage(name);
  const schema = model.spec.components.schemas[name] ?? {};
  const link = (other: string) => href(file, schemaPage(other));
  const inferred = schema['x-inferred'] === true;
  const required = Array.isArray(schema.required)
    ? schema.required.map((r) => `<code>${escapeHtml(String(r))}</code>`).join(', ')
    : '';
  const releases = Array.isArray(schema['x-releases'])
    ? schema['x-releases'].map((r) => escapeHtml(String(r))).join(', ')
    : '';
  const body = [
    `<h1>${escapeHtml(name)}</h1>`,
    `<p>Schema${inferred ? ` ${badge('Inferred', 'inferred')}` : ''}</p>`,
    typeof schema.description === 'string' ? `<div class="prose">${renderMarkdown(schema.description, 2)}</div>` : '',
    `<dl class="facts"><dt>Type</dt><dd>${typeLabel(schema, link)}</dd>` +
      (required ? `<dt>Required</dt><dd>${required}</dd>` : '') +
      (releases ? `<dt>Releases</dt><dd>${releases}</dd>` : '') +
      `<dt>Reference</dt><dd><a href="${escapeHtml(href(file, REFERENCE_PAGE))}">The Redoc reference</a> ` +
      '<span class="muted">(it shows schemas inside the operations that use them)</span></dd>' +
      '</dl>',
    section(
      'properties',
      'Properties',
      propertiesTable(schema, `Properties of ${name}`, link) || '<p>No properties are declared.</p>',
    ),
    variantsSection(schema, link),
    enumSection(schema),
    exampleSection(schema),
    inferredSection(schema),
    usedBySection(model, name, file),
    findingsSection(file, model.findingsFor(file)),
  ];
  return {
    path: file,
    content: page({
      file,
      title: `${name} schema`,
      site: model.site,
      body: body.filter(Boolean).join('\n'),
      breadcrumbs: breadcrumbs(file, [
        ...apiCrumbs(model),
        { label: 'Schemas', target: `${INDEX_PAGE}#schemas` },
        { label: name },
      ]),
      sidebar: apiNav(model, file, { schema: true }),
    }),
  };
}

function variantsSection(schema: Schema, link: (name: string) => string): string {
  const label = compositionLabel(schema, link);
  if (!label) return '';
  const discriminator = isSchema(schema.discriminator) ? schema.discriminator : undefined;
  let text = `<p>A value is ${label}.</p>`;
  if (discriminator && typeof discriminator.propertyName === 'string') {
    const mapping = isSchema(discriminator.mapping) ? Object.entries(discriminator.mapping) : [];
    const rows = mapping
      .map(([value, ref]) => `<li><code>${escapeHtml(value)}</code> → ${typeLabel({ $ref: ref }, link)}</li>`)
      .join('');
    const list = rows ? `<ul>${rows}</ul>` : '';
    text += `<p>The <code>${escapeHtml(discriminator.propertyName)}</code> property tells which.</p>${list}`;
  }
  return section('variants', 'Variants', text);
}

function enumSection(schema: Schema): string {
  if (!Array.isArray(schema.enum)) return '';
  return section(
    'values',
    'Allowed values',
    `<ul>${schema.enum.map((v) => `<li><code>${escapeHtml(JSON.stringify(v))}</code></li>`).join('')}</ul>`,
  );
}

function exampleSection(schema: Schema): string {
  const examples = [
    ...(schema.example === undefined ? [] : [schema.example]),
    ...(Array.isArray(schema.examples) ? schema.examples : []),
  ];
  if (!examples.length) return '';
  return section('example', examples.length > 1 ? 'Examples' : 'Example', examples.map((e) => jsonBlock(e)).join('\n'));
}

function inferredSection(schema: Schema): string {
  if (schema['x-inferred'] !== true) return '';
  const sources = Array.isArray(schema['x-inferred-from']) ? schema['x-inferred-from'] : [];
  const list = sources.length
    ? `<ul class="sources">${sources.map((s) => `<li><code>${escapeHtml(String(s))}</code></li>`).join('')}</ul>`
    : '';
  const lead = sources.length
    ? 'No documentation page defines this schema: it was inferred from the examples and property tables ' +
      `at these ${sources.length} place(s) in the docs:`
    : 'No documentation page defines this schema: it was inferred from the schemas and examples that use it.';
  return section('inferred', 'Inferred schema', `<p>${lead}</p>${list}`);
}

function usedBySection(model: SiteModel, name: string, file: string): string {
  const operations = model.usedBy.get(name) ?? [];
  const schemas = model.referencedBy.get(name) ?? [];
  const opList = operations.length
    ? `<ul class="op-list">${operations
        .map((o) => {
          const target = escapeHtml(href(file, operationPage(o.entry.operationId)));
          const path = `<code class="path">${escapeHtml(o.path)}</code>`;
          return `<li><a href="${target}">${methodBadge(o.method)} ${path}</a> ${escapeHtml(o.entry.summary)}</li>`;
        })
        .join('\n')}</ul>`
    : '<p>No operation uses this schema.</p>';
  const schemaItems = schemas
    .map((s) => `<li><a href="${escapeHtml(href(file, schemaPage(s)))}">${escapeHtml(s)}</a></li>`)
    .join('');
  const schemaList = schemas.length ? `<h3 id="referenced-by">Referenced by schemas</h3><ul>${schemaItems}</ul>` : '';
  return section('used-by', 'Used by', opList + schemaList);
}
