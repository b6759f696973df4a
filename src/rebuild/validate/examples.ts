// Every example kept in the spec must validate against its schema: the ones that do not are dropped from
// the spec and reported with their doc location. Like Redocly's example rules, a property the schema does not
// declare makes an example invalid (objects are closed for this check only, not in the spec).
import type { Findings } from '../findings.ts';
import type { Schema } from '../model.ts';
import type { ExampleRegistry } from '../emit/examples.ts';
import { ajvChecker } from './ajv-check.ts';
import { schemaWalker, type ExampleChecker } from './schema-check.ts';

export function dropInvalidExamples(
  schemas: Record<string, Schema>,
  examples: ExampleRegistry,
  findings: Findings,
): void {
  const walker = schemaWalker(schemas);
  let ajv: ExampleChecker | undefined; // built only when some schema needs it
  const check = (schema: Schema, value: unknown): string | undefined => {
    try {
      const checker = walker.supports(schema) ? walker.checker : (ajv ??= ajvChecker(schemas));
      return checker.check(schema, value);
    } catch (e) {
      // Ajv throws on some inputs (e.g. a lone surrogate in a key); the example is still reported, not fatal.
      return `cannot be checked: ${(e as Error).message}`;
    }
  };
  // Equal example texts share one value (ParseMemo), and most sites' schema is a lone $ref: such a pair is
  // checked once (the corpus has 1,064 copies of one error body, each against {$ref: Error}).
  const verdicts = new Map<string, Map<unknown, string | undefined>>();
  for (const site of examples.sites) {
    const ref = loneRef(site.schema);
    let byValue = ref === undefined ? undefined : verdicts.get(ref);
    if (ref !== undefined && !byValue) verdicts.set(ref, (byValue = new Map()));
    let reason: string | undefined;
    if (byValue?.has(site.value)) reason = byValue.get(site.value);
    else {
      reason = check(site.schema, site.value);
      byValue?.set(site.value, reason);
    }
    if (reason === undefined) continue;
    delete site.container[site.key];
    findings.warn(
      'example-invalid',
      site.at,
      `${site.subject} ${site.where}: example does not validate against its schema (${reason}); dropped from the spec`,
      {
        subject: site.subject,
      },
    );
  }
}

/** The target of a schema that is `{ $ref }` and nothing else. */
function loneRef(schema: Schema): string | undefined {
  let ref: string | undefined;
  for (const key in schema) {
    if (key !== '$ref' || typeof schema[key] !== 'string') return undefined;
    ref = schema[key] as string;
  }
  return ref;
}
