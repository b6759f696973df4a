// One page per operation: what to send, what comes back, who may call it, and how (cURL, TypeScript).
import { STATUS_CODES } from 'node:http';
import type { SpecMedia, SpecOperation, SpecResponse } from '../openapi/spec-types.ts';
import { findingsSection } from './findings-list.ts';
import { badge, codeBlock, escapeHtml, jsonBlock, methodBadge, section, tableWrap } from './html.ts';
import { page } from './layout.ts';
import { anchorId, href, INDEX_PAGE, operationPage, schemaPage } from './links.ts';
import { renderInline, renderMarkdown } from './markdown.ts';
import { shellSamples, typescriptSample } from './samples.ts';
import { compositionLabel, isSchema, typeLabel, type Schema } from './schema-model.ts';
import { refName } from '../openapi/ref-utils.ts';
import { propertiesTable } from './schema-table.ts';
import type { SiteModel, SiteOperation } from './site-model.ts';

export function operationPageArtifact(model: SiteModel, operation: SiteOperation): { path: string; content: string } {
  const file = operationPage(operation.entry.operationId);
  const { op, entry } = operation;
  const link = (name: string) => href(file, schemaPage(name));
  const tag = entry.tag
    ? `<a href="${escapeHtml(href(file, `${INDEX_PAGE}#${anchorId('tag', entry.tag)}`))}">${escapeHtml(entry.tag)}</a>`
    : 'none';
  const body = [
    `<h1>${escapeHtml(op.summary || op.operationId)}</h1>`,
    `<p class="endpoint">${methodBadge(operation.method)} <code class="path">${escapeHtml(operation.path)}</code>${op.deprecated ? ` ${badge('Deprecated', 'deprecated')}` : ''}</p>`,
    op.deprecated ? `<p class="note">This operation is deprecated: it may be removed in a future release.</p>` : '',
    `<dl class="facts"><dt>Operation ID</dt><dd><code>${escapeHtml(op.operationId)}</code></dd><dt>Tag</dt><dd>${tag}</dd>` +
      (op['x-doc-source'] ? `<dt>Documented at</dt><dd><code>${escapeHtml(op['x-doc-source'])}</code></dd>` : '') +
      '</dl>',
    op.description ? section('description', 'Description', renderMarkdown(op.description, 3)) : '',
    section('privileges', 'Required privileges', privileges(operation)),
    parametersSection(op, link),
    requestBodySection(op, model, link),
    section(
      'responses',
      'Responses',
      Object.entries(op.responses)
        .map(([status, r]) => response(status, r, model, link))
        .join('\n'),
    ),
    samplesSection(operation, model),
    findingsSection(file, model.findingsFor(file)),
  ];
  return {
    path: file,
    content: page({
      file,
      title: op.summary || op.operationId,
      site: model.site,
      body: body.filter(Boolean).join('\n'),
    }),
  };
}

function privileges({ entry }: SiteOperation): string {
  if (entry.public) return '<p>Public access: no authentication needed.</p>';
  if (!entry.privileges.length) return '<p>None documented beyond authentication.</p>';
  const list = entry.privileges.map((p) => `<li><code>${escapeHtml(p)}</code></li>`).join('');
  const lead = entry.privileges.length > 1 ? 'Any one of these privileges is enough:' : 'This privilege:';
  return `<p>${lead}</p><ul>${list}</ul>`;
}

function parametersSection(op: SpecOperation, link: (name: string) => string): string {
  const params = op.parameters ?? [];
  if (!params.length) return '';
  const rows = params
    .map((p) => {
      const example =
        p.example === undefined
          ? ''
          : `${p.description ? '<br>' : ''}Example: <code>${escapeHtml(JSON.stringify(p.example))}</code>`;
      return (
        `<tr><th scope="row"><code>${escapeHtml(p.name)}</code><br><span class="muted">${escapeHtml(p.in)}, ${p.required ? 'required' : 'optional'}</span></th>` +
        `<td>${typeLabel(p.schema, link)}</td><td>${p.description ? renderInline(p.description) : ''}${example}</td></tr>`
      );
    })
    .join('\n');
  const table = tableWrap(
    `<table><caption>Parameters</caption>\n<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>\n` +
      `<tbody>\n${rows}\n</tbody></table>`,
  );
  return section('parameters', 'Parameters', table);
}

