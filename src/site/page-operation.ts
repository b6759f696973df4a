// One page per operation: what to send, what comes back, who may call it, and how (cURL, TypeScript).
import { STATUS_CODES } from 'node:http';
import type { SpecMedia, SpecOperation, SpecResponse } from '../openapi/spec-types.ts';
import { findingsSection } from './findings-list.ts';
import {
  badge,
  codeBlock,
  escapeHtml,
  heading,
  jsonBlock,
  methodBadge,
  section,
  tableHead,
  tableWrap,
} from './html.ts';
import { page } from './layout.ts';
import { anchorId, href, INDEX_PAGE, operationPage, redocFragment, REFERENCE_PAGE, schemaPage } from './links.ts';
import { exampleRequest } from './examples.ts';
import { apiCrumbs, apiNav, breadcrumbs } from './nav.ts';
import { UNTAGGED } from './page-index.ts';
import { tryAuth, tryItSection } from './try-it.ts';
import type { Spec } from '../openapi/spec-types.ts';
import { renderInline, renderMarkdown } from './markdown.ts';
import { type CodeSample, shellSamples, typescriptSample } from './samples.ts';
import { compositionLabel, isSchema, typeLabel, type Schema } from './schema-model.ts';
import { refName } from '../openapi/ref-utils.ts';
import { propertiesTable } from './schema-table.ts';
import type { SiteModel, SiteOperation } from './site-model.ts';

