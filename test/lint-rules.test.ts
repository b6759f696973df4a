// The project's lint rules (redocly.yaml) bite: each mutation of the seed spec is reported by its rule, as an
// error, through @redocly/openapi-core's API.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { lintSpec } from '../src/check/lint-spec.ts';
import { specYaml } from '../src/rebuild/emit/yaml.ts';
import { SEED_SPEC } from './helpers/corpus.ts';

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
};
const seed = (): Doc => parse(readFileSync(SEED_SPEC, 'utf8')) as Doc;
const tokenOp = (d: Doc) => d.paths['/spaces/{id}/users/token']!.post!;

async function errors(mutate: (d: Doc) => void): Promise<string[]> {
  const doc = seed();
  mutate(doc);
  const problems = await lintSpec(specYaml(doc, 'test'), SEED_SPEC);
  return problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.pointer}`);
}

describe('project lint rules', () => {
  test('the seed spec is clean', async () => {
    assert.deepEqual(await errors(() => {}), []);
  });

  test('an operation without a tag', async () => {
    assert.deepEqual(await errors((d) => delete tokenOp(d).tags), [
      'rule/operation-has-tag #/paths/~1spaces~1{id}~1users~1token/post/tags',
    ]);
  });

  test('a privilege named in the description but missing from x-privileges', async () => {
    // Seed 000: "This operation requires `space_invite_user` privilege."
    assert.deepEqual(await errors((d) => (tokenOp(d)['x-privileges'] = [])), [
      'onedata/privileges-documented #/paths/~1spaces~1{id}~1users~1token/post/x-privileges',
    ]);
  });

  test('an operation without an operationId', async () => {
    assert.deepEqual(await errors((d) => delete tokenOp(d).operationId), [
      'operation-operationId #/paths/~1spaces~1{id}~1users~1token/post/operationId',
    ]);
  });

  test('an example that does not validate against its schema', async () => {
    const found = await errors((d) => {
      const ok = tokenOp(d).responses as Record<
        string,
        { content: Record<string, { examples: Record<string, { value: unknown }> }> }
      >;
      ok['200']!.content['application/json']!.examples.documented!.value = { token: 42 };
    });
    assert.deepEqual(found, [
      'no-invalid-media-type-examples #/paths/~1spaces~1{id}~1users~1token/post/responses/200/content/application~1json/examples/documented/value/token',
    ]);
  });

  test('an unused component is no error: every definition page is a component, used or not', async () => {
    assert.deepEqual(await errors((d) => (d.components.schemas.Orphan = { type: 'object' })), []);
  });
});
