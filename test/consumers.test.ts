// The rebuilt spec (OpenAPI 3.1) must load in every tool that consumes it: Redocly lint, openapi-typescript,
// openapi-backend and Prism. Checked on the seed spec and on the full-corpus spec.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { OpenAPIBackend } from 'openapi-backend';
import { parse } from 'yaml';
import { lintSpec } from '../src/check/lint-spec.ts';
import { buildCorpusSpecFile, SEED_SPEC } from './helpers/corpus.ts';
import { startPrism, type RunningPrism } from './helpers/prism.ts';

// The token shown in seed 000's "Response 200" example.
const SEED_000_TOKEN =
  'JKAxNWxvY2F0aW9uIG9uZXpvbmUKMDAzYmlkZW50aWZpZXIgOEhmSEFSSGdrbHFCa1pWSTRsNk1CVHZTU3Z0OThwcHA2OTQ4czhRN1NPawowMDFhY2lkIHRpbWUgPCAxNDk2MTQwMTQ0CjAwMmZzaWduYXR1cmUg88OIBmav38YI0Z2-dw-fvrZ3XP-J0HjCN0taT3_WungK';

let corpusSpec: string;
before(() => {
  corpusSpec = buildCorpusSpecFile().file;
});

describe('Redocly lint (recommended ruleset, through @redocly/openapi-core)', () => {
  test('the seed spec has no problems at all', async () => {
    assert.deepEqual(await lintSpec(readFileSync(SEED_SPEC, 'utf8'), SEED_SPEC), []);
  });

  test('the corpus spec has no problems either', async () => {
    // definitions/ProviderUpdateRequest.md is linked by no operation page: the rebuilder leaves it out and
    // reports it, so no-unused-components has nothing to say.
    assert.deepEqual(await lintSpec(readFileSync(corpusSpec, 'utf8'), corpusSpec), []);
  });
});

describe('openapi-typescript (Node API)', () => {
  test('generates types for the seed spec with its operations and the versioned Error', async () => {
    const ts = astToString(await openapiTS(new URL(`file://${SEED_SPEC}`)));
    assert.match(ts, /"\/user\/spaces\/join": \{/);
    assert.match(ts, /createUserGroupInviteToken: \{/);
    assert.match(
      ts,
      /Error: components\["schemas"\]\["Error_17_06_0_rc"\] \| components\["schemas"\]\["Error_onedata_org_20_02"\]/,
    );
  });

  test('generates types for the corpus spec', async () => {
    const ts = astToString(await openapiTS(new URL(`file://${corpusSpec}`)));
    assert.match(ts, /"\/spaces\/\{id\}\/users\/\{uid\}\/privileges": \{/);
    // Space.providersSupports is documented as `< string, integer > map`.
    assert.match(ts, /providersSupports: \{\s*\[key: string\]: number;\s*\}/);
  });
});

describe('openapi-backend', () => {
  for (const [name, spec] of [
    ['seed', () => SEED_SPEC],
    ['corpus', () => corpusSpec],
  ] as const) {
    test(`loads the ${name} spec and validates requests against it`, async () => {
      const api = new OpenAPIBackend({
        definition: parse(readFileSync(spec(), 'utf8')),
        apiRoot: '/api/v3/onezone',
        quick: false,
      });
      await api.init();
      const join = {
        method: 'POST',
        path: '/api/v3/onezone/user/spaces/join',
        headers: { 'content-type': 'application/json' },
      };
      assert.equal(api.validateRequest({ ...join, body: { token: 'abc' } }).valid, true);
      // SpaceInviteToken's token is a string (seed 002's body, corpus definitions/SpaceInviteToken.md).
      assert.equal(api.validateRequest({ ...join, body: { token: 42 } }).valid, false);
      assert.equal(
        api.matchOperation({ method: 'post', path: '/api/v3/onezone/spaces/s1/users/token', headers: {} })?.operationId,
        'create_space_user_invite_token',
      );
    });
  }
});

describe('Prism mock (5.14)', () => {
  let prism: RunningPrism | undefined;
  after(async () => prism?.stop());

  test('serves the documented example for POST /spaces/{id}/users/token from the seed spec', async () => {
    prism = await startPrism(SEED_SPEC);
    const res = await fetch(`${prism.url}/spaces/abc/users/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('u:p')}` },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { token: SEED_000_TOKEN });
    const bad = await fetch(`${prism.url}/user/spaces/join`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('u:p')}`, 'content-type': 'application/json' },
      body: '{"token": 42}',
    });
    assert.equal(bad.status, 400, 'a token that is not a string is rejected with the documented 400');
  });
});
