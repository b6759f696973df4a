// The server's own behaviour, one concern at a time: error statuses and their bodies, credentials and
// privileges, stubs vs implementations, the request log, graceful close, the CLIs and the users file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PROJECT_ROOT } from '../src/paths.ts';
import { loadUsersFile, UsersFileError } from '../src/server/accounts.ts';
import { startServer, type RunningServer } from '../src/server/index.ts';
import { loadSpec } from '../src/server/spec.ts';
import { stubReply } from '../src/server/stub-replies.ts';
import { basePathOf } from '../src/openapi/servers.ts';
import { buildCorpusSpecFile, SEED_SPEC } from './helpers/corpus.ts';
import { freePort } from './helpers/prism.ts';
import { closeRawAgent, rawRequest } from './helpers/raw-http.ts';
import { ADMIN, basicHeader, EXAMPLE_GROUP, JOE, tokenHeader } from './helpers/server-fixtures.ts';
import { SpecChecker, type SeenResponse } from './helpers/spec-check.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const SPACE = JSON.stringify({ name: 'a space', token: 'unused', size: 1 });

let checker: SpecChecker;
before(async () => {
  checker = await SpecChecker.load(SEED_SPEC);
});
after(() => closeRawAgent());

async function send(
  url: string,
  init: RequestInit = {},
): Promise<SeenResponse & { headers: Headers; json: () => unknown }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

function errorOf(response: { text: string }): { id: string; details: { key: string }; description: string } {
  return (JSON.parse(response.text) as { error: { id: string; details: { key: string }; description: string } }).error;
}

