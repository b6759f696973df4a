// fast-check arbitraries for JSON values that validate against an OpenAPI schema (the slice of JSON Schema
// the Onezone specs use: $ref, oneOf/anyOf/allOf, objects, arrays, strings, numbers, booleans, enums).
import fc from 'fast-check';
import type { Spec } from '../../src/openapi/spec-types.ts';

type Schema = Record<string, unknown>;

export function valueFor(schema: Schema, spec: Spec, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') return valueFor(resolve(schema.$ref, spec), spec, depth);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[key])) return fc.oneof(...(schema[key] as Schema[]).map((s) => valueFor(s, spec, depth)));
  }
  if (Array.isArray(schema.allOf)) return valueFor(mergeAll(schema.allOf as Schema[], spec), spec, depth);
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const model = Object.fromEntries(
        Object.entries(properties).map(([name, s]) => [name, valueFor(s, spec, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []) as string[], noNullPrototype: true });
    }
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(valueFor((schema.items ?? {}) as Schema, spec, depth + 1), { maxLength: 4 });
    case 'string':
      return fc.string({ unit: 'grapheme', maxLength: 40 });
    case 'integer':
      return fc.integer();
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function resolve(ref: string, spec: Spec): Schema {
  const name = ref.replace('#/components/schemas/', '');
  const schema = spec.components.schemas[name];
  if (!schema) throw new Error(`unresolved ${ref}`);
  return schema;
}

function mergeAll(schemas: Schema[], spec: Spec): Schema {
  const parts = schemas.map((s) => (typeof s.$ref === 'string' ? resolve(s.$ref, spec) : s));
  return {
    type: 'object',
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => (p.required ?? []) as string[]),
  };
}
