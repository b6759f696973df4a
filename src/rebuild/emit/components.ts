// components/schemas: definition pages first (a real definition always wins), then every referenced name
// no page defines, inferred from the examples that use it.
import type { Findings, Location } from '../findings.ts';
import type { Operation, SchemaDefinition, Schema } from '../model.ts';
import { inferSchemas, type Sample } from '../merge/infer-schemas.ts';
import type { SchemaEvidence } from '../merge/operations.ts';
import type { ExampleRegistry } from './examples.ts';
import { responsesInOrder } from './response.ts';
import { refName } from '../../openapi/ref-utils.ts';

export function emitDefinitions(definitions: SchemaDefinition[], examples: ExampleRegistry): Record<string, Schema> {
  const schemas: Record<string, Schema> = {};
  for (const d of definitions) {
    const schema: Schema = { ...d.schema };
    const first = d.examples[0];
    if (first) examples.single(schema, 'example', first.value, d.schema, first.at, d.name, 'definition example');
    schemas[d.name] = schema;
  }
  return schemas;
}

/**
 * Every schema an operation places in the spec (parameters, request body, response headers and bodies), in
 * the order the spec lists them, so names are met in document order.
 */
export function schemasOf(op: Operation): Schema[] {
  const schemas = op.parameters.map((p) => p.schema);
  if (op.requestBody) schemas.push(op.requestBody.schema);
  for (const r of responsesInOrder(op)) {
    for (const h of r.headers) schemas.push(h.schema);
    if (r.schema) schemas.push(r.schema);
  }
  return schemas;
}

export function inferMissing(
  schemas: Record<string, Schema>,
  referenced: Set<string>,
  examples: ExampleRegistry,
  evidence: SchemaEvidence[],
  releaseOf: (at: Location) => { release: string; order: number },
  firstUseAt: (name: string) => Location,
  findings: Findings,
): void {
  for (const name of referenced) {
    if (schemas[name]) continue;
    const samples: Sample[] = [];
    for (const site of examples.sites) {
      const values = valuesFor(name, site.schema, site.value);
      for (const value of values) samples.push({ value, at: site.at, ...releaseOf(site.at) });
    }
    Object.assign(
      schemas,
      inferSchemas(
        name,
        samples,
        evidence.filter((e) => e.name === name),
        findings,
        firstUseAt(name),
      ),
    );
  }
}

/** Example values that show `name`: the example itself for `$ref: name`, its items for arrays of it. */
function valuesFor(name: string, schema: Schema, value: unknown): unknown[] {
  if (refName(schema) === name) return [value];
  if (schema.type === 'array' && refName(schema.items) === name && Array.isArray(value)) return value;
  return [];
}