describe('error statuses answer the spec Error shape {error: {id, details, description}}', () => {
  let server: RunningServer;
  const LIMIT = 256;
  before(async () => {
    server = await startServer({ port: 0, specPath: SEED_SPEC, bodyLimit: LIMIT, log: false });
  });
  after(() => server.close());

  test('404 for a path no operation has, inside and outside the base path', async () => {
    for (const url of [`${server.url}/no/such/path`, server.url.replace('/api/v3/onezone', '/user/spaces')]) {
      const res = await send(url, { method: 'POST', headers: tokenHeader(ADMIN) });
      assert.equal(res.status, 404);
      assert.equal(errorOf(res).id, 'notFound');
      assert.deepEqual(checker.errorProblems(res), []);
    }
  });

  test('405 with an Allow header for a method the path does not have', async () => {
    for (const method of ['GET', 'DELETE', 'PUT']) {
      const res = await send(`${server.url}/user/spaces`, { method, headers: tokenHeader(ADMIN) });
      assert.equal(res.status, 405);
      assert.equal(res.headers.get('allow'), 'POST');
      assert.equal(errorOf(res).id, 'notSupported');
      assert.deepEqual(checker.errorProblems(res), []);
    }
  });

  test('400 for invalid bodies, naming the field, valid against the operation’s documented 400', async () => {
    const cases: [string, string, string][] = [
      [JSON.stringify({ name: 7, token: 't', size: 1 }), 'badValueString', 'name'],
      // The seed pages never say a property is required (an inferred property is required only where the pages
      // say so): a missing name is accepted, a token of the wrong type is not.
      [JSON.stringify({ name: 'n', token: 5, size: 1 }), 'badValueString', 'token'],
      [JSON.stringify({ name: 'n', token: 't', size: 'big' }), 'badValueInteger', 'size'],
      ['{"name": ', 'badValueJSON', 'requestBody'],
      ['[]', 'badValueObject', 'requestBody'],
    ];
    for (const [body, id, key] of cases) {
      const res = await send(`${server.url}/user/spaces`, {
        method: 'POST',
        headers: { ...tokenHeader(ADMIN), ...JSON_TYPE },
        body,
      });
      assert.equal(res.status, 400, body);
      assert.deepEqual({ id: errorOf(res).id, key: errorOf(res).details.key }, { id, key }, body);
      assert.deepEqual(checker.problems('create_user_space', res), []);
    }
    const missing = await send(`${server.url}/user/spaces`, {
      method: 'POST',
      headers: { ...tokenHeader(ADMIN), ...JSON_TYPE },
    });
    assert.equal(missing.status, 400, 'the body is required');
    assert.deepEqual(errorOf(missing).details, { key: 'requestBody' });
  });

  test('400 for unknown query parameters and for bad percent-encoding in the path', async () => {
    const query = await send(`${server.url}/spaces/s/users/token?unknown=1`, {
      method: 'POST',
      headers: tokenHeader(ADMIN),
    });
    assert.equal(query.status, 400);
    assert.deepEqual(checker.problems('create_space_user_invite_token', query), []);
    const path = await rawRequest({
      method: 'POST',
      url: `${server.url}/spaces/%E0%A4%A/users/token`,
      headers: tokenHeader(ADMIN),
    });
    assert.equal(path.status, 400);
    assert.deepEqual(checker.problems('create_space_user_invite_token', path), []);
  });

  test('413 for a body over the limit, declared or chunked; the connection is closed, the server keeps serving', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(LIMIT), token: 't', size: 1 });
    const declared = await rawRequest({
      method: 'POST',
      url: `${server.url}/user/spaces`,
      headers: { ...tokenHeader(ADMIN), ...JSON_TYPE },
      body: big,
    });
    assert.equal(declared.status, 413);
    assert.equal(declared.headers.connection, 'close');
    assert.equal(errorOf(declared).id, 'payloadTooLarge');
    assert.deepEqual(checker.errorProblems(declared), []);
    const chunked = await chunkedPost(`${server.url}/user/spaces`, [big.slice(0, 100), big.slice(100)]);
    assert.equal(chunked.status, 413);
    assert.deepEqual(checker.errorProblems(chunked), []);
    const small = await send(`${server.url}/user/spaces`, {
      method: 'POST',
      headers: { ...tokenHeader(ADMIN), ...JSON_TYPE },
      body: SPACE,
    });
    assert.equal(small.status, 201);
  });

  test('415 for a body in a media type the operation does not declare, or without Content-Type', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', undefined]) {
      const res = await rawRequest({
        method: 'POST',
        url: `${server.url}/user/spaces`,
        headers: { ...tokenHeader(ADMIN), ...(type && { 'content-type': type }) },
        body: SPACE,
      });
      assert.equal(res.status, 415, String(type));
      assert.equal(errorOf(res).id, 'unsupportedMediaType');
      assert.deepEqual(checker.errorProblems(res), []);
    }
    const charset = await send(`${server.url}/user/spaces`, {
      method: 'POST',
      headers: { ...tokenHeader(ADMIN), 'content-type': 'Application/JSON; charset=utf-8' },
      body: SPACE,
    });
    assert.equal(charset.status, 201, 'media type parameters and case do not matter');
  });

  test('401 for missing, wrong, malformed or repeated credentials', async () => {
    const url = `${server.url}/groups/${EXAMPLE_GROUP}/users/token`;
    const attempts: Record<string, string | string[]>[] = [
      {},
      { 'X-Auth-Token': 'nope' },
      basicHeader({ ...ADMIN, password: 'wrong' }),
      { Authorization: 'Basic !!!' },
      { Authorization: `Bearer ${ADMIN.token}` },
      { Authorization: `Basic ${Buffer.from(ADMIN.username).toString('base64')}` },
      { 'X-Auth-Token': [ADMIN.token, JOE.token] },
    ];
    for (const headers of attempts) {
      const res = await rawRequest({ method: 'POST', url, headers });
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.equal(errorOf(res).id, 'unauthorized');
      assert.deepEqual(checker.problems('createUserGroupInviteToken', res), []);
    }
    for (const headers of [tokenHeader(ADMIN), basicHeader(ADMIN)])
      assert.equal((await send(url, { method: 'POST', headers })).status, 200);
  });

  test('403 for valid credentials without any of the operation’s x-privileges', async () => {
    const res = await send(`${server.url}/groups/${EXAMPLE_GROUP}/users/token`, {
      method: 'POST',
      headers: tokenHeader(JOE),
    });
    assert.equal(res.status, 403);
    assert.equal(errorOf(res).id, 'forbidden');
    assert.match(errorOf(res).description, /group_add_user, oz_groups_add_relationships/);
    assert.deepEqual(checker.problems('createUserGroupInviteToken', res), []);
  });

  test('malformed HTTP gets a JSON 400 too', async () => {
    const { hostname, port } = new URL(server.url);
    const reply = await rawSocket(
      hostname,
      Number(port),
      'POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
    );
    assert.match(reply, /^HTTP\/1\.1 400 /);
    assert.match(reply, /"id":"badMessage"/);
  });
});

