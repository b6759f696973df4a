// The four APIs from one startServer(): each under its base path, authenticating as its spec declares and
// answering errors in its own spec's Error shape; the real Onepanel users, LUMA users and credentials, and
// Onezone group invite tokens. Then the loading step: the server starts on every spec build:spec can write.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import { parse } from 'yaml';
import type { Spec } from '../src/openapi/spec-types.ts';
import { docSetDir, PROJECT_ROOT } from '../src/paths.ts';
import { loadManifest, type Manifest } from '../src/rebuild/docs/manifest.ts';
import { apiManifest } from '../src/sync/inputs.ts';
import { buildFromSources } from '../src/rebuild/build.ts';
import { specYaml } from '../src/rebuild/emit/yaml.ts';
import type { Source } from '../src/rebuild/model.ts';
import { toBackendDocument, toBackendSchema } from '../src/server/backend-document.ts';
import { API_NAMES, specPathOf, startServer, type RunningServer } from '../src/server/index.ts';
import { buildCorpusSpecFile, SEED_SPEC } from './helpers/corpus.ts';
import { exampleRequest } from './helpers/example-requests.ts';
import { ADMIN, basicHeader, EXAMPLE_GROUP, JOE, JOE_GROUP, tokenHeader } from './helpers/server-fixtures.ts';
import { SpecChecker } from './helpers/spec-check.ts';

const JSON_TYPE = { 'content-type': 'application/json' };

interface Seen {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

async function send(url: string, init: RequestInit = {}): Promise<Seen> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

/** The exact shape of a spec's components.schemas.Error: its property names and which are required. */
function errorShape(spec: Spec): { properties: string[]; required: string[] } {
  const schema = spec.components.schemas.Error as { properties?: object; required?: string[] };
  return { properties: Object.keys(schema.properties ?? {}).sort(), required: [...(schema.required ?? [])].sort() };
}

/** Asserts a body has exactly the spec's Error properties (all strings), the required ones included. */
function assertErrorShape(spec: Spec, res: Seen, api: string): void {
  const { properties, required } = errorShape(spec);
  const body = res.json() as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), properties.length ? properties : Object.keys(body).sort(), api);
  for (const name of required) assert.equal(typeof body[name], 'string', `${api}: ${name}`);
  for (const value of Object.values(body)) assert.equal(typeof value, 'string', api);
}

