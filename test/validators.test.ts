// Independent checks of every shipped spec (spec/*/openapi.yaml), with tools the rebuild does not use itself:
// the OAS 3.1 JSON Schema validator (@seriousme/openapi-schema-validator), Redocly's stock `recommended`
// ruleset (no project plugin) and Spectral's `spectral:oas` ruleset. Each must report 0 errors.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const APIS = readdirSync(`${ROOT}spec`).filter((api) => existsSync(`${ROOT}spec/${api}/openapi.yaml`));

const specText = (api: string): string => readFileSync(`${ROOT}spec/${api}/openapi.yaml`, 'utf8');

test('there are shipped specs to check', () => {
  assert.deepEqual([...APIS].sort(), ['luma', 'onepanel', 'oneprovider', 'onezone']);
});

for (const api of APIS) {
  test(`${api}: @seriousme/openapi-schema-validator accepts the spec as OAS 3.1`, async () => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const validator = new Validator();
    const result = await validator.validate(parse(specText(api)));
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
  });

  test(`${api}: Redocly's stock recommended ruleset reports 0 errors`, async () => {
    const { createConfig, lintFromString } = await import('@redocly/openapi-core');
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: specText(api),
      absoluteRef: `${ROOT}spec/${api}/openapi.yaml`,
      config,
    });
    const errors = problems.filter((p) => p.severity === 'error');
    assert.deepEqual(
      errors.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
      [],
    );
  });

  test(`${api}: Spectral's spectral:oas ruleset reports 0 errors`, async () => {
    const { Spectral, Document } = await import('@stoplight/spectral-core');
    const Parsers = await import('@stoplight/spectral-parsers');
    const { oas } = await import('@stoplight/spectral-rulesets');
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'recommended']] } as never);
    const document = new Document(specText(api), Parsers.Yaml, `spec/${api}/openapi.yaml`);
    const results = await spectral.run(document);
    const errors = results.filter((r) => r.severity === 0);
    assert.deepEqual(
      errors.map((r) => `${r.code}: ${r.message} at ${r.path.join('.')}`),
      [],
    );
  });
}
