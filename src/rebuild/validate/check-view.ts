// The components as the example check reads them. Objects are closed for the check (a property the schema does
// not declare makes an example invalid, as in Redocly's rules), which plain allOf inheritance would defeat: the
// parent's closed object refuses the subtype's own properties. So, for the check only:
// - a subtype `allOf [{$ref: Parent}, {own properties}]` is read as one object with the parent's and its own
//   properties and required names;
// - a parent with a discriminator mapping is read as `anyOf [its own object, …the mapped subtypes]`, so a
//   subtype's example validates where the parent is referenced, as OpenAPI's discriminator means.
// Both checkers (schema-check.ts and ajv-check.ts) read this view.
import type { Schema } from '../model.ts';
import { refTarget } from '../../openapi/ref-utils.ts';

export function checkView(schemas: Record<string, Schema>): Record<string, Schema> {
  const view: Record<string, Schema> = {};
  for (const [name, schema] of Object.entries(schemas)) view[name] = flattened(schema, schemas) ?? schema;
  for (const [name, schema] of Object.entries(schemas)) {
    const mapping = (schema.discriminator as { mapping?: Record<string, string> } | undefined)?.mapping;
    if (!mapping || Object.keys(mapping).length === 0) continue;
    const { discriminator: _, example: __, ...base } = view[name]!;
    // Subtypes first: a failing example is reported with the first subtype's reason, the more telling one.
    view[name] = { anyOf: [...[...new Set(Object.values(mapping))].map((ref) => ({ $ref: ref })), base] };
  }
  return view;
}

/** `allOf` of plain object schemas (inline or component refs) as one object schema; undefined otherwise. */
function flattened(schema: Schema, schemas: Record<string, Schema>, depth = 0): Schema | undefined {
  if (!Array.isArray(schema.allOf) || depth > 8) return undefined;
  const properties: Record<string, Schema> = {};
  const required = new Set<string>();
  for (const branch of schema.allOf as Schema[]) {
    const target = typeof branch.$ref === 'string' ? schemas[refTarget(branch.$ref) ?? ''] : branch;
    if (!target) return undefined;
    const part = flattened(target, schemas, depth + 1) ?? target;
    if (!isPlainObject(part)) return undefined;
    for (const [key, prop] of Object.entries((part.properties as Record<string, Schema> | undefined) ?? {})) {
      // A property both sides declare must satisfy both.
      properties[key] = properties[key] ? { allOf: [properties[key]!, prop] } : prop;
    }
    for (const key of (part.required as string[] | undefined) ?? []) required.add(key);
  }
  const { allOf: _, ...rest } = schema;
  return { ...rest, type: 'object', properties, ...(required.size ? { required: [...required] } : {}) };
}

const OBJECT_KEYS = new Set(['type', 'properties', 'required', 'description', 'title', 'discriminator', 'example']);

function isPlainObject(schema: Schema): boolean {
  return (
    (schema.type === 'object' || schema.type === undefined) &&
    Object.keys(schema).every((k) => OBJECT_KEYS.has(k) || k.startsWith('x-'))
  );
}
