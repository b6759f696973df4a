// Every example kept in the spec must validate against its schema: the ones that do not are dropped from
// the spec and reported with their doc location.
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

const addFormats = formats as unknown as (ajv: Ajv2020) => void;
import type { Findings } from '../findings.ts';
import type { Schema } from '../model.ts';
import type { ExampleRegistry } from '../emit/examples.ts';

export function dropInvalidExamples(schemas: Record<string, Schema>, examples: ExampleRegistry, findings: Findings): void {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://spec.invalid/components', components: { schemas } });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  for (const site of examples.sites) {
    const key = JSON.stringify(site.schema);
    let validate = compiled.get(key);
    if (!validate) {
      const rebased = JSON.parse(key.replaceAll('"#/components/schemas/', '"https://spec.invalid/components#/components/schemas/'));
      validate = ajv.compile(rebased);
      compiled.set(key, validate);
    }
    if (validate(site.value)) continue;
    const error = validate.errors?.[0];
    delete site.container[site.key];
    findings.warn(
      'example-invalid',
      site.at,
      `${site.subject} ${site.where}: example does not validate against its schema (${error?.instancePath || '/'} ${error?.message ?? 'invalid'}); dropped from the spec`,
      { subject: site.subject },
    );
  }
}
