// Property test: random swagger2markup doc sets with documented polymorphism (a parent with an enum discriminator
// and its subtype pages) and nested definitions (an inline object, an array and a map of inline objects), built
// end to end. The emitted schemas must keep (validate) each page's own example, and every subtype's example
// must validate through its parent, with both example checkers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildFromSources } from '../../../src/rebuild/build.ts';
import { loadManifest } from '../../../src/rebuild/docs/manifest.ts';
import type { Schema, Source } from '../../../src/rebuild/model.ts';
import { checkView } from '../../../src/rebuild/validate/check-view.ts';
import { schemaWalker } from '../../../src/rebuild/validate/schema-check.ts';
import { ajvChecker } from '../../../src/rebuild/validate/ajv-check.ts';
import { SEED_MANIFEST } from '../../helpers/corpus.ts';

const manifest = loadManifest(SEED_MANIFEST);

type Prim = 'string' | 'integer' | 'boolean';
interface Prop {
  name: string;
  type: Prim;
  required: boolean;
}

const ident = fc.stringMatching(/^[a-z][a-zA-Z0-9]{1,8}$/);
const prim = fc.constantFrom<Prim>('string', 'integer', 'boolean');
const props = (min: number) =>
  fc.uniqueArray(fc.record({ name: ident, type: prim, required: fc.boolean() }), {
    minLength: min,
    maxLength: 5,
    selector: (p) => p.name,
  });
const sampleOf = (type: Prim): unknown => (type === 'string' ? 'text' : type === 'integer' ? 7 : true);
const row = (p: Prop) => `|**${p.name}**  <br>*${p.required ? 'required' : 'optional'}*|The ${p.name}.|${p.type}|`;
const table = (rows: string[]) => ['|Name|Description|Schema|', '|---|---|---|', ...rows, ''].join('\n');
const example = (value: unknown) => `**Example**\n\`\`\`\n${JSON.stringify(value, null, 2)}\n\`\`\`\n`;

const docSet = fc
  .record({
    parent: fc.stringMatching(/^[A-Z][a-zA-Z]{2,10}$/).map((n) => `${n}Base`),
    common: props(0),
    values: fc.uniqueArray(fc.stringMatching(/^[a-z]{2,6}$/), { minLength: 1, maxLength: 4 }),
    own: fc.array(props(0), { minLength: 4, maxLength: 4 }),
    nested: props(1),
    shape: fc.constantFrom('object', 'array', 'map'),
  })
  .filter((d) => !d.common.some((p) => p.name === 'type' || p.name === 'inner'));

test('polymorphic and nested definition pages: every example validates, subtypes through their parent', () => {
  fc.assert(
    fc.property(docSet, (d) => {
      const typeRow = `|**type**  <br>*required*|The kind.|enum (${d.values.join(', ')})|`;
      const commonRows = d.common.map(row);
      const sources: Source[] = [];
      const add = (name: string, text: string) =>
        sources.push({ file: `definitions/${name}.md`, text, release: 'r', order: 0 });
      add(
        d.parent,
        `\n<a name="${d.parent.toLowerCase()}"></a>\n### ${d.parent}\nThe parent.\n\n\n${table([...commonRows, typeRow].sort())}\n`,
      );
      const subtypeExamples: { name: string; value: Record<string, unknown> }[] = [];
      d.values.forEach((value, i) => {
        const own = d.own[i % d.own.length]!.filter(
          (p) => p.name !== 'type' && !d.common.some((c) => c.name === p.name),
        );
        const all = [...d.common, ...own];
        const ex: Record<string, unknown> = { type: value };
        for (const p of all) ex[p.name] = sampleOf(p.type);
        subtypeExamples.push({ name: value, value: ex });
        add(
          value,
          `\n<a name="${value}"></a>\n### ${value}\nA ${value}.\n\n*Polymorphism* : Inheritance  \n*Discriminator* : type\n\n\n${table(
            [...all.map(row), typeRow].sort(),
          )}\n${example(ex)}`,
        );
      });
      const nestedName = 'Holder';
      const anchor = `${nestedName.toLowerCase()}-inner`;
      const cell =
        d.shape === 'object'
          ? `[inner](#${anchor})`
          : d.shape === 'array'
            ? `< [inner](#${anchor}) > array`
            : `< string, [inner](#${anchor}) > map`;
      const inner: Record<string, unknown> = {};
      for (const p of d.nested) inner[p.name] = sampleOf(p.type);
      const holderValue = { inner: d.shape === 'object' ? inner : d.shape === 'array' ? [inner] : { k: inner } };
      add(
        nestedName,
        `\n<a name="${nestedName.toLowerCase()}"></a>\n### ${nestedName}\nHolds.\n\n\n${table([
          `|**inner**  <br>*optional*|Inner.|${cell}|`,
        ])}\n<a name="${anchor}"></a>\n**inner**\n\n${table(d.nested.map(row))}\n${example(holderValue)}`,
      );
      const { document, findings } = buildFromSources(sources, manifest);
      // Definition pages alone: no operation page (no-input) is expected.
      const bad = findings.all.filter((f) => f.severity !== 'info' && f.code !== 'no-input');
      assert.deepEqual(
        bad.map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`),
        [],
      );
      const schemas = (document.components as { schemas: Record<string, Schema> }).schemas;
      // Every page is a component, and every page's example (all but the parent's page show one) was kept.
      for (const s of sources) {
        const name = s.file.replace(/^definitions\/|\.md$/g, '');
        assert.ok(schemas[name], name);
        if (name !== d.parent) assert.notEqual(schemas[name]!.example, undefined, `${name} keeps its example`);
      }
      assert.ok(Array.isArray(schemas[d.values[0]!]!.allOf), 'a subtype is allOf [parent, own]');
      assert.equal((schemas[d.parent]!.discriminator as { propertyName: string }).propertyName, 'type');
      const view = checkView(schemas);
      const walker = schemaWalker(view);
      const ajv = ajvChecker(view);
      for (const ex of subtypeExamples) {
        for (const checker of [walker.checker, ajv]) {
          assert.equal(checker.check({ $ref: `#/components/schemas/${d.parent}` }, ex.value), undefined, ex.name);
          assert.equal(checker.check({ $ref: `#/components/schemas/${ex.name}` }, ex.value), undefined, ex.name);
        }
      }
      const holder = schemas[nestedName]!.properties as Record<string, Schema>;
      assert.equal(holder.inner!.type, d.shape === 'array' ? 'array' : 'object');
    }),
    { numRuns: 60 },
  );
});
