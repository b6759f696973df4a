// The properties table of an object schema, used on schema pages and for bodies on operation pages.
import { escapeHtml, tableWrap } from './html.ts';
import { renderInline } from './markdown.ts';
import { propertyRows, typeLabel, type Schema } from './schema-model.ts';

const json = (v: unknown) => `<code>${escapeHtml(JSON.stringify(v))}</code>`;

function details(schema: Schema): string {
  const parts: string[] = [];
  if (typeof schema.description === 'string') parts.push(renderInline(schema.description));
  if (Array.isArray(schema.enum)) parts.push(`Allowed values: ${schema.enum.map(json).join(', ')}`);
  if (schema.default !== undefined) parts.push(`Default: ${json(schema.default)}`);
  if (schema.example !== undefined) parts.push(`Example: ${json(schema.example)}`);
  if (schema.deprecated === true) parts.push('Deprecated.');
  return parts.join('<br>');
}

/** Empty string when the schema has no properties. */
export function propertiesTable(schema: Schema, caption: string, link: (name: string) => string): string {
  const rows = propertyRows(schema);
  if (!rows.length) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row"><code>${escapeHtml(r.name)}</code><br><span class="muted">${r.required ? 'required' : 'optional'}</span></th>` +
        `<td>${typeLabel(r.schema, link)}</td><td>${details(r.schema)}</td></tr>`,
    )
    .join('\n');
  return tableWrap(
    `<table><caption>${escapeHtml(caption)}</caption>\n<thead><tr><th scope="col">Property</th><th scope="col">Type</th>` +
      `<th scope="col">Description</th></tr></thead>\n<tbody>\n${body}\n</tbody></table>`,
  );
}
