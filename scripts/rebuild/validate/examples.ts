// Every example kept in the spec must validate against its schema: the ones that do not are dropped from
// the spec and reported with their doc location. Like Redocly's example rules, a property the schema does not
// declare makes an example invalid (objects are closed for this check only, not in the spec).
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

const addFormats = formats as unknown as (ajv: Ajv2020) => void;
import type { Findings } from '../findings.ts';
import type { Schema } from '../model.ts';
import type { ExampleRegistry } from '../emit/examples.ts';

const BASE = 'https://spec.invalid/components';

export function dropInvalidExamples(schemas: Record<string, Schema>, examples: ExampleRegistry, findings: Findings): void {
  // One Ajv per build; the spec's schemas are trusted output of the emitters, so no meta-schema validation.
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false, meta: false, code: { optimize: false } });
  addFormats(ajv);
  ajv.addSchema({ $id: BASE, components: { schemas: closed(structuredClone(schemas)) } });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const validatorFor = (schema: Schema) => {
    // `$ref: Name` (most examples) compiles each component once; inline schemas once per distinct shape.
    const key = typeof schema.$ref === 'string' && Object.keys(schema).length === 1 ? schema.$ref : JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = key.startsWith('#/')
        ? ajv.getSchema(BASE + key) ?? ajv.compile({ $ref: BASE + key })
        : ajv.compile(closed(JSON.parse(key.replaceAll('"#/components/schemas/', `"${BASE}#/components/schemas/`))));
      compiled.set(key, validate);
    }
    return validate;
  };
  for (const site of examples.sites) {
    let reason: string;
    try {
      const validate = validatorFor(site.schema);
      if (validate(site.value)) continue;
      const error = validate.errors?.[0];
      reason = `${error?.instancePath || '/'} ${error?.message ?? 'invalid'}`;
    } catch (e) {
      // Ajv throws on some inputs (e.g. a lone surrogate in a key); the example is still reported, not fatal.
      reason = `cannot be checked: ${(e as Error).message}`;
    }
    delete site.container[site.key];
    findings.warn('example-invalid', site.at, `${site.subject} ${site.where}: example does not validate against its schema (${reason}); dropped from the spec`, {
      subject: site.subject,
    });
  }
}

/** Adds `additionalProperties: false` to every object schema that lists properties and composes nothing. */
function closed<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(closed);
  else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (schema.properties && !schema.oneOf && !schema.anyOf && !schema.allOf && schema.additionalProperties === undefined) {
      schema.additionalProperties = false;
    }
    for (const value of Object.values(schema)) closed(value);
  }
  return node;
}