describe('the four APIs from one startServer()', () => {
  let server: RunningServer;
  const specs = Object.fromEntries(
    API_NAMES.map((api) => [api, parse(readFileSync(specPathOf(api), 'utf8')) as Spec]),
  ) as Record<string, Spec>;
  const checkers: Record<string, SpecChecker> = {};
  before(async () => {
    server = await startServer({ port: 0, log: false });
    for (const api of API_NAMES) checkers[api] = await SpecChecker.load(specPathOf(api));
  });
  after(() => server.close());

  test('each API is served under the path of its spec’s servers[0].url; url is the first one', () => {
    assert.deepEqual(Object.keys(server.urls), [...API_NAMES]);
    for (const api of API_NAMES)
      assert.match(server.urls[api]!, new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/v3/${api}$`));
    assert.equal(server.url, server.urls.onezone);
  });

  // An operation that needs authentication and documents its 401 with a body, or no 401 at all (then the
  // generic Error answers): Onepanel documents its 401s without a body, LUMA none.
  const NEEDS_AUTH: Record<string, { method: string; path: string; body?: string }> = {
    onezone: { method: 'POST', path: `/groups/${EXAMPLE_GROUP}/users/token` },
    onepanel: {
      method: 'POST',
      path: '/users',
      body: JSON.stringify({ username: 'john', password: 'P@@$$W0RD', userRole: 'admin' }),
    },
    oneprovider: { method: 'GET', path: '/spaces' },
    luma: { method: 'POST', path: '/admin/users', body: JSON.stringify({ id: 'x' }) },
  };

  test('401 without credentials, naming the API’s schemes in WWW-Authenticate, in its Error shape', async () => {
    const schemes: Record<string, RegExp> = {
      onezone: /^X-Auth-Token realm="onezone", Basic realm="onezone"$/,
      onepanel: /^Basic realm="onepanel"$/,
      oneprovider: /^X-Auth-Token realm="oneprovider", Basic realm="oneprovider"$/,
      luma: /^X-Auth-Token realm="luma"$/,
    };
    for (const api of API_NAMES) {
      const { method, path, body } = NEEDS_AUTH[api]!;
      const res = await send(`${server.urls[api]}${path}`, { method, headers: JSON_TYPE, body });
      assert.equal(res.status, 401, `${api}: ${res.text}`);
      assert.match(res.headers.get('www-authenticate') ?? '', schemes[api]!, api);
      assertErrorShape(specs[api]!, res, api);
    }
  });

  test('404 for an unknown route inside each base path, in that API’s Error shape; outside them too', async () => {
    const expected: Record<string, string[]> = {
      onezone: ['error'],
      onepanel: ['description', 'error'],
      oneprovider: ['error', 'error_description'],
      luma: ['error', 'errorDescription'],
    };
    for (const api of API_NAMES) {
      assert.deepEqual(errorShape(specs[api]!).properties, expected[api], `${api}'s Error schema`);
      const res = await send(`${server.urls[api]}/no/such/route`, { headers: tokenHeader(ADMIN) });
      assert.equal(res.status, 404, api);
      assertErrorShape(specs[api]!, res, api);
      assert.deepEqual(checkers[api]!.errorProblems(res), [], api);
    }
    const outside = await send(server.url.replace('/api/v3/onezone', '/api/v3/nothing/here'));
    assert.equal(outside.status, 404);
    assertErrorShape(specs.onezone!, outside, 'outside');
  });

  test('Onepanel takes HTTP basic only: an X-Auth-Token alone is refused', async () => {
    const url = `${server.urls.onepanel}/users/nobody`;
    assert.equal((await send(url, { headers: tokenHeader(ADMIN) })).status, 401);
    assert.equal((await send(url, { headers: basicHeader(ADMIN) })).status, 404, 'authenticated, no such user');
  });

  test('LUMA takes the X-Auth-Token; HTTP basic alone is refused', async () => {
    const url = `${server.urls.luma}/admin/users/1`;
    assert.notEqual((await send(url, { headers: tokenHeader(ADMIN) })).status, 401);
    assert.equal((await send(url, { headers: basicHeader(ADMIN) })).status, 401);
  });

  test('Onepanel users: create → get → change password → log in with it → delete → get 404', async () => {
    const base = server.urls.onepanel!;
    const checker = checkers.onepanel!;
    const admin = { ...basicHeader(ADMIN), ...JSON_TYPE };
    // The docs' example request of add_user breaks the docs' own password rule (UserCreateRequest.md:9: "a
    // minimum of 1 lower case letter"), now the spec's pattern: refused; with a lower case letter it passes.
    const example = { username: 'john', password: 'P@@$$W0RD', userRole: 'admin' };
    const refused = await send(`${base}/users`, { method: 'POST', headers: admin, body: JSON.stringify(example) });
    assert.equal(refused.status, 400, refused.text);
    assert.match(refused.text, /password must match pattern/);
    const john = { ...example, password: 'P@ssW0rd' };
    const created = await send(`${base}/users`, { method: 'POST', headers: admin, body: JSON.stringify(john) });
    assert.equal(created.status, 204, created.text);
    assert.deepEqual(checker.problems('add_user', created), []);
    const again = await send(`${base}/users`, { method: 'POST', headers: admin, body: JSON.stringify(john) });
    assert.equal(again.status, 400, 'the name is taken');
    assert.deepEqual(checker.problems('add_user', again), []);
    const weak = await send(`${base}/users`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ ...john, username: 'weak', password: 'password' }),
    });
    assert.equal(weak.status, 400, 'the docs’ password rules');
    assertErrorShape(specs.onepanel!, weak, 'onepanel');

    const got = await send(`${base}/users/john`, { headers: admin });
    assert.equal(got.status, 200);
    assert.deepEqual(checker.problems('get_user', got), []);
    const details = got.json() as { userId: string; userRole: string };
    assert.equal(details.userRole, 'admin');
    assert.match(details.userId, /^[A-Za-z0-9_-]{20}$/);

    const asJohn = (password: string) => basicHeader({ ...ADMIN, username: 'john', password });
    assert.equal((await send(`${base}/users/john`, { headers: asJohn('P@ssW0rd') })).status, 200, 'john logs in');
    // The docs' example request of modify_user's shape, with john's current password.
    const modified = await send(`${base}/users/john`, {
      method: 'PATCH',
      headers: admin,
      body: JSON.stringify({ currentPassword: 'P@ssW0rd', newPassword: 'P@ssW0rd2' }),
    });
    assert.equal(modified.status, 204, modified.text);
    assert.equal((await send(`${base}/users/john`, { headers: asJohn('P@ssW0rd') })).status, 401);
    assert.equal((await send(`${base}/users/john`, { headers: asJohn('P@ssW0rd2') })).status, 200);

    const removed = await send(`${base}/users/john`, { method: 'DELETE', headers: admin });
    assert.equal(removed.status, 204);
    assert.deepEqual(checker.problems('remove_user', removed), []);
    const gone = await send(`${base}/users/john`, { headers: admin });
    assert.equal(gone.status, 404);
    assert.deepEqual(checker.problems('get_user', gone), [], 'get_user documents its 404 without a body');
    assert.equal((await send(`${base}/users/john`, { method: 'DELETE', headers: admin })).status, 404);
  });

  test('LUMA users and credentials: add details → get → add credentials → update → delete → get 404', async () => {
    const base = server.urls.luma!;
    const checker = checkers.luma!;
    const admin = { ...tokenHeader(ADMIN), ...JSON_TYPE };
    const add = checker.operation('add_user_details');
    // The docs' example request of add_user_details.
    const details = Object.values(add.op.requestBody!.content['application/json']!.examples!)[0]!.value;
    const created = await send(`${base}/admin/users`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(details),
    });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(checker.problems('add_user_details', created), []);
    const location = created.headers.get('location') ?? '';
    assert.match(location, /^\/admin\/users\/\d+$/);
    const lid = location.slice('/admin/users/'.length);

    const got = await send(`${base}/admin/users/${lid}`, { headers: admin });
    assert.equal(got.status, 200);
    assert.deepEqual(got.json(), details);
    assert.deepEqual(checker.problems('get_user_details', got), []);

    const posix = [{ type: 'posix', storageId: 'Assdwe897Dsdjhx9', uid: 1001 }];
    const credentials = await send(`${base}/admin/users/${lid}/credentials`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify(posix),
    });
    assert.equal(credentials.status, 204, credentials.text);
    const unknown = await send(`${base}/admin/users/999999/credentials`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify(posix),
    });
    assert.equal(unknown.status, 404);
    assert.deepEqual(checker.problems('add_user_credentials', unknown), []);
    assertErrorShape(specs.luma!, unknown, 'luma');

    const renamed = { ...(details as object), name: 'User One, renamed' };
    const updated = await send(`${base}/admin/users/${lid}`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify(renamed),
    });
    assert.equal(updated.status, 204);
    assert.deepEqual((await send(`${base}/admin/users/${lid}`, { headers: admin })).json(), renamed);

    const deleted = await send(`${base}/admin/users/${lid}`, { method: 'DELETE', headers: admin });
    assert.equal(deleted.status, 204);
    const gone = await send(`${base}/admin/users/${lid}`, { headers: admin });
    assert.equal(gone.status, 404);
    assert.deepEqual(checker.problems('get_user_details', gone), []);
  });

  test('Onezone group invite token: create → join with it → 201; the same token again → 400', async () => {
    const base = server.urls.onezone!;
    const checker = checkers.onezone!;
    const token = await send(`${base}/groups/${JOE_GROUP}/users/token`, {
      method: 'POST',
      headers: { ...tokenHeader(JOE), ...JSON_TYPE },
      body: '{}',
    });
    assert.equal(token.status, 200, token.text);
    assert.deepEqual(checker.problems('createUserGroupInviteToken', token), []);
    const { token: value } = token.json() as { token: string };

    const join = (body: unknown) =>
      send(`${base}/user/groups/join`, {
        method: 'POST',
        headers: { ...basicHeader(ADMIN), ...JSON_TYPE },
        body: JSON.stringify(body),
      });
    // The docs' example token (join_group.md) was never issued here.
    const documented = checker.operation('join_group').op.requestBody!.content['application/json']!.examples!;
    const made = await join(Object.values(documented)[0]!.value);
    assert.equal(made.status, 400, 'a made-up token');
    assert.deepEqual(checker.problems('join_group', made), []);

    const joined = await join({ token: value });
    assert.equal(joined.status, 201, joined.text);
    assert.equal(joined.headers.get('location'), `/user/groups/${JOE_GROUP}`);
    assert.equal(joined.headers.get('x-stub'), null);
    assert.deepEqual(checker.problems('join_group', joined), []);

    const again = await join({ token: value });
    assert.equal(again.status, 400, 'single-use');
    assert.deepEqual(checker.problems('join_group', again), []);
    const twice = await send(`${base}/groups/${JOE_GROUP}/users/token`, { method: 'POST', headers: tokenHeader(JOE) });
    assert.equal((await join({ token: (twice.json() as { token: string }).token })).status, 400, 'already a member');
  });

  test('the admin holds every privilege each spec names; joe none', async () => {
    // Onezone: an x-privilege on a group joe is no member of; the admin passes on oz_groups_add_relationships.
    const url = `${server.urls.onezone}/groups/${EXAMPLE_GROUP}/users/token`;
    assert.equal((await send(url, { method: 'POST', headers: tokenHeader(ADMIN) })).status, 200);
    assert.equal((await send(url, { method: 'POST', headers: tokenHeader(JOE) })).status, 403);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The loading step

describe('loading: what openapi-backend accepts, from any spec build:spec writes', () => {
  async function backendLoads(document: unknown): Promise<void> {
    const api = new OpenAPIBackend({
      definition: toBackendDocument(document) as unknown as Document,
      strict: true,
      quick: false,
    });
    await api.init();
  }

  test('each 3.1 construct becomes its 3.0 equivalent', () => {
    const ref = { $ref: '#/components/schemas/Rrd' };
    assert.deepEqual(toBackendSchema({ ...ref, description: 'rrd' }), { description: 'rrd', allOf: [ref] });
    assert.deepEqual(toBackendSchema({ type: ['string', 'null'] }), { type: 'string', nullable: true });
    assert.deepEqual(toBackendSchema({ type: ['string', 'integer'] }), {
      allOf: [{ anyOf: [{ type: 'string' }, { type: 'integer' }] }],
    });
    assert.deepEqual(toBackendSchema({ type: 'null' }), { enum: [null] });
    assert.deepEqual(toBackendSchema({ const: 'posix' }), { enum: ['posix'] });
    assert.deepEqual(toBackendSchema({ type: 'string', examples: ['a', 'b'] }), { type: 'string', example: 'a' });
    assert.deepEqual(toBackendSchema({ type: 'number', exclusiveMinimum: 0 }), { type: 'number', exclusiveMinimum: 0 });
    assert.deepEqual(toBackendSchema(true), {});
    assert.deepEqual(toBackendSchema(false), { not: {} });
    assert.deepEqual(toBackendSchema({ type: 'object', required: [] }), { type: 'object' });
    assert.deepEqual(toBackendSchema({ oneOf: [ref], discriminator: { mapping: { a: 'b' } } }), { oneOf: [ref] });
    assert.deepEqual(toBackendSchema({ prefixItems: [{ type: 'string' }] }), {
      'x-oas31-prefixItems': [{ type: 'string' }],
    });
    // Nested: properties, items, additionalProperties, allOf members.
    assert.deepEqual(
      toBackendSchema({
        type: 'object',
        properties: { a: { type: ['integer', 'null'], const: 1 } },
        additionalProperties: { ...ref, examples: [1] },
        allOf: [{ items: { const: 2 } }],
      }),
      {
        type: 'object',
        properties: { a: { type: 'integer', nullable: true, enum: [1] } },
        additionalProperties: { example: 1, allOf: [ref] },
        allOf: [{ items: { enum: [2] } }],
      },
    );
    const input = { type: ['string', 'null'] };
    toBackendSchema(input);
    assert.deepEqual(input, { type: ['string', 'null'] }, 'the input is not changed');
  });

  test('a hand-made 3.1 spec with each construct loads, and the server answers on it', async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1', summary: '3.1 only' },
      servers: [{ url: 'https://localhost/api/v3/test' }],
      paths: {
        '/things/{id}': {
          get: {
            operationId: 'get_thing',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: ['string', 'null'] } }],
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing', description: 'x' } } },
              },
              '404': { $ref: '#/components/responses/NotFound', description: 'sibling' },
            },
          },
        },
      },
      webhooks: {},
      components: {
        responses: {
          NotFound: {
            description: 'nf',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
        schemas: {
          Error: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] },
          Rrd: { type: 'object', examples: [{}] },
          Thing: {
            type: 'object',
            required: ['kind'],
            properties: {
              kind: { const: 'thing' },
              rrd: { $ref: '#/components/schemas/Rrd', description: 'sibling' },
              size: { type: ['integer', 'null'], exclusiveMinimum: 0 },
              any: true,
            },
            discriminator: { propertyName: 'kind' },
            examples: [{ kind: 'thing' }],
          },
        },
      },
    };
    await assert.rejects(
      new OpenAPIBackend({ definition: structuredClone(document) as unknown as Document, strict: true }).init(),
      'openapi-backend refuses the spec as written',
    );
    await backendLoads(document);
    const dir = mkdtempSync(join(tmpdir(), 'server-apis-'));
    const specPath = join(dir, 'openapi.yaml');
    writeFileSync(specPath, JSON.stringify(document));
    const server = await startServer({ port: 0, specPath, log: false });
    try {
      assert.equal(server.url.endsWith('/api/v3/test'), true);
      const res = await send(`${server.url}/things/a`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json(), { kind: 'thing' });
    } finally {
      await server.close();
    }
  });

  test('the server starts on the four specs, the seed and the corpus spec, and answers every operation', async () => {
    const specPaths = [...API_NAMES.map(specPathOf), SEED_SPEC, buildCorpusSpecFile().file];
    for (const specPath of specPaths) await answersEveryOperation(specPath);
  });

  test('the server starts on specs rebuilt from random mangled doc sets of the four APIs', async () => {
    const pages = API_NAMES.map((api) => {
      const dir = docSetDir(api);
      const files = ['operations', 'definitions'].flatMap((folder) =>
        readdirSync(join(dir, folder))
          .filter((f) => f.endsWith('.md'))
          .sort()
          .map((f) => `${folder}/${f}`),
      );
      return { api, files: [...files, 'paths.md', 'security.md', 'overview.md'], dir };
    });
    const docSet = fc.constantFrom(...pages).chain(({ api, files, dir }) =>
      fc.record({
        api: fc.constant(api),
        dir: fc.constant(dir),
        files: fc.subarray(files, { minLength: 3, maxLength: 25 }),
        cut: fc.array(fc.nat({ max: 40 }), { minLength: 25, maxLength: 25 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(docSet, async ({ api, dir, files, cut }) => {
        const sources: Source[] = files.map((file, i) => {
          const lines = readFileSync(join(dir, file), 'utf8').split('\n');
          // Mangled: a run of lines deleted from some pages.
          const at = cut[i] ?? 0;
          const text = at % 3 === 0 ? lines.filter((_, n) => n < at || n > at + 5).join('\n') : lines.join('\n');
          return { file, text, release: `${api}-17.06.0-rc8`, order: 0 };
        });
        const result = buildFromSources(sources, manifestFacts(api));
        const specPath = join(mkdtempSync(join(tmpdir(), `server-apis-${api}-`)), 'openapi.yaml');
        writeFileSync(specPath, specYaml(result.document, 'test build of a random doc set'));
        await answersEveryOperation(specPath);
      }),
      { seed: 20261122, numRuns: 8 },
    );
  });
});

/** Starts the server on the spec and sends each operation's example request: never a 5xx (but the 501 stub). */
async function answersEveryOperation(specPath: string): Promise<void> {
  const document = parse(readFileSync(specPath, 'utf8')) as Spec;
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      op,
    })),
  );
  const server = await startServer({ port: 0, specPath, log: false });
  try {
    for (const op of operations) {
      const request = exampleRequest(document, op);
      const res = await send(`${server.url}${request.path}`, {
        method: request.method,
        headers: { ...request.headers, ...basicHeader(ADMIN), ...tokenHeader(ADMIN) },
        body: request.body,
      });
      // The one stub rule answers 501 for an operation whose page lost every response (a mangled doc set).
      const stubWithoutResponses = res.status === 501 && res.headers.get('x-stub') === 'true';
      assert.ok(
        res.status < 500 || stubWithoutResponses,
        `${specPath} ${op.method} ${op.path}: ${res.status} ${res.text}`,
      );
    }
  } finally {
    await server.close();
  }
}

/** The facts a doc set's pages do not state, from the API's manifest (spec/<api>/sources.yaml). */
function manifestFacts(api: string): Manifest {
  return loadManifest(apiManifest(PROJECT_ROOT, api));
}
