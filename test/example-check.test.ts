// The schema walker that decides which examples stay in the spec must give Ajv's verdicts and messages:
// on every example of the seed and corpus specs, on mutants of each (a property removed, retyped or added,
// an item retyped), and on random JSON (fast-check) against every component schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { Schema } from '../src/rebuild/model.ts';
import { ajvChecker } from '../src/rebuild/validate/ajv-check.ts';
import { checkView } from '../src/rebuild/validate/check-view.ts';
import { schemaWalker } from '../src/rebuild/validate/schema-check.ts';
import { buildCorpusSpecFile, SEED_SPEC } from './helpers/corpus.ts';

interface Case {
  schema: Schema;
  value: unknown;
  where: string;
}

/** Every (schema, example) pair of a spec: media-type examples, parameter and schema `example`s. */
function exampleCases(document: Record<string, unknown>): Case[] {
  const cases: Case[] = [];
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) for (const [i, n] of node.entries()) visit(n, `${where}/${i}`);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const schema = o.schema as Schema | undefined;
      if (schema && o.examples && typeof o.examples === 'object') {
        for (const [name, ex] of Object.entries(o.examples as Record<string, { value: unknown }>))
          cases.push({ schema, value: ex.value, where: `${where}/examples/${name}` });
      }
      if (schema && 'example' in o) cases.push({ schema, value: o.example, where: `${where}/example` });
      for (const [k, v] of Object.entries(o)) if (k !== 'examples' && k !== 'example') visit(v, `${where}/${k}`);
    }
  };
  visit(document.paths, '#/paths');
  const schemas = (document.components as { schemas: Record<string, Schema> }).schemas;
  for (const [name, schema] of Object.entries(schemas)) {
    if ('example' in schema)
      cases.push({ schema, value: schema.example, where: `#/components/schemas/${name}/example` });
  }
  return cases;
}

const REPLACEMENTS: unknown[] = [null, 0, 1.5, -7, 'x', '', true, [], {}, ['x'], { extra: 1 }];

/** Single edits of `value`, at any depth up to 3. */
function mutants(value: unknown, depth = 0): unknown[] {
  const out: unknown[] = depth === 0 ? [...REPLACEMENTS] : [];
  if (depth >= 3) return out;
  if (Array.isArray(value)) {
    out.push([], [...value, ...value.slice(0, 1)]);
    value.slice(0, 2).forEach((item, i) => {
      for (const m of [...REPLACEMENTS, ...mutants(item, depth + 1)]) out.push(value.map((x, j) => (j === i ? m : x)));
    });
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    out.push({ ...o, zz_undocumented: 'x' });
    for (const key of Object.keys(o)) {
      const { [key]: _removed, ...rest } = o;
      out.push(rest);
      for (const m of [...REPLACEMENTS, ...mutants(o[key], depth + 1)]) out.push({ ...o, [key]: m });
    }
  }
  return out;
}

function compare(
  document: Record<string, unknown>,
  label: string,
): { examples: number; cases: number; invalid: number } {
  // The components as the drop pass reads them (subtypes flattened, parents dispatching to their subtypes).
  const schemas = checkView((document.components as { schemas: Record<string, Schema> }).schemas);
  const walker = schemaWalker(schemas);
  const ajv = ajvChecker(schemas);
  let cases = 0;
  let invalid = 0;
  const examples = exampleCases(document);
  for (const c of examples) {
    assert.ok(walker.supports(c.schema), `${label} ${c.where}: the walker must handle every schema the emitters write`);
    for (const value of [c.value, ...mutants(c.value)]) {
      const expected = ajv.check(c.schema, value);
      assert.equal(walker.checker.check(c.schema, value), expected, `${label} ${c.where}: ${JSON.stringify(value)}`);
      cases++;
      if (expected !== undefined) invalid++;
    }
  }
  return { examples: examples.length, cases, invalid };
}

test('seed spec: the walker agrees with Ajv on every example and its mutants', () => {
  const document = parse(readFileSync(SEED_SPEC, 'utf8'));
  const { examples, cases, invalid } = compare(document, 'seed');
  // The seed spec keeps 27 media-type examples and 2 path-parameter examples (spec/REPORT.md drops none).
  assert.equal(examples, 29);
  assert.ok(invalid > 0 && invalid < cases, `${cases} cases, ${invalid} invalid: both verdicts must be exercised`);
});

test('corpus spec: the walker agrees with Ajv on every example and its mutants', () => {
  const { result } = buildCorpusSpecFile();
  const { examples, cases, invalid } = compare(result.document, 'corpus');
  // Every example the corpus spec keeps: media-type, parameter and definition examples.
  // 1,551: ProviderUpdateRequest's example is kept since every definition page is a component.
  assert.equal(examples, 1551);
  assert.ok(cases > 10_000 && invalid > 1000 && invalid < cases, `${cases} cases, ${invalid} invalid`);
});

test('corpus spec: random JSON against every component schema gets Ajv verdicts', () => {
  const { result } = buildCorpusSpecFile();
  const schemas = (result.document.components as { schemas: Record<string, Schema> }).schemas;
  const walker = schemaWalker(schemas);
  const ajv = ajvChecker(schemas);
  const names = Object.keys(schemas);
  fc.assert(
    fc.property(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 3 }), (name, value) => {
      const schema = { $ref: `#/components/schemas/${name}` };
      assert.equal(walker.checker.check(schema, value), ajv.check(schema, value));
    }),
    { numRuns: 3000, seed: 20261122 },
  );
});

test('a keyword the walker does not implement is left to Ajv', () => {
  const schemas: Record<string, Schema> = { Name: { type: 'string', minLength: 3 }, Plain: { type: 'string' } };
  const walker = schemaWalker(schemas);
  assert.equal(walker.supports({ $ref: '#/components/schemas/Name' }), false);
  assert.equal(walker.supports({ $ref: '#/components/schemas/Missing' }), false);
  assert.equal(
    walker.supports({ type: 'array', items: { $ref: '#/components/schemas/Plain' }, description: 'ok', 'x-any': 1 }),
    true,
  );
});
