// The generated openapi-fetch client: rejects wrong calls at type level, and makes real calls with both
// auth schemes against a server started here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from '../src/paths.ts';
import { authHeaders, createClient, DEFAULT_BASE_URL, SERVERS } from '../generated/onezone/client.ts';
import * as luma from '../generated/luma/client.ts';
import * as onepanel from '../generated/onepanel/client.ts';
import { freePort } from './helpers/prism.ts';

// Seed 000's documented 200 example for POST /spaces/{id}/users/token.
const TOKEN =
  'JKAxNWxvY2F0aW9uIG9uZXpvbmUKMDAzYmlkZW50aWZpZXIgOEhmSEFSSGdrbHFCa1pWSTRsNk1CVHZTU3Z0OThwcHA2OTQ4czhRN1NPawowMDFhY2lkIHRpbWUgPCAxNDk2MTQwMTQ0CjAwMmZzaWduYXR1cmUg88OIBmav38YI0Z2-dw-fvrZ3XP-J0HjCN0taT3_WungK';

describe('type level', () => {
  test('every wrong call in test/client-type-errors.ts is a type error', () => {
    const file = join(PROJECT_ROOT, 'test', 'client-type-errors.ts');
    const source = ts.sys.readFile(file)!;
    const expected = source.split('\n').filter((l) => l.trim().startsWith('// @ts-expect-error')).length;
    assert.equal(expected, 6);
    // Without the directives, tsc must report exactly one error per wrong call.
    const stripped = source.replace(/\/\/ @ts-expect-error.*$/gm, '');
    const host = ts.createCompilerHost({});
    const original = host.readFile;
    host.readFile = (f) => (f === file ? stripped : original.call(host, f));
    const program = ts.createProgram(
      [file],
      {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        types: ['node'],
      },
      host,
    );
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file);
    const lines = new Set(errors.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line));
    assert.equal(
      lines.size,
      expected,
      errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'),
    );
  });

  test('the client knows the servers and auth schemes of the spec', () => {
    // As the Onezone cURL samples write them: https://$HOST:8443/…, https://beta.onedata.org:8443/…, https://$HOST/…
    assert.deepEqual(SERVERS, [
      'https://{host}:8443/api/v3/onezone',
      'https://beta.onedata.org:8443/api/v3/onezone',
      'https://{host}/api/v3/onezone',
    ]);
    assert.equal(DEFAULT_BASE_URL, 'https://localhost:8443/api/v3/onezone');
    assert.deepEqual(authHeaders({ token: 'abc' }), { 'X-Auth-Token': 'abc' });
    assert.deepEqual(authHeaders({ username: 'admin', password: 'secret' }), {
      Authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}`,
    });
  });
});

describe('one client per API', () => {
  test('Onepanel authenticates with HTTP basic alone, as its security.md says; LUMA with the X-Auth-Token header', () => {
    assert.deepEqual(onepanel.authHeaders({ username: 'admin', password: 'secret' }), {
      Authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}`,
    });
    assert.deepEqual(luma.authHeaders({ token: 'abc' }), { 'X-Auth-Token': 'abc' });
    assert.equal(onepanel.DEFAULT_BASE_URL, 'https://localhost/api/v3/onepanel');
    assert.equal(luma.DEFAULT_BASE_URL, 'https://localhost/api/v3/luma');
  });
});

describe('real calls', () => {
  let server: Server;
  let baseUrl: string;
  const seen: { method?: string; url?: string; auth?: string; token?: string; body?: string }[] = [];
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        seen.push({
          method: req.method,
          url: req.url,
          auth: req.headers.authorization,
          token: req.headers['x-auth-token'] as string | undefined,
          body,
        });
        if (!req.headers.authorization && !req.headers['x-auth-token']) {
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: 'Authentication error.' }));
          return;
        }
        if (req.method === 'POST' && req.url === '/api/v3/onezone/user/spaces/join') {
          res.writeHead(201, { location: '/user/spaces/s1' }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: TOKEN }));
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${port}/api/v3/onezone`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('creates a space invite token with basic auth', async () => {
    const client = createClient({ baseUrl, auth: { username: 'admin', password: 'password' } });
    const { data, response } = await client.POST('/spaces/{id}/users/token', {
      params: { path: { id: '9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc' } },
    });
    assert.equal(response.status, 200);
    assert.equal(data?.token, TOKEN);
    const last = seen.at(-1)!;
    assert.equal(last.method, 'POST');
    assert.equal(last.url, '/api/v3/onezone/spaces/9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc/users/token');
    assert.equal(last.auth, `Basic ${Buffer.from('admin:password').toString('base64')}`);
  });

  test('joins a space with X-Auth-Token and a JSON body', async () => {
    const client = createClient({ baseUrl, auth: { token: 'user-token' } });
    const { response } = await client.POST('/user/spaces/join', { body: { token: TOKEN } });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('location'), '/user/spaces/s1');
    const last = seen.at(-1)!;
    assert.equal(last.token, 'user-token');
    assert.deepEqual(JSON.parse(last.body!), { token: TOKEN });
  });

  test('without credentials the documented error comes back as `error`', async () => {
    const client = createClient({ baseUrl });
    const { data, error, response } = await client.POST('/spaces/{id}/users/token', { params: { path: { id: 'x' } } });
    assert.equal(response.status, 401);
    assert.equal(data, undefined);
    assert.deepEqual(error, { error: 'Authentication error.' });
  });
});
