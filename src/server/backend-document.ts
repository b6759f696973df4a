// The server's loading step: the served OpenAPI 3.1 spec turned into the document openapi-backend accepts.
// openapi-backend checks the document against the OpenAPI 3.0 schema (openapi-schema-validator) and compiles
// its schemas with ajv, so each 3.1-only construct is rewritten into its 3.0 equivalent, with the same meaning
// for validation wherever 3.0 can say it:
//
// - `$ref` with sibling keywords in a schema → `allOf: [{$ref}]` beside the siblings (3.1 applies both); a
//   `$ref` with siblings anywhere else (a parameter, a response…) keeps only the `$ref` (the siblings are
//   summary/description, annotations);
// - `type: [t, 'null']` → `type: t, nullable: true`; several non-null types → `anyOf` of one `type` each;
//   `type: 'null'` → `enum: [null]`;
// - `const: v` → `enum: [v]`; `examples: [...]` → `example` (the first one); `true`/`false` schemas → `{}` /
//   `{not: {}}` (numeric `exclusiveMinimum`/`exclusiveMaximum` stay: openapi-backend's 3.0 schema and ajv take
//   them as draft-07 does);
// - keywords 3.0 has no place for (`prefixItems`, `$defs`, `if`…, `contentMediaType`…) are kept as `x-oas31-*`
//   extensions: not validated by the server (none of the rebuilt specs uses them);
// - empty `required`/`allOf`/`anyOf`/`oneOf` lists (3.0 wants at least one item) are dropped, an empty `enum`
//   becomes `not: {}`; a `discriminator` without a `propertyName` is dropped (ajv ignores it anyway);
// - a `discriminator` with `propertyName` is made to select: each `$ref` member of the oneOf/anyOf also requires
//   the property to hold a name that maps to it (ajv ignores `discriminator`);
// - a `$ref` to a component that does not exist (a doc set missing a definition page) becomes `{}`, any value;
// - document level: `openapi: 3.0.3`, no `webhooks`, `jsonSchemaDialect`, `components.pathItems`,
//   `info.summary` nor `license.identifier`; a response without `description` gets an empty one; a media type with
//   both `example` and `examples` keeps `examples`; `paths` defaults to `{}`;
// - a request body documented in YAML and not JSON gets its YAML schema as `application/json` too (openapi-backend
//   validates that one only), its documented media types listed in `x-declared-media-types`.
//
// The function is pure: it returns a new document and never changes its input.
import { unescapePointerFragment } from '@redocly/openapi-core';
import { YAML_TYPES } from './yaml-body.ts';

type Json = Record<string, unknown>;

/** Keywords of the OpenAPI 3.0 Schema Object (besides `x-*`). */
const SCHEMA_KEYWORDS = new Set([
  '$ref',
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'not',
  'allOf',
  'oneOf',
  'anyOf',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'example',
  'externalDocs',
  'deprecated',
  'xml',
]);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One schema (3.1) → its 3.0 form. */
export function toBackendSchema(input: unknown): unknown {
  if (input === true) return {};
  if (input === false) return { not: {} };
  if (!isObject(input)) return input;
  const schema: Json = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'properties' && isObject(value))
      schema.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toBackendSchema(sub)]));
    else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      if (value.length) schema[key] = value.map(toBackendSchema);
    } else if ((key === 'items' || key === 'not') && !Array.isArray(value)) schema[key] = toBackendSchema(value);
    else if (key === 'additionalProperties') schema[key] = typeof value === 'boolean' ? value : toBackendSchema(value);
    else schema[key] = value;
  }
  return rewriteKeywords(schema);
}

