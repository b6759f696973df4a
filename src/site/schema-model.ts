// Reading JSON Schemas of the spec: $ref names, type labels with links, flattened property rows, references.
import { escapeHtml } from './html.ts';
import { refName } from '../openapi/ref-utils.ts';

export type Schema = Record<string, unknown>;

export function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function subSchemas(schema: Schema, key: 'oneOf' | 'anyOf' | 'allOf'): Schema[] {
  const list = schema[key];
  return Array.isArray(list) ? list.filter(isSchema) : [];
}

/** A short type label in HTML; `link(name)` gives the href of a schema page. */
export function typeLabel(schema: unknown, link: (name: string) => string): string {
  if (!isSchema(schema)) return 'any';
  const name = refName(schema);
  if (name) return `<a href="${escapeHtml(link(name))}">${escapeHtml(name)}</a>`;
  const composition = compositionLabel(schema, link);
  if (composition) return composition;
  const type = Array.isArray(schema.type)
    ? schema.type.join(' | ')
    : typeof schema.type === 'string'
      ? schema.type
      : undefined;
  if (type === 'array') return `array of ${typeLabel(schema.items, link)}`;
  if (isSchema(schema.additionalProperties)) return `map of string to ${typeLabel(schema.additionalProperties, link)}`;
  const format = typeof schema.format === 'string' ? ` (${escapeHtml(schema.format)})` : '';
  return escapeHtml(type ?? (isSchema(schema.properties) ? 'object' : 'any')) + format;
}

/** `one of A | B` for oneOf / anyOf / allOf schemas, else undefined. */
export function compositionLabel(schema: Schema, link: (name: string) => string): string | undefined {
  for (const [key, word] of [
    ['oneOf', 'one of'],
    ['anyOf', 'any of'],
    ['allOf', 'all of'],
  ] as const) {
    const parts = subSchemas(schema, key);
    if (parts.length) return `${word} ${parts.map((p) => typeLabel(p, link)).join(' | ')}`;
  }
  return undefined;
}

export interface PropertyRow {
  /** Dotted path for nested inline objects: `error.details.key`. */
  name: string;
  schema: Schema;
  required: boolean;
}

/** Properties of an object schema, nested inline objects flattened into dotted names ($refs are links instead). */
export function propertyRows(schema: Schema, prefix = ''): PropertyRow[] {
  const props = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const rows: PropertyRow[] = [];
  for (const [name, value] of Object.entries(props)) {
    if (!isSchema(value)) continue;
    const full = prefix + name;
    rows.push({ name: full, schema: value, required: required.includes(name) });
    if (!refName(value)) rows.push(...propertyRows(value, `${full}.`));
  }
  return rows;
}

/** Every schema name a value references ($ref anywhere inside it). */
export function referencedSchemas(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencedSchemas(v, into);
  else if (isSchema(value)) {
    const name = refName(value);
    if (name) into.add(name);
    for (const v of Object.values(value)) referencedSchemas(v, into);
  }
  return into;
}