function requestBodySection(op: SpecOperation, model: SiteModel, link: (name: string) => string): string {
  const rb = op.requestBody;
  if (!rb) return '';
  const lead = `<p>${rb.required ? 'Required' : 'Optional'}.${rb.description ? ` ${renderInline(rb.description)}` : ''}</p>`;
  return section(
    'request-body',
    'Request body',
    lead +
      Object.entries(rb.content)
        .map(([type, m]) => media(type, m, model, link, 'Request body'))
        .join('\n'),
  );
}

function response(status: string, r: SpecResponse, model: SiteModel, link: (name: string) => string): string {
  const id = anchorId('response', status);
  const parts = [
    `<h3 id="${id}">${escapeHtml(status)} ${escapeHtml(STATUS_CODES[status] ?? '')}</h3>`,
    `<div class="prose">${renderMarkdown(r.description, 4)}</div>`,
  ];
  const headers = Object.entries(r.headers ?? {});
  if (headers.length) {
    const rows = headers
      .map(
        ([name, h]) =>
          `<tr><th scope="row"><code>${escapeHtml(name)}</code></th><td>${typeLabel(h.schema, link)}</td><td>${h.description ? renderInline(h.description) : ''}</td></tr>`,
      )
      .join('\n');
    parts.push(
      tableWrap(
        `<table><caption>Response headers (${escapeHtml(status)})</caption>\n<thead><tr><th scope="col">Header</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>`,
      ),
    );
  }
  for (const [type, m] of Object.entries(r.content ?? {}))
    parts.push(media(type, m, model, link, `Response ${status}`));
  return `<section class="response" aria-labelledby="${id}">\n${parts.join('\n')}\n</section>`;
}

/** A body: media type, schema (linked, with its properties), and every documented example. */
function media(type: string, m: SpecMedia, model: SiteModel, link: (name: string) => string, what: string): string {
  const name = refName(m.schema);
  const resolved: Schema | undefined = name ? model.spec.components.schemas[name] : m.schema;
  // A named oneOf (Error) also shows its variants, so readers see both shapes without leaving the page.
  const variants = name && resolved ? compositionLabel(resolved, link) : undefined;
  const parts = [
    `<p><code>${escapeHtml(type)}</code>: ${typeLabel(m.schema, link)}${variants ? ` (${variants})` : ''}</p>`,
  ];
  if (isSchema(resolved)) parts.push(propertiesTable(resolved, `${what}: ${name ?? 'properties'}`, link));
  for (const [key, example] of Object.entries(m.examples ?? {})) {
    parts.push(
      `<figure><figcaption>Example: ${escapeHtml(example.summary ?? key)}</figcaption>${jsonBlock(example.value)}</figure>`,
    );
  }
  return parts.filter(Boolean).join('\n');
}

function samplesSection(operation: SiteOperation, model: SiteModel): string {
  const shell = shellSamples(operation, model.spec)
    .map(
      (s, i) =>
        `<h3 id="sample-${i + 1}">${escapeHtml(s.lang)}: ${escapeHtml(s.label)}</h3>\n${codeBlock(s.source, s.lang === 'cURL' ? 'bash' : s.lang.toLowerCase())}`,
    )
    .join('\n');
  const ts = `<h3 id="sample-typescript">TypeScript (generated client)</h3>\n${codeBlock(typescriptSample(operation, model.spec, model.site.clientModule), 'ts')}`;
  return section('samples', 'Samples', `${shell}\n${ts}`);
}
