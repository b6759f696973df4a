// Checks example values against the JSON Schema subset the emitters write ($ref into components, type,
// properties, required, additionalProperties, items, enum, const, oneOf/anyOf/allOf, format), by walking the
// schema, because compiling one Ajv validator per schema cost more than the rest of the rebuild after
// markdown-it, and walking costs next to nothing (figures: bench/README.md). Schemas using anything else
// go to Ajv (ajv-check.ts). Verdicts and messages are Ajv's (allErrors: false): the first error, in Ajv's
// keyword order; test/example-check.test.ts holds both to the same answers on every corpus example and on
// thousands of mutants of them.
import { escapePointerFragment } from '@redocly/openapi-core';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Schema } from '../model.ts';
import { refTarget } from '../../openapi/ref-utils.ts';

type Verdict = string | undefined;

export interface ExampleChecker {
  /** `undefined` when `value` validates, else Ajv's first error as `<instance path> <message>`. */
  check(schema: Schema, value: unknown): Verdict;
}

const CHECKED = new Set([
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'oneOf',
  'anyOf',
  'allOf',
  'format',
]);
// Keywords that never affect validity (Ajv ignores x-* and, with strict: false, unknown words; these are known).
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'discriminator',
  '$comment',
  'xml',
  'externalDocs',
]);
const AJV_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const FORMATS: Record<string, unknown> = fullFormats;

/**
 * A checker over `schemas` (components/schemas), and `supports`: whether a schema, with all it reaches,
 * uses only the keywords and references the checker implements (else use Ajv).
 */
export function schemaWalker(schemas: Record<string, Schema>): {
  supports(schema: Schema): boolean;
  checker: ExampleChecker;
} {
  const supported = new WeakMap<object, boolean>();
  const supports = (node: unknown): boolean => {
    if (typeof node === 'boolean') return true;
    if (!node || typeof node !== 'object' || Array.isArray(node)) return false;
    const known = supported.get(node);
    if (known !== undefined) return known;
    supported.set(node, true); // cycles through $ref are fine
    const ok = supportsKeywords(node as Schema);
    supported.set(node, ok);
    return ok;
  };
  const supportsKeywords = (schema: Schema): boolean => {
    for (const key in schema) {
      const v = schema[key];
      if (key.startsWith('x-') || ANNOTATIONS.has(key)) continue;
      if (!CHECKED.has(key)) return false;
      switch (key) {
        case '$ref':
          if (refTarget(v) === undefined || !Object.hasOwn(schemas, refTarget(v)!)) return false;
          if (!supports(schemas[refTarget(v)!])) return false;
          break;
        case 'type':
          if (
            !(typeof v === 'string'
              ? AJV_TYPES.has(v)
              : Array.isArray(v) && v.length > 0 && v.every((t) => AJV_TYPES.has(t)))
          )
            return false;
          break;
        case 'properties':
          if (!v || typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every(supports)) return false;
          break;
        case 'required':
          if (!Array.isArray(v) || !v.every((r) => typeof r === 'string')) return false;
          break;
        case 'additionalProperties':
        case 'items':
          if (!supports(v)) return false;
          break;
        case 'enum':
          if (!Array.isArray(v)) return false;
          break;
        case 'oneOf':
        case 'anyOf':
        case 'allOf':
          if (!Array.isArray(v) || v.length === 0 || !v.every(supports)) return false;
          break;
        case 'format':
          if (typeof v !== 'string') return false;
      }
    }
    return true;
  };
  const checker: ExampleChecker = {
    check(schema, value) {
      const error = walk(schemas, schema, value);
      return error && `${error.path || '/'} ${error.message}`;
    },
  };
  return { supports, checker };
}

interface SchemaError {
  path: string;
  message: string;
}