function rewriteKeywords(schema: Json): Json {
  // type arrays and 'null'
  const type = schema.type;
  if (Array.isArray(type) || type === 'null') {
    const types = (Array.isArray(type) ? type : [type]).map(String);
    const nonNull = [...new Set(types.filter((t) => t !== 'null'))];
    const nullable = types.includes('null');
    delete schema.type;
    if (nonNull.length === 1) schema.type = nonNull[0];
    else if (nonNull.length > 1) addAllOf(schema, { anyOf: nonNull.map((t) => ({ type: t })) });
    if (nullable) {
      if (nonNull.length === 0 && !('enum' in schema) && !('const' in schema)) schema.enum = [null];
      else schema.nullable = true;
      if (Array.isArray(schema.enum) && !schema.enum.includes(null) && nonNull.length) schema.enum.push(null);
    }
  }
  if ('const' in schema) {
    if (!('enum' in schema)) schema.enum = [schema.const];
    delete schema.const;
  }
  if ('examples' in schema) {
    if (!('example' in schema) && Array.isArray(schema.examples) && schema.examples.length)
      schema.example = schema.examples[0];
    delete schema.examples;
  }
  if (Array.isArray(schema.required)) {
    if (schema.required.length === 0) delete schema.required;
    else schema.required = [...new Set(schema.required)];
  }
  if (Array.isArray(schema.enum) && schema.enum.length === 0) {
    delete schema.enum;
    addAllOf(schema, { not: {} });
  }
  const discriminator = schema.discriminator;
  if (isObject(discriminator) && typeof discriminator.propertyName === 'string') {
    for (const list of ['oneOf', 'anyOf'] as const)
      if (Array.isArray(schema[list]))
        schema[list] = (schema[list] as unknown[]).map((member) =>
          discriminated(member, discriminator.propertyName as string, discriminator.mapping),
        );
  }
  if (discriminator !== undefined && !(isObject(discriminator) && typeof discriminator.propertyName === 'string'))
    delete schema.discriminator;
  if (isObject(discriminator) && discriminator.mapping !== undefined && !isStringRecord(discriminator.mapping))
    schema.discriminator = { propertyName: discriminator.propertyName };
  for (const key of Object.keys(schema)) {
    if (SCHEMA_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    schema[`x-oas31-${key}`] = schema[key];
    delete schema[key];
  }
  // Last: 3.1 applies a $ref's siblings too; 3.0 ignores them unless the $ref sits in an allOf.
  if (typeof schema.$ref === 'string' && Object.keys(schema).length > 1) {
    const { $ref, ...siblings } = schema;
    return addAllOf(siblings, { $ref });
  }
  return schema;
}

/**
 * A oneOf/anyOf member as the discriminator selects it: the property must hold one of the names that map to the
 * member (its mapping keys, else its component name). Ajv ignores `discriminator`, and without this a value
 * that fits several members (the members' `type` enums often list every name) matches none of a oneOf.
 */
function discriminated(member: unknown, property: string, mapping: unknown): unknown {
  const ref = isObject(member) && typeof member.$ref === 'string' ? member.$ref : undefined;
  if (!ref) return member;
  const names = isStringRecord(mapping)
    ? Object.entries(mapping as Record<string, string>)
        .filter(([, target]) => target === ref)
        .map(([name]) => name)
    : [];
  if (names.length === 0) names.push(ref.slice(ref.lastIndexOf('/') + 1));
  return { allOf: [member, { properties: { [property]: { enum: names } } }] };
}

function isStringRecord(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** Adds `part` to the schema's allOf (first), creating it when missing. */
function addAllOf(schema: Json, part: Json): Json {
  schema.allOf = [part, ...(Array.isArray(schema.allOf) ? schema.allOf : [])];
  return schema;
}

/** A `$ref` object outside schemas: 3.1 allows summary/description beside it, 3.0 nothing. */
function bareRef<T>(value: T): T {
  if (isObject(value) && typeof value.$ref === 'string') return { $ref: value.$ref } as T;
  return value;
}

function mapValues(record: unknown, map: (value: unknown) => unknown): unknown {
  if (!isObject(record)) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

function media(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out: Json = { ...value };
  if ('schema' in out) out.schema = toBackendSchema(out.schema);
  if ('example' in out && 'examples' in out) delete out.example;
  if ('examples' in out) out.examples = mapValues(out.examples, bareRef);
  return out;
}

function parameterOrHeader(value: unknown): unknown {
  const bare = bareRef(value);
  if (!isObject(bare) || '$ref' in bare) return bare;
  const out: Json = { ...bare };
  if ('schema' in out) out.schema = toBackendSchema(out.schema);
  if ('content' in out) out.content = mapValues(out.content, media);
  if ('example' in out && 'examples' in out) delete out.example;
  if ('examples' in out) out.examples = mapValues(out.examples, bareRef);
  return out;
}

function response(value: unknown): unknown {
  const bare = bareRef(value);
  if (!isObject(bare) || '$ref' in bare) return bare;
  const out: Json = { ...bare, description: typeof bare.description === 'string' ? bare.description : '' };
  if ('headers' in out) out.headers = mapValues(out.headers, parameterOrHeader);
  if ('content' in out) out.content = mapValues(out.content, media);
  return out;
}

function requestBody(value: unknown): unknown {
  const bare = bareRef(value);
  if (!isObject(bare) || '$ref' in bare) return bare;
  const content = mapValues(bare.content ?? {}, media) as Json;
  // openapi-backend validates a body against its application/json schema only: a body documented in YAML alone
  // (parsed by the server, yaml-body.ts) is validated against the YAML one, and the documented list kept for 415.
  const yaml = Object.keys(content).find((type) => YAML_TYPES.has(type.toLowerCase()));
  if (!content['application/json'] && yaml)
    return {
      ...bare,
      content: { ...content, 'application/json': content[yaml] },
      'x-declared-media-types': Object.keys(content),
    };
  return { ...bare, content };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function operation(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out: Json = { ...value };
  if (Array.isArray(out.parameters)) out.parameters = out.parameters.map(parameterOrHeader);
  if ('requestBody' in out) out.requestBody = requestBody(out.requestBody);
  out.responses = mapValues(out.responses ?? {}, response);
  // Callbacks hold path items; the server never calls them.
  delete out.callbacks;
  return out;
}

function pathItem(value: unknown): unknown {
  const bare = bareRef(value);
  if (!isObject(bare) || '$ref' in bare) return bare;
  const out: Json = {};
  for (const [key, item] of Object.entries(bare)) {
    if (METHODS.has(key)) out[key] = operation(item);
    else if (key === 'parameters' && Array.isArray(item)) out[key] = item.map(parameterOrHeader);
    else out[key] = item;
  }
  return out;
}

/** The whole document (3.1) → what openapi-backend accepts (3.0). */
export function toBackendDocument(spec: unknown): Json {
  const input = isObject(spec) ? spec : {};
  const out: Json = { ...input, openapi: '3.0.3', paths: mapValues(input.paths ?? {}, pathItem) };
  delete out.webhooks;
  delete out.jsonSchemaDialect;
  if (isObject(input.info)) {
    const { summary: _summary, ...info } = input.info;
    if (isObject(info.license)) {
      const { identifier: _identifier, ...license } = info.license;
      info.license = license;
    }
    out.info = info;
  }
  if (isObject(input.components)) {
    const { pathItems: _pathItems, ...components } = input.components;
    if ('schemas' in components) components.schemas = mapValues(components.schemas, toBackendSchema);
    if ('parameters' in components) components.parameters = mapValues(components.parameters, parameterOrHeader);
    if ('headers' in components) components.headers = mapValues(components.headers, parameterOrHeader);
    if ('responses' in components) components.responses = mapValues(components.responses, response);
    if ('requestBodies' in components) components.requestBodies = mapValues(components.requestBodies, requestBody);
    out.components = components;
  }
  return withoutDanglingRefs(structuredClone(out));
}

/** Keys whose values are data, not schemas: a `$ref` inside them refers to nothing. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * A spec built from an incomplete doc set can reference a schema no page defines: such a `$ref` becomes `{}`
 * (any value, `x-unresolved-ref` naming it) instead of stopping openapi-backend's dereferencing.
 */
function withoutDanglingRefs(document: Json): Json {
  const resolves = (ref: string) => {
    if (!ref.startsWith('#/')) return false;
    let node: unknown = document;
    for (const token of ref.slice(2).split('/')) {
      const key = unescapePointerFragment(token);
      if (!isObject(node) || !Object.hasOwn(node, key)) return false;
      node = node[key];
    }
    return true;
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string' && !resolves(node.$ref)) return { 'x-unresolved-ref': node.$ref };
    for (const [key, value] of Object.entries(node))
      if (!DATA_KEYS.has(key) && !key.startsWith('x-')) node[key] = walk(value);
    return node;
  };
  return walk(document) as Json;
}