export function operationPageArtifact(model: SiteModel, operation: SiteOperation): { path: string; content: string } {
  const file = operationPage(operation.entry.operationId);
  const { op, entry } = operation;
  const link = (name: string) => href(file, schemaPage(name));
  const tagTarget = entry.tag ? `${INDEX_PAGE}#${anchorId('tag', entry.tag)}` : undefined;
  const tag = tagTarget ? `<a href="${escapeHtml(href(file, tagTarget))}">${escapeHtml(entry.tag!)}</a>` : 'none';
  const redoc = escapeHtml(href(file, REFERENCE_PAGE + redocFragment(entry.tag ?? undefined, op.operationId)));
  const samples = shellSamples(operation, model.spec);
  const request = exampleRequest(op, model.spec, operation.path);
  const pathExamples = request.params.path ?? {};
  const title = op.summary || op.operationId;
  const endpointPath = `<code class="path">${escapeHtml(operation.path)}</code>`;
  const deprecated = op.deprecated ? ` ${badge('Deprecated', 'deprecated')}` : '';
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="endpoint">${methodBadge(operation.method)} ${endpointPath}${deprecated}</p>`,
    op.deprecated ? `<p class="note">This operation is deprecated: it may be removed in a future release.</p>` : '',
    `<dl class="facts"><dt>Operation ID</dt><dd><code>${escapeHtml(op.operationId)}</code></dd>` +
      `<dt>Tag</dt><dd>${tag}</dd>` +
      `<dt>Reference</dt><dd><a href="${redoc}">This operation in the Redoc reference</a></dd>` +
      (op['x-doc-source'] ? `<dt>Documented at</dt><dd><code>${escapeHtml(op['x-doc-source'])}</code></dd>` : '') +
      '</dl>',
    op.description
      ? section('description', 'Description', renderMarkdown(withoutCurlSection(op.description, samples.length > 0), 3))
      : '',
    section(
      'authorization',
      'Authentication and privileges',
      authenticationText(operation, model.spec) + privileges(operation),
    ),
    parametersSection(op, link, pathExamples),
    requestBodySection(op, model, link),
    section(
      'responses',
      'Responses',
      Object.entries(op.responses)
        .map(([status, r]) => response(status, r, model, link))
        .join('\n'),
    ),
    samplesSection(operation, model, samples),
    tryItSection(operation, request, tryAuth(operation, model.spec), model.site),
    model.site.releases?.history(operation, file) ?? '',
    findingsSection(file, model.findingsFor(file)),
  ];
  const crumbs = [
    ...apiCrumbs(model),
    ...(entry.tag && tagTarget ? [{ label: entry.tag, target: tagTarget }] : []),
    { label: title },
  ];
  return {
    path: file,
    content: page({
      file,
      title,
      site: model.site,
      body: body.filter(Boolean).join('\n'),
      breadcrumbs: breadcrumbs(file, crumbs),
      sidebar: apiNav(model, file, { tag: entry.tag ?? UNTAGGED }),
    }),
  };
}

/** The docs' "Example cURL requests" part of a description, when the same samples are shown below it. */
function withoutCurlSection(description: string, shownBelow: boolean): string {
  if (!shownBelow) return description;
  const at = description.search(/^\s*\*{0,3}Example cURL requests?\*{0,3}\s*$/im);
  return at < 0 ? description : description.slice(0, at).trimEnd();
}

/** How to authenticate: the schemes the operation accepts (its own security, else the spec's), or public. */
function authenticationText({ op, entry }: SiteOperation, spec: Spec): string {
  const requirements = op.security ?? spec.security ?? [];
  if (entry.public || !requirements.length) return '<p><strong>Authentication:</strong> none: public access.</p>';
  const ways = [...new Set(requirements.flatMap((r) => Object.keys(r)))].map((name) => {
    const s = spec.components.securitySchemes?.[name];
    if (s?.type === 'apiKey')
      return `a token in the <code>${escapeHtml(s.name ?? name)}</code> ${escapeHtml(s.in ?? 'header')}`;
    if (s?.type === 'http' && s.scheme === 'basic')
      return 'HTTP basic authentication (<code>Authorization: Basic …</code>, user name and password)';
    if (s?.type === 'http') return `HTTP ${escapeHtml(s.scheme ?? '')} authentication`;
    return `<code>${escapeHtml(name)}</code>`;
  });
  return `<p><strong>Authentication:</strong> ${ways.length > 1 ? 'either ' : ''}${ways.join(' or ')}.</p>`;
}

function privileges({ entry }: SiteOperation): string {
  if (entry.public) return '';
  if (!entry.privileges.length) return '<p><strong>Privileges:</strong> none documented beyond authentication.</p>';
  const list = entry.privileges.map((p) => `<li><code>${escapeHtml(p)}</code></li>`).join('');
  const lead = entry.privileges.length > 1 ? 'any one of these is enough:' : 'this one:';
  return `<p><strong>Privileges:</strong> ${lead}</p><ul>${list}</ul>`;
}

function parametersSection(
  op: SpecOperation,
  link: (name: string) => string,
  pathExamples: Record<string, unknown>,
): string {
  const params = op.parameters ?? [];
  if (!params.length) return '';
  const rows = params
    .map((p) => {
      const value = p.in === 'path' && p.name in pathExamples ? pathExamples[p.name] : p.example;
      const example =
        value === undefined
          ? ''
          : `${p.description ? '<br>' : ''}Example: <code>${escapeHtml(JSON.stringify(value))}</code>`;
      const where = `<span class="muted">${escapeHtml(p.in)}, ${p.required ? 'required' : 'optional'}</span>`;
      const description = p.description ? renderInline(p.description) : '';
      return (
        `<tr><th scope="row"><code>${escapeHtml(p.name)}</code><br>${where}</th>` +
        `<td>${typeLabel(p.schema, link)}</td><td>${description}${example}</td></tr>`
      );
    })
    .join('\n');
  const table = tableWrap(
    `<table><caption>Parameters</caption>\n${tableHead('Name', 'Type', 'Description')}\n` +
      `<tbody>\n${rows}\n</tbody></table>`,
  );
  return section('parameters', 'Parameters', table);
}

function requestBodySection(op: SpecOperation, model: SiteModel, link: (name: string) => string): string {
  const rb = op.requestBody;
  if (!rb) return '';
  const description = rb.description ? ` ${renderInline(rb.description)}` : '';
  const lead = `<p>${rb.required ? 'Required' : 'Optional'}.${description}</p>`;
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
    heading(3, id, `${escapeHtml(status)} ${escapeHtml(STATUS_CODES[status] ?? '')}`),
    `<div class="prose">${renderMarkdown(r.description, 4)}</div>`,
  ];
  const headers = Object.entries(r.headers ?? {});
  if (headers.length) {
    const rows = headers
      .map(([name, h]) => {
        const description = h.description ? renderInline(h.description) : '';
        return (
          `<tr><th scope="row"><code>${escapeHtml(name)}</code></th>` +
          `<td>${typeLabel(h.schema, link)}</td><td>${description}</td></tr>`
        );
      })
      .join('\n');
    parts.push(
      tableWrap(
        `<table><caption>Response headers (${escapeHtml(status)})</caption>\n` +
          `${tableHead('Header', 'Type', 'Description')}\n<tbody>\n${rows}\n</tbody></table>`,
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
  // A named anyOf/oneOf (Error) also shows its variants, so readers see both shapes without leaving the page.
  const variants = name && resolved ? compositionLabel(resolved, link) : undefined;
  const parts = [
    `<p><code>${escapeHtml(type)}</code>: ${typeLabel(m.schema, link)}${variants ? ` (${variants})` : ''}</p>`,
  ];
  if (isSchema(resolved)) parts.push(propertiesTable(resolved, `${what}: ${name ?? 'properties'}`, link));
  for (const [key, example] of Object.entries(m.examples ?? {})) {
    const caption = `<figcaption>Example: ${escapeHtml(example.summary ?? key)}</figcaption>`;
    parts.push(`<figure>${caption}${jsonBlock(example.value)}</figure>`);
  }
  return parts.filter(Boolean).join('\n');
}

function samplesSection(operation: SiteOperation, model: SiteModel, shell: CodeSample[]): string {
  const blocks = shell
    .map((s, i) => {
      const title = `${escapeHtml(s.lang)}: ${escapeHtml(s.label)}`;
      const language = s.lang.toLowerCase() === 'curl' ? 'bash' : s.lang.toLowerCase();
      return `${heading(3, `sample-${i + 1}`, title)}\n${codeBlock(s.source, language)}`;
    })
    .join('\n');
  const client = typescriptSample(operation, model.spec, model.site.clientModule);
  const ts = `${heading(3, 'sample-typescript', 'TypeScript (generated client)')}\n${codeBlock(client, 'ts')}`;
  return section('samples', 'Samples', `${blocks}\n${ts}`);
}