/** The first error, its path relative to `data` (prefixed by the callers as it bubbles up: errors are rare). */
function walk(schemas: Record<string, Schema>, node: Schema | boolean, data: unknown): SchemaError | undefined {
  if (node === true) return undefined;
  if (node === false) return { path: '', message: 'boolean schema is false' };
  const schema = node;
  const ref = schema.$ref as string | undefined;
  // Ajv evaluates a lone $ref (annotations aside) as the referenced schema and nothing else.
  if (ref !== undefined && onlyRef(schema)) return walk(schemas, schemas[refTarget(ref)!]!, data);

  const types =
    schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  // Ajv checks the type up front unless a single type has keywords of its own group: then the untyped
  // keywords ($ref, const, enum, anyOf, oneOf, allOf) come first and the type error after them.
  const typeGroupFirst = types.length === 1 && hasTypedKeywords(schema, types[0]!);
  if (types.length > 0 && !typeGroupFirst && !types.some((t) => isType(t, data)))
    return { path: '', message: `must be ${types.join(',')}` };

  if (ref !== undefined) {
    const error = walk(schemas, schemas[refTarget(ref)!]!, data);
    if (error) return error;
  }
  if (schema.const !== undefined && !deepEqual(schema.const, data))
    return { path: '', message: 'must be equal to constant' };
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => deepEqual(e, data)))
    return { path: '', message: 'must be equal to one of the allowed values' };
  if (Array.isArray(schema.anyOf)) {
    let first: SchemaError | undefined;
    let passed = false;
    for (const sub of schema.anyOf as Schema[]) {
      const error = walk(schemas, sub, data);
      if (!error) {
        passed = true;
        break;
      }
      first ??= error;
    }
    if (!passed) return first ?? { path: '', message: 'must match a schema in anyOf' };
  }
  if (Array.isArray(schema.oneOf)) {
    let first: SchemaError | undefined;
    let passing = 0;
    for (const sub of schema.oneOf as Schema[]) {
      const error = walk(schemas, sub, data);
      if (error) first ??= error;
      else passing++;
    }
    // Ajv keeps the failing branches' errors ahead of its own oneOf error.
    if (passing !== 1) return first ?? { path: '', message: 'must match exactly one schema in oneOf' };
  }
  if (Array.isArray(schema.allOf)) {
    for (const sub of schema.allOf as Schema[]) {
      const error = walk(schemas, sub, data);
      if (error) return error;
    }
  }

  if (typeof schema.format === 'string' && (typeof data === 'string' || typeof data === 'number')) {
    if (!formatMatches(schema.format, data)) return { path: '', message: `must match format "${schema.format}"` };
  }
  if (Array.isArray(data)) {
    const items = schema.items as Schema | boolean | undefined;
    if (items !== undefined) {
      for (let i = 0; i < data.length; i++) {
        const error = walk(schemas, items, data[i]);
        if (error) return under(String(i), error);
      }
    }
  } else if (data !== null && typeof data === 'object') {
    const error = walkObject(schemas, schema, data as Record<string, unknown>);
    if (error) return error;
  }
  if (typeGroupFirst && !isType(types[0]!, data)) return { path: '', message: `must be ${types[0]}` };
  return undefined;
}

/** Ajv's object keyword order: required, then additionalProperties, then properties. */
function walkObject(
  schemas: Record<string, Schema>,
  schema: Schema,
  data: Record<string, unknown>,
): SchemaError | undefined {
  if (Array.isArray(schema.required)) {
    for (const name of schema.required as string[]) {
      if (data[name] === undefined) return { path: '', message: `must have required property '${name}'` };
    }
  }
  const properties = schema.properties as Record<string, Schema> | undefined;
  // Closed for this check, as Redocly's example rules do: declared properties only, unless composed.
  const additional =
    schema.additionalProperties ?? (properties && !schema.oneOf && !schema.anyOf && !schema.allOf ? false : undefined);
  if (additional !== undefined && additional !== true) {
    for (const key in data) {
      if (properties && Object.hasOwn(properties, key)) continue;
      if (additional === false) return { path: '', message: 'must NOT have additional properties' };
      const error = walk(schemas, additional as Schema, data[key]);
      if (error) return under(key, error);
    }
  }
  if (properties) {
    for (const key in properties) {
      if (!Object.hasOwn(data, key)) continue;
      const error = walk(schemas, properties[key]!, data[key]);
      if (error) return under(key, error);
    }
  }
  return undefined;
}

function onlyRef(schema: Schema): boolean {
  for (const key in schema) if (key !== '$ref' && CHECKED.has(key)) return false;
  return true;
}

/** Whether `type`'s own keyword group (Ajv's RULES) has a keyword in `schema`. */
function hasTypedKeywords(schema: Schema, type: string): boolean {
  switch (type) {
    case 'string':
    case 'number':
      return schema.format !== undefined;
    case 'array':
      return schema.items !== undefined;
    case 'object':
      return (
        schema.properties !== undefined || schema.required !== undefined || schema.additionalProperties !== undefined
      );
    default:
      return false; // integer, boolean and null have no keyword group of their own
  }
}

function isType(type: string, data: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof data === 'string';
    case 'number':
      return typeof data === 'number';
    case 'integer':
      return typeof data === 'number' && Number.isInteger(data);
    case 'boolean':
      return typeof data === 'boolean';
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    default:
      return data !== null && typeof data === 'object' && !Array.isArray(data);
  }
}

/** ajv-formats' own definitions; a format of the other data type, or an unknown one, is ignored as Ajv does. */
function formatMatches(name: string, data: string | number): boolean {
  const format = FORMATS[name];
  if (format === undefined) return true;
  const def =
    format instanceof RegExp || typeof format === 'function'
      ? { type: 'string', validate: format }
      : (format as { type?: string; validate: unknown });
  if ((def.type ?? 'string') !== typeof data) return true;
  const validate = def.validate;
  return validate instanceof RegExp ? validate.test(String(data)) : (validate as (d: unknown) => boolean)(data);
}

/** The error as seen from the parent: its JSON pointer gains the property name or index. */
function under(key: string, error: SchemaError): SchemaError {
  return { path: `/${escapePointerFragment(key)}${error.path}`, message: error.message };
}

/** fast-deep-equal's semantics, as Ajv uses for enum and const. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      const bb = b as unknown[];
      return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
    }
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every(
      (k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    );
  }
  return Number.isNaN(a) && Number.isNaN(b);
}
