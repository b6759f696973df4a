// The properties table of an object schema, used on schema pages and for bodies on operation pages.
import { escapeHtml, tableHead, tableWrap } from './html.ts';
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
    .map((r) => {
      const required = `<span class="muted">${r.required ? 'required' : 'optional'}</span>`;
      return (
        `<tr><th scope="row"><code>${escapeHtml(r.name)}</code><br>${required}</th>` +
        `<td>${typeLabel(r.schema, link)}</td><td>${details(r.schema)}</td></tr>`
      );
    })
    .join('\n');
  return tableWrap(
    `<table><caption>${escapeHtml(caption)}</caption>\n` +
      `${tableHead('Property', 'Type', 'Description')}\n<tbody>\n${body}\n</tbody></table>`,
  );
}
