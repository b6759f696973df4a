// Inference on the model: every name the operations and the definition pages reference but no page defines
// becomes a component inferred from the examples that show it (merge/infer-schemas.ts), until nothing is
// missing (an inferred schema can name another through the property tables it takes as evidence).
import type { Location } from '../findings.ts';
import type { Findings } from '../findings.ts';
import type { ComponentPlan, Example, Operation, Schema } from '../model.ts';
import { inferSchemas, type Sample } from './infer-schemas.ts';
import type { SchemaEvidence } from './operations.ts';
import { referencedNames, refName } from '../../openapi/ref-utils.ts';

/** Every schema an operation places in the spec (parameters, request body, response headers and bodies). */
function schemasOf(op: Operation): Schema[] {
  const schemas = op.parameters.map((p) => p.schema);
  if (op.requestBody) schemas.push(op.requestBody.schema);
  for (const r of op.responses) {
    for (const h of r.headers) schemas.push(h.schema);
    if (r.schema) schemas.push(r.schema);
  }
  return schemas;
}

/** An example with the schema it is shown for, in document order (operations in path order, then pages). */
interface ExampleSite {
  schema: Schema;
  example: Example;
}

function exampleSites(operations: Operation[], plans: ComponentPlan[]): ExampleSite[] {
  const sites: ExampleSite[] = [];
  for (const op of operations) {
    if (op.requestBody && op.requestExamples.body)
      sites.push({ schema: op.requestBody.schema, example: op.requestExamples.body });
    for (const r of op.responses)
      if (r.schema) for (const example of r.examples) sites.push({ schema: r.schema, example });
  }
  for (const plan of plans) if (plan.example) sites.push({ schema: plan.schema, example: plan.example });
  return sites;
}

export function inferComponents(
  operations: Operation[],
  plans: ComponentPlan[],
  evidence: SchemaEvidence[],
  releaseOf: (at: Location) => { release: string; order: number },
  findings: Findings,
): ComponentPlan[] {
  const out = [...plans];
  const known = new Set(plans.map((p) => p.name));
  const sites = exampleSites(operations, plans);
  const firstUse = (name: string): Location =>
    operations.find((o) => schemasOf(o).some((s) => referencedNames(s).has(name)))?.at ?? {
      file: 'spec/openapi.yaml',
      line: 1,
    };
  for (;;) {
    const referenced = new Set<string>();
    for (const op of operations) for (const schema of schemasOf(op)) referencedNames(schema, referenced);
    for (const plan of out) referencedNames(plan.schema, referenced);
    const missing = [...referenced].filter((name) => !known.has(name));
    if (missing.length === 0) return out;
    for (const name of missing) {
      const samples: Sample[] = [];
      for (const site of sites)
        for (const value of valuesFor(name, site.schema, site.example.value))
          samples.push({ value, at: site.example.at, ...releaseOf(site.example.at) });
      const inferred = inferSchemas(
        name,
        samples,
        evidence.filter((e) => e.name === name),
        findings,
        firstUse(name),
      );
      for (const [key, schema] of Object.entries(inferred)) {
        known.add(key);
        const from = (schema['x-inferred-from'] as string[] | undefined)?.length ?? 0;
        out.push({
          name: key,
          schema,
          page: false,
          kinds: ['inferred'],
          how: `inferred: no definition page; from ${from} example(s)${key === name ? '' : ` (variant of ${name})`}`,
          at: samples[0]?.at ?? firstUse(name),
        });
      }
    }
  }
}

/** Example values that show `name`: the example itself for `$ref: name`, its items for arrays of it. */
function valuesFor(name: string, schema: Schema, value: unknown): unknown[] {
  if (refName(schema) === name) return [value];
  if (schema.type === 'array' && refName(schema.items) === name && Array.isArray(value)) return value;
  return [];
}
