// Ajv for the schemas the walker (schema-check.ts) does not implement, and the oracle its test holds it to.
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { Schema } from '../model.ts';
import type { ExampleChecker } from './schema-check.ts';
import { rebaseRefs } from '../../openapi/ref-utils.ts';

const BASE = 'https://spec.invalid/components';

export function ajvChecker(schemas: Record<string, Schema>): ExampleChecker {
  // Loaded on first use: most builds never need Ajv, and loading it weighs on a cold CLI run (bench/README.md).
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => void;
  // The spec's schemas are trusted output of the emitters, so no meta-schema validation.
  const ajv = new Ajv({
    strict: false,
    allErrors: false,
    validateSchema: false,
    meta: false,
    code: { optimize: false },
    logger: false,
  });
  addFormats(ajv);
  ajv.addSchema({ $id: BASE, components: { schemas: closed(structuredClone(schemas)) } });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const validatorFor = (schema: Schema) => {
    // `$ref: Name` (most examples) compiles each component once; inline schemas once per distinct shape.
    const key =
      typeof schema.$ref === 'string' && Object.keys(schema).length === 1 ? schema.$ref : JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = key.startsWith('#/')
        ? (ajv.getSchema(BASE + key) ?? ajv.compile({ $ref: BASE + key }))
        : ajv.compile(closed(rebaseRefs(JSON.parse(key) as Schema, BASE)));
      compiled.set(key, validate);
    }
    return validate;
  };
  return {
    check(schema, value) {
      const validate = validatorFor(schema);
      if (validate(value)) return undefined;
      const error = validate.errors?.[0];
      return `${error?.instancePath || '/'} ${error?.message ?? 'invalid'}`;
    },
  };
}

/** Adds `additionalProperties: false` to every object schema that lists properties and composes nothing. */
function closed<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(closed);
  else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (
      schema.properties &&
      !schema.oneOf &&
      !schema.anyOf &&
      !schema.allOf &&
      schema.additionalProperties === undefined
    ) {
      schema.additionalProperties = false;
    }
    for (const value of Object.values(schema)) closed(value);
  }
  return node;
}
