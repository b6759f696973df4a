// Every example kept in the spec must validate against its schema: the ones that do not are dropped from
// the spec and reported with their doc location. Like Redocly's example rules, a property the schema does not
// declare makes an example invalid (objects are closed for this check only, not in the spec).
import type { Findings } from '../findings.ts';
import type { Schema } from '../model.ts';
import type { ExampleRegistry } from '../emit/examples.ts';
import { ajvChecker } from './ajv-check.ts';
import { schemaWalker, type ExampleChecker } from './schema-check.ts';

export function dropInvalidExamples(schemas: Record<string, Schema>, examples: ExampleRegistry, findings: Findings): void {
  const walker = schemaWalker(schemas);
  let ajv: ExampleChecker | undefined; // built only when some schema needs it
  for (const site of examples.sites) {
    let reason: string | undefined;
    try {
      const checker = walker.supports(site.schema) ? walker.checker : (ajv ??= ajvChecker(schemas));
      reason = checker.check(site.schema, site.value);
      if (reason === undefined) continue;
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