describe('stubs, implementations and the request log', () => {
  test('without an implementation the stub answers, with x-stub: true and a log line saying so', async () => {
    const lines: string[] = [];
    const server = await startServer({
      port: 0,
      specPath: SEED_SPEC,
      implementations: { onezone: {} },
      log: (line) => lines.push(line),
    });
    try {
      const res = await send(`${server.url}/groups/${EXAMPLE_GROUP}/users/token`, {
        method: 'POST',
        headers: tokenHeader(ADMIN),
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-stub'), 'true');
      assert.deepEqual(res.json(), seedStub('createUserGroupInviteToken'));
      assert.ok(
        lines.some((line) => /stub/.test(line) && line.includes('createUserGroupInviteToken')),
        lines.join('\n'),
      );
      // Privileges are still checked before a stub answers.
      assert.equal(
        (await send(`${server.url}/groups/${EXAMPLE_GROUP}/users/token`, { method: 'POST', headers: tokenHeader(JOE) }))
          .status,
        403,
      );
    } finally {
      await server.close();
    }
  });

  test('an implementation overrides the stub of its operationId', async () => {
    const defaults = await startServer({ port: 0, specPath: SEED_SPEC, log: false });
    const custom = await startServer({
      port: 0,
      log: false,
      specPath: SEED_SPEC,
      implementations: {
        onezone: { createUserGroupInviteToken: () => ({ status: 200, body: { token: 'from-the-test' } }) },
      },
    });
    try {
      const real = await send(`${defaults.url}/groups/${EXAMPLE_GROUP}/users/token`, {
        method: 'POST',
        headers: tokenHeader(ADMIN),
      });
      assert.equal(real.headers.get('x-stub'), null);
      assert.notDeepEqual(real.json(), seedStub('createUserGroupInviteToken'));
      const overridden = await send(`${custom.url}/groups/${EXAMPLE_GROUP}/users/token`, {
        method: 'POST',
        headers: tokenHeader(ADMIN),
      });
      assert.deepEqual(overridden.json(), { token: 'from-the-test' });
    } finally {
      await Promise.all([defaults.close(), custom.close()]);
    }
  });

  test('an operation without a generated stub answers its documented example, or a sample of its schema', async () => {
    const spec = parse(readFileSync(SEED_SPEC, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const ok = (content: unknown) => ({
      responses: { '200': { description: 'ok', content: { 'application/json': content } } },
    });
    spec.paths['/user/spaces']!.get = {
      operationId: 'list_user_spaces',
      ...ok({
        schema: {
          type: 'object',
          required: ['spaces'],
          properties: { spaces: { type: 'array', items: { type: 'string' } } },
        },
      }),
    };
    spec.paths['/user'] = {
      get: {
        operationId: 'get_current_user',
        ...ok({ schema: { type: 'object' }, examples: { documented: { value: { name: 'Rudolf' } } } }),
      },
    };
    const dir = mkdtempSync(join(tmpdir(), 'server-test-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const specPath = join(dir, 'openapi.yaml');
    writeFileSync(specPath, stringify(spec));
    const extended = await SpecChecker.load(specPath);
    const lines: string[] = [];
    const server = await startServer({ port: 0, specPath, log: (line) => lines.push(line) });
    try {
      const sampled = await send(`${server.url}/user/spaces`, { headers: tokenHeader(JOE) });
      assert.equal(sampled.status, 200);
      assert.equal(sampled.headers.get('x-stub'), 'true');
      assert.deepEqual(extended.problems('list_user_spaces', sampled), []);
      const example = await send(`${server.url}/user`, { headers: tokenHeader(JOE) });
      assert.deepEqual(example.json(), { name: 'Rudolf' });
      assert.ok(lines.some((line) => line.includes('list_user_spaces') && /stub/.test(line)));
      assert.equal(
        (await send(`${server.url}/user/spaces`, { method: 'DELETE', headers: tokenHeader(JOE) })).headers.get('allow'),
        'GET, POST, HEAD',
      );
    } finally {
      await server.close();
    }
  });

  test('one log line per request: method, path, status, milliseconds', async () => {
    const lines: string[] = [];
    const server = await startServer({ port: 0, specPath: SEED_SPEC, log: (line) => lines.push(line) });
    try {
      await send(`${server.url}/user/spaces?x=1`, {
        method: 'POST',
        headers: { ...tokenHeader(ADMIN), ...JSON_TYPE },
        body: SPACE,
      });
      await send(`${server.url}/nowhere`);
      assert.equal(lines.length, 2, lines.join('\n'));
      assert.match(lines[0]!, /^POST \/api\/v3\/onezone\/user\/spaces 400 \d+\.\dms$/);
      assert.match(lines[1]!, /^GET \/api\/v3\/onezone\/nowhere 404 \d+\.\dms$/);
    } finally {
      await server.close();
    }
  });
});

describe('graceful close', () => {
  test('a request in flight is answered, later connections are refused, close() can be called twice', async () => {
    const server = await startServer({ port: 0, specPath: SEED_SPEC, log: false });
    const { hostname, port, pathname } = new URL(server.url);
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          method: 'POST',
          hostname,
          port,
          path: `${pathname}/user/spaces`,
          headers: { ...tokenHeader(ADMIN), ...JSON_TYPE, 'content-length': Buffer.byteLength(SPACE) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write(SPACE.slice(0, 10));
      setTimeout(() => req.end(SPACE.slice(10)), 200);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close();
    assert.equal(await inFlight, 201);
    await closed;
    await server.close();
    await assert.rejects(fetch(`${server.url}/user/spaces`, { method: 'POST' }));
  });
});

describe('CLIs', () => {
  test('npm run serve: --port, request log, SIGTERM stops it cleanly', async () => {
    const port = await freePort();
    const cli = runCli('src/cli/serve.ts', ['--port', String(port), '--spec', SEED_SPEC]);
    await cli.waitFor(/serving .* at http:\/\/127\.0\.0\.1:\d+\/api\/v3\/onezone/);
    const res = await send(`http://127.0.0.1:${port}/api/v3/onezone/user/spaces`, {
      method: 'POST',
      headers: { ...basicHeader(ADMIN), ...JSON_TYPE },
      body: SPACE,
    });
    assert.equal(res.status, 201);
    await cli.waitFor(/POST \/api\/v3\/onezone\/user\/spaces 201 /);
    cli.child.kill('SIGTERM');
    assert.equal(await cli.exit, 0);
    assert.match(cli.output(), /SIGTERM[^\n]*\n(.*\n)*stopped/);
  });

  test('npm run serve rejects a bad --port', async () => {
    const cli = runCli('src/cli/serve.ts', ['--port', 'eighty']);
    assert.equal(await cli.exit, 2);
    assert.match(cli.output(), /^serve: --port must be a port number \(0-65535\), got 'eighty'\nusage: npm run serve/);
  });

  test('npm run mock: Prism on --port, stopped with the CLI on SIGTERM', async () => {
    const port = await freePort();
    const cli = runCli('src/cli/mock.ts', ['--port', String(port)]);
    await cli.waitFor(/mocking .* with Prism at http:\/\/127\.0\.0\.1:\d+/);
    const res = await send(`http://127.0.0.1:${port}/spaces/abc/users/token`, {
      method: 'POST',
      headers: basicHeader(ADMIN),
    });
    assert.equal(res.status, 200);
    cli.child.kill('SIGTERM');
    assert.equal(await cli.exit, 0);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/spaces/abc/users/token`, { method: 'POST' }), 'Prism is gone');
  });
});

describe('users file', () => {
  test('the admin holds every oz_* privilege the seed and the full-corpus spec name; joe holds none', () => {
    for (const specPath of [SEED_SPEC, buildCorpusSpecFile().file]) {
      const ozPrivileges = [...loadSpec(specPath).privileges].filter((name) => name.startsWith('oz_'));
      assert.ok(ozPrivileges.length > 0);
      assert.deepEqual(
        ozPrivileges.filter((name) => !ADMIN.privileges.includes(name)),
        [],
        specPath,
      );
    }
    assert.deepEqual(JOE.privileges, []);
  });

  test('a broken users file is refused with a message naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'users-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const cases: [unknown, RegExp][] = [
      [{ users: [{ username: 'a', token: 't' }] }, /must have required property 'password'/],
      [
        {
          users: [
            { username: 'a', password: 'p', token: 't' },
            { username: 'b', password: 'p', token: 't' },
          ],
        },
        /duplicate token t/,
      ],
      [
        { users: [{ username: 'a', password: 'p', token: 't' }], groups: [{ id: 'g', name: 'G', members: { b: [] } }] },
        /unknown user b/,
      ],
      [{ users: [{ username: 'a:b', password: 'p', token: 't' }] }, /must match pattern/],
    ];
    for (const [content, message] of cases) {
      const file = join(dir, 'users.yaml');
      writeFileSync(file, stringify(content));
      assert.throws(
        () => loadUsersFile(file),
        (error: unknown) => error instanceof UsersFileError && message.test(error.message),
      );
    }
  });
});

test('the base path is the path of servers[0].url', () => {
  assert.equal(
    basePathOf({
      servers: [{ url: 'https://{host}:8443/api/v3/onezone', variables: { host: { default: 'localhost' } } }],
    }),
    '/api/v3/onezone',
  );
  assert.equal(basePathOf({ servers: [{ url: '/api/' }] }), '/api');
  assert.equal(basePathOf({ servers: [{ url: 'http://example.org' }] }), '');
  assert.equal(basePathOf({}), '');
});

// ---------------------------------------------------------------------------------------------------------------

/** The body the one stub rule gives an operation of the seed spec. */
function seedStub(operationId: string): unknown {
  const { document } = loadSpec(SEED_SPEC);
  const operation = Object.values(document.paths)
    .flatMap((item) => Object.values(item))
    .find((op) => op.operationId === operationId)!;
  return stubReply(operation, document)().body;
}

function chunkedPost(url: string, chunks: string[]): Promise<SeenResponse> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method: 'POST',
        hostname,
        port,
        path: pathname,
        headers: { ...tokenHeader(ADMIN), ...JSON_TYPE, 'transfer-encoding': 'chunked' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

async function rawSocket(host: string, port: number, payload: string): Promise<string> {
  const { connect } = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = connect(port, host, () => socket.end(payload));
    let reply = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (reply += chunk));
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
  });
}

interface CliRun {
  child: ChildProcessWithoutNullStreams;
  exit: Promise<number | null>;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Runs a CLI under node + tsx directly (no npm/npx in between, so signals reach it). */
function runCli(script: string, args: string[]): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return {
    child,
    exit,
    output: () => output,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
  };
}
