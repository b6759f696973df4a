// Faults against the API server (issue 15): what any client, unprivileged joe included, can send must not grow
// the server's memory without bound or hold its connections, and every refusal is an answer in the API's Error
// shape. Bounded state: floods of 1 MB names (RSS of a child server, from /proc/<pid>/status), a full byte
// budget (507), per-user quotas (429), a token flood with a short TTL (tokens expire and are forgotten). HTTP:
// a slowloris and a slow body get a 408 within the timeouts, a request without Host a 400, `Expect: bogus` a
// 417, a 401 its WWW-Authenticate. CORS for the documentation portal: preflights and response headers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../src/paths.ts';
import { startServer, type RunningServer } from '../src/server/index.ts';
import { specPathOf } from '../src/server/spec.ts';
import { SEED_SPEC } from './helpers/corpus.ts';
import { closeRawAgent, rawExchange } from './helpers/raw-http.ts';
import { ADMIN, JOE, JOE_GROUP, tokenHeader } from './helpers/server-fixtures.ts';
import { SpecChecker } from './helpers/spec-check.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const MiB = 1024 * 1024;

let seedChecker: SpecChecker;
before(async () => {
  seedChecker = await SpecChecker.load(SEED_SPEC);
});
after(() => closeRawAgent());

interface Seen {
  status: number;
  headers: Headers;
  text: string;
}

async function send(url: string, init: RequestInit = {}): Promise<Seen> {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const createSpace = (base: string, name: unknown, user = JOE) =>
  send(`${base}/user/spaces`, {
    method: 'POST',
    headers: { ...tokenHeader(user), ...JSON_TYPE },
    body: JSON.stringify({ name }),
  });

const issueToken = (base: string, spaceId: string, user = ADMIN) =>
  send(`${base}/spaces/${spaceId}/users/token`, { method: 'POST', headers: tokenHeader(user) });

const joinSpace = (base: string, token: string, user = JOE) =>
  send(`${base}/user/spaces/join`, {
    method: 'POST',
    headers: { ...tokenHeader(user), ...JSON_TYPE },
    body: JSON.stringify({ token }),
  });

/** `count` calls of `call`, `concurrency` at a time; the responses in order. */
async function flood(count: number, concurrency: number, call: (i: number) => Promise<Seen>): Promise<Seen[]> {
  const seen: Seen[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        seen[i] = await call(i);
      }
    }),
  );
  return seen;
}

const tally = (seen: Seen[]) =>
  seen.reduce<Record<number, number>>((counts, s) => {
    counts[s.status] = (counts[s.status] ?? 0) + 1;
    return counts;
  }, {});

const errorId = (seen: Seen) => (JSON.parse(seen.text) as { error: { id: string } }).error.id;

// ---------------------------------------------------------------------------------------------------------------
// A server in a child process, for its RSS

/** The child: startServer() from `root` with `options`, printing its Onezone URL. Any startServer() takes it. */
const CHILD = `
const { startServer } = await import(process.env.SERVER_MODULE);
const server = await startServer({ port: 0, log: false, ...JSON.parse(process.env.SERVER_OPTIONS) });
process.stdout.write('listening ' + server.url + '\\n');
`;

interface Child {
  process: ChildProcessWithoutNullStreams;
  url: string;
  /** VmRSS of the server process, in bytes. */
  rss(): number;
  output(): string;
  /** Rethrows a request's failure with the end of the server's output (a crash says why there). */
  failed(error: unknown): never;
  stop(): Promise<void>;
}

async function startChild(options: object, maxOldSpaceMiB: number): Promise<Child> {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${maxOldSpaceMiB}`, '--import', 'tsx', '--input-type=module', '-e', CHILD],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        SERVER_MODULE: pathToFileURL(join(PROJECT_ROOT, 'src', 'server', 'index.ts')).href,
        SERVER_OPTIONS: JSON.stringify(options),
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the child server did not start:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const found = /listening (\S+)/.exec(output);
      if (!found) return;
      clearTimeout(timer);
      resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the child server exited (${code}):\n${output}`)));
  });
  return {
    process: child,
    url,
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    output: () => output,
    failed: (error) => {
      const fatal = output.indexOf('FATAL ERROR');
      const why = fatal >= 0 ? output.slice(fatal, fatal + 300) : output.slice(-600);
      throw new Error(`${String(error)}; the server (exit ${child.exitCode ?? child.signalCode}):\n${why}`);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('bounded state: floods against a child server (small budget, --max-old-space-size)', () => {
  const BUDGET = 4 * MiB;
  /** What RSS may grow by beyond the budget: heap growth for the 1 MB bodies in flight, allocator slack. */
  const SLACK = 48 * MiB;
  let child: Child;
  let checker: SpecChecker;
  let baseline: number;
  before(async () => {
    checker = await SpecChecker.load(specPathOf('onezone'));
    child = await startChild(
      { specPath: specPathOf('onezone'), state: { budgetBytes: BUDGET, spacesPerUser: 1_000_000 } },
      128,
    );
    // Warm up: the code paths of the requests below, with bodies of each size.
    await flood(20, 4, () => createSpace(child.url, 'x'.repeat(1000))).catch(child.failed);
    await flood(4, 4, () => createSpace(child.url, 'x'.repeat(1_000_000))).catch(child.failed);
    baseline = child.rss();
  });
  after(() => child?.stop());

  test('200 space names of 1 MB from joe: each one a 413 in the Error shape, RSS stays bounded', async (t) => {
    const seen = await flood(200, 4, () => createSpace(child.url, 'x'.repeat(1_000_000))).catch(child.failed);
    const grown = child.rss() - baseline;
    assert.deepEqual(tally(seen), { 413: 200 }, child.output());
    // The corpus Onezone Error is {error: <description>}.
    assert.match(JSON.parse(seen[0]!.text).error, /names are at most 1024 bytes/);
    assert.deepEqual(checker.errorProblems(seen[0]!), []);
    assert.ok(grown < BUDGET + SLACK, `RSS grew by ${(grown / MiB).toFixed(1)} MiB (budget ${BUDGET / MiB} MiB)`);
    t.diagnostic(`1 MB names: RSS ${(baseline / MiB).toFixed(0)} → ${(child.rss() / MiB).toFixed(0)} MiB`);
  });

  test('1000-byte names until the budget is full: 507 in the Error shape, RSS within the budget', async (t) => {
    const seen = await flood(3000, 4, () => createSpace(child.url, 'y'.repeat(1000))).catch(child.failed);
    const counts = tally(seen);
    assert.deepEqual(Object.keys(counts), ['201', '507'], JSON.stringify(counts));
    // Each space is charged ~3 KB: the 4 MiB budget holds some 1300 of them.
    assert.ok(counts[201]! > 500 && counts[201]! < 2000, JSON.stringify(counts));
    const full = seen.find((s) => s.status === 507)!;
    assert.match(JSON.parse(full.text).error, /in-memory state is full/);
    assert.deepEqual(checker.errorProblems(full), []);
    // Full, the server still answers what does not store anything.
    const stub = await send(`${child.url}/user`, { headers: tokenHeader(JOE) });
    assert.equal(stub.status, 200);
    const grown = child.rss() - baseline;
    assert.ok(grown < BUDGET + SLACK, `RSS grew by ${(grown / MiB).toFixed(1)} MiB (budget ${BUDGET / MiB} MiB)`);
    t.diagnostic(`budget full after ${counts[201]} spaces: RSS ${(child.rss() / MiB).toFixed(0)} MiB`);
  });
});

describe('bounded state: limits, quotas and token expiry (in process)', () => {
  test('space names: 1024 bytes (UTF-8) are kept, 1025 are a 413 naming `name`', async () => {
    const server = await startServer({ port: 0, specPath: SEED_SPEC, log: false });
    try {
      assert.equal((await createSpace(server.url, 'x'.repeat(1024))).status, 201);
      for (const name of ['x'.repeat(1025), '€'.repeat(342)]) {
        const res = await createSpace(server.url, name);
        assert.equal(res.status, 413);
        assert.deepEqual(JSON.parse(res.text).error.details, { key: 'name' });
        assert.deepEqual(seedChecker.errorProblems(res), []);
      }
    } finally {
      await server.close();
    }
  });

  test('per-user quotas: joe past his spaces or tokens gets a 429, the admin is not held back', async () => {
    const server = await startServer({
      port: 0,
      specPath: SEED_SPEC,
      log: false,
      state: { spacesPerUser: 3, tokensPerUser: 5 },
    });
    try {
      const spaces = await flood(4, 1, () => createSpace(server.url, 'mine'));
      assert.deepEqual(
        spaces.map((s) => s.status),
        [201, 201, 201, 429],
      );
      assert.equal(errorId(spaces[3]!), 'quotaExceeded');
      assert.deepEqual(seedChecker.errorProblems(spaces[3]!), []);
      const theirs = await createSpace(server.url, 'theirs', ADMIN);
      assert.equal(theirs.status, 201);
      const spaceId = spaces[0]!.headers.get('location')!.split('/').pop()!;
      const tokens = await flood(6, 1, () => issueToken(server.url, spaceId, JOE));
      assert.deepEqual(
        tokens.map((s) => s.status),
        [200, 200, 200, 200, 200, 429],
      );
      assert.deepEqual(seedChecker.errorProblems(tokens[5]!), []);
      // Spending a token does not give it back: it is remembered (as spent) until it expires.
      assert.equal((await joinSpace(server.url, JSON.parse(tokens[0]!.text).token, ADMIN)).status, 201);
      assert.equal((await issueToken(server.url, spaceId, JOE)).status, 429);
      const adminSpace = theirs.headers.get('location')!.split('/').pop()!;
      assert.equal((await issueToken(server.url, adminSpace, ADMIN)).status, 200);
    } finally {
      await server.close();
    }
  });

  test('a byte budget shared by the APIs: full is a 507 in each API’s Error shape, deleting frees room', async () => {
    const server = await startServer({ port: 0, log: false, state: { budgetBytes: 64 * 1024 } });
    try {
      const luma = server.urls.luma!;
      const admin = { ...tokenHeader(ADMIN), ...JSON_TYPE };
      const details = JSON.stringify({ name: 'n'.repeat(4000) });
      const added = await flood(8, 1, () =>
        send(`${luma}/admin/users`, { method: 'POST', headers: admin, body: details }),
      );
      const statuses = added.map((s) => s.status);
      assert.ok(statuses.includes(201) && statuses.at(-1) === 507, statuses.join(' '));
      const full = added.at(-1)!;
      assert.equal(JSON.parse(full.text).error, 'insufficientStorage', full.text);
      // The room left is less than a small user's: filled up with those, whatever else the budget holds.
      const small = await flood(200, 1, () =>
        send(`${luma}/admin/users`, { method: 'POST', headers: admin, body: '{"name":"n"}' }),
      );
      assert.equal(small.at(-1)!.status, 507);
      // Onezone shares the budget: it is full there too.
      assert.equal((await createSpace(server.urls.onezone!, 'x'.repeat(1000))).status, 507);
      const lid = added[0]!.headers.get('location')!.split('/').pop();
      assert.equal((await send(`${luma}/admin/users/${lid}`, { method: 'DELETE', headers: admin })).status, 204);
      assert.equal(
        (await send(`${luma}/admin/users`, { method: 'POST', headers: admin, body: details })).status,
        201,
        'room again once a user is deleted',
      );
      assert.ok(server.usage().bytes <= server.usage().budget);
    } finally {
      await server.close();
    }
  });

  test('a token flood with a short TTL: tokens expire and are forgotten; an expired token is a 400', async () => {
    const TTL = 1500;
    const server = await startServer({
      port: 0,
      specPath: SEED_SPEC,
      log: false,
      state: { tokenTtlMs: TTL, tokensPerUser: 1_000_000 },
    });
    try {
      const spaceId = (await createSpace(server.url, 'flooded', ADMIN)).headers.get('location')!.split('/').pop()!;
      const empty = server.usage();
      const issued = await flood(2000, 16, () => issueToken(server.url, spaceId));
      assert.deepEqual(tally(issued), { 200: 2000 });
      const during = server.usage();
      assert.ok(during.inviteTokens > 0 && during.bytes > empty.bytes, JSON.stringify(during));
      const [spent, unspent] = [issued[1998]!, issued[1999]!].map((s) => JSON.parse(s.text).token as string);
      assert.equal((await joinSpace(server.url, spent!)).status, 201);
      const reused = await joinSpace(server.url, spent!, ADMIN);
      assert.equal(reused.status, 400);
      assert.match(reused.text, /already been used/);
      await new Promise((resolve) => setTimeout(resolve, TTL + 200));
      // Expired tokens are forgotten on the next issue or join (no timer needed).
      for (const token of [unspent!, spent!]) {
        const late = await joinSpace(server.url, token, ADMIN);
        assert.equal(late.status, 400);
        assert.match(late.text, /not issued by this Onezone, or it has expired/);
        assert.deepEqual(seedChecker.errorProblems(late), []);
      }
      const after = server.usage();
      assert.equal(after.inviteTokens, 0, 'spent and unspent tokens are all forgotten');
      // What is left: the space and joe's membership.
      assert.ok(after.bytes - empty.bytes < 1024, `${after.bytes - empty.bytes} bytes left`);
      assert.equal((await issueToken(server.url, spaceId)).status, 200);
    } finally {
      await server.close();
    }
  });

  test('group invite tokens expire too (createUserGroupInviteToken → join_group)', async () => {
    const server = await startServer({ port: 0, log: false, state: { tokenTtlMs: 300 } });
    try {
      const base = server.urls.onezone!;
      const issued = await send(`${base}/groups/${JOE_GROUP}/users/token`, {
        method: 'POST',
        headers: { ...tokenHeader(JOE), ...JSON_TYPE },
        body: '{}',
      });
      assert.equal(issued.status, 200, issued.text);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const joined = await send(`${base}/user/groups/join`, {
        method: 'POST',
        headers: { ...tokenHeader(ADMIN), ...JSON_TYPE },
        body: JSON.stringify({ token: JSON.parse(issued.text).token }),
      });
      assert.equal(joined.status, 400);
      assert.equal(server.usage().inviteTokens, 0);
    } finally {
      await server.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('HTTP edges: timeouts, Host, Expect, WWW-Authenticate', () => {
  let server: RunningServer;
  const HEADERS_MS = 4000;
  const REQUEST_MS = 6000;
  /** node checks its timeouts every headers/10 ms (at most 1 s); scheduling adds a little. */
  const LATE_MS = 600;
  before(async () => {
    server = await startServer({
      port: 0,
      specPath: SEED_SPEC,
      log: false,
      timeouts: { headersMs: HEADERS_MS, requestMs: REQUEST_MS },
    });
  });
  after(() => server.close());

  const path = () => new URL(server.url).pathname;

  test('a slowloris (headers 1 byte every 2 s) is answered 408 in the Error shape and closed in the header timeout', async () => {
    const host = new URL(server.url).host;
    const res = await rawExchange(
      server.url,
      `POST ${path()}/user/spaces HTTP/1.1\r\nHost: ${host}\r\nX-Auth-Token: ${ADMIN.token}\r\n\r\n`,
      { bytesPerStep: 1, stepMs: 2000, timeoutMs: 20_000 },
    );
    assert.equal(res.status, 408, res.text);
    assert.equal(JSON.parse(res.text).error.id, 'requestTimeout');
    assert.deepEqual(seedChecker.errorProblems(res), []);
    assert.ok(res.closedAfterMs < HEADERS_MS + LATE_MS, `closed after ${res.closedAfterMs.toFixed(0)} ms`);
    assert.ok(res.closedAfterMs >= HEADERS_MS - 100, `closed after ${res.closedAfterMs.toFixed(0)} ms`);
  });

  test('a slow body, 1 byte every 2 s after the headers: 408 in the Error shape within the request timeout', async () => {
    const host = new URL(server.url).host;
    const head = `POST ${path()}/user/spaces HTTP/1.1\r\nHost: ${host}\r\nX-Auth-Token: ${ADMIN.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    const res = await rawExchange(server.url, `${head}${'x'.repeat(100)}`, {
      firstBytes: head.length,
      bytesPerStep: 1,
      stepMs: 2000,
      timeoutMs: 20_000,
    });
    assert.equal(res.status, 408, res.text);
    assert.deepEqual(seedChecker.errorProblems(res), []);
    assert.ok(res.closedAfterMs < REQUEST_MS + LATE_MS, `closed after ${res.closedAfterMs.toFixed(0)} ms`);
  });

  test('an HTTP/1.1 request without Host: 400 in the Error shape (node sends an empty one)', async () => {
    const res = await rawExchange(
      server.url,
      `POST ${path()}/user/spaces HTTP/1.1\r\nX-Auth-Token: ${ADMIN.token}\r\nContent-Length: 0\r\n\r\n`,
    );
    assert.equal(res.status, 400);
    assert.deepEqual(JSON.parse(res.text).error.details, { key: 'Host' });
    assert.deepEqual(seedChecker.errorProblems(res), []);
  });

  test('Expect: bogus: 417 in the Error shape (node sends an empty one); 100-continue still works', async () => {
    const host = new URL(server.url).host;
    const body = JSON.stringify({ name: 'expected' });
    const request = (expect: string) =>
      `POST ${path()}/user/spaces HTTP/1.1\r\nHost: ${host}\r\nX-Auth-Token: ${ADMIN.token}\r\nContent-Type: application/json\r\nExpect: ${expect}\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const bogus = await rawExchange(server.url, request('bogus'));
    assert.equal(bogus.status, 417);
    assert.deepEqual(JSON.parse(bogus.text).error.details, { key: 'Expect' });
    assert.deepEqual(seedChecker.errorProblems(bogus), []);
    const continued = await rawExchange(server.url, request('100-continue'));
    assert.match(continued.text, /HTTP\/1\.1 201 Created/);
  });

  test('401 carries WWW-Authenticate', async () => {
    const res = await send(`${server.url}/user/spaces`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
    assert.equal(res.status, 401);
    assert.ok(res.headers.get('www-authenticate'));
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('CORS for the documentation portal', () => {
  const PORTAL = 'http://127.0.0.1:8000';
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, log: false });
  });
  after(() => server.close());

  const preflight = (url: string, origin: string, method: string) =>
    send(url, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': method,
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });

  test('a preflight from the portal: 204 with the methods of the route and the headers the APIs take', async () => {
    for (const origin of [PORTAL, 'http://localhost:8000']) {
      const res = await preflight(`${server.urls.onepanel}/users/admin`, origin, 'PATCH');
      assert.equal(res.status, 204, res.text);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
      assert.deepEqual(res.headers.get('access-control-allow-methods')!.split(', ').sort(), [
        'DELETE',
        'GET',
        'HEAD',
        'PATCH',
      ]);
      assert.equal(res.headers.get('access-control-allow-headers'), 'Authorization, X-Auth-Token, Content-Type');
      assert.match(res.headers.get('vary') ?? '', /Origin/);
    }
    const onezone = await preflight(`${server.urls.onezone}/user/spaces`, PORTAL, 'POST');
    assert.equal(onezone.status, 204);
    assert.ok(onezone.headers.get('access-control-allow-methods')!.split(', ').includes('POST'));
  });

  test('responses to the portal carry Access-Control-Allow-Origin and expose Location and X-Stub, errors too', async () => {
    const created = await send(`${server.urls.onezone}/user/spaces`, {
      method: 'POST',
      headers: { Origin: PORTAL, ...tokenHeader(JOE), ...JSON_TYPE },
      body: JSON.stringify({ name: 'from the portal' }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('access-control-allow-origin'), PORTAL);
    assert.equal(created.headers.get('access-control-expose-headers'), 'Location, X-Stub');
    const unauthorized = await send(`${server.urls.onezone}/user/spaces`, {
      method: 'POST',
      headers: { Origin: PORTAL, ...JSON_TYPE },
      body: '{}',
    });
    assert.equal(unauthorized.status, 401);
    assert.equal(unauthorized.headers.get('access-control-allow-origin'), PORTAL);
  });

  test('another origin gets no CORS headers, and its preflight a 403 in the Error shape', async () => {
    const res = await send(`${server.urls.onezone}/user/spaces`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', ...tokenHeader(JOE), ...JSON_TYPE },
      body: '{}',
    });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    const denied = await preflight(`${server.urls.onezone}/user/spaces`, 'http://evil.example', 'POST');
    assert.equal(denied.status, 403);
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
    assert.ok(JSON.parse(denied.text).error);
    const nowhere = await preflight(`${server.urls.onezone}/no/such/path`, PORTAL, 'GET');
    assert.equal(nowhere.status, 404);
  });

  test("corsOrigins ['*']: any origin, never with credentials; [] turns CORS off", async () => {
    const any = await startServer({ port: 0, specPath: SEED_SPEC, log: false, corsOrigins: ['*'] });
    const none = await startServer({ port: 0, specPath: SEED_SPEC, log: false, corsOrigins: [] });
    try {
      const res = await preflight(`${any.url}/user/spaces`, 'http://anywhere.example:3000', 'POST');
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
      const off = await preflight(`${none.url}/user/spaces`, PORTAL, 'POST');
      assert.equal(off.status, 403);
      assert.equal(off.headers.get('access-control-allow-origin'), null);
      await assert.rejects(startServer({ port: 0, specPath: SEED_SPEC, log: false, corsOrigins: ['*', PORTAL] }));
    } finally {
      await Promise.all([any.close(), none.close()]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('npm run serve takes the bounds, timeouts and CORS origins', () => {
  test('--state-budget, --cors-origin, --token-ttl, --headers-timeout reach the server', async () => {
    const cli = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(PROJECT_ROOT, 'src', 'cli', 'serve.ts'),
        ...['--port', '0', '--spec', SEED_SPEC, '--state-budget', '100', '--cors-origin', '*'],
        ...['--token-ttl', '0.5', '--headers-timeout', '1', '--request-timeout', '2', '--keep-alive-timeout', '1'],
      ],
      { cwd: PROJECT_ROOT },
    );
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
        cli.once('exit', () => reject(new Error(`serve exited:\n${output}`)));
        cli.stdout.on('data', () => {
          const found = /onezone at (\S+)/.exec(output);
          if (!found) return;
          clearTimeout(timer);
          resolve(found[1]!);
        });
      });
      const res = await send(`${url}/user/spaces`, {
        method: 'POST',
        headers: { Origin: 'http://anywhere.example', ...tokenHeader(JOE), ...JSON_TYPE },
        body: JSON.stringify({ name: 'too much' }),
      });
      assert.equal(res.status, 507);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const idle = await rawExchange(url, '', { timeoutMs: 5000 });
      assert.equal(idle.status, 408);
      assert.ok(idle.closedAfterMs < 1000 + 600, `closed after ${idle.closedAfterMs.toFixed(0)} ms`);
    } finally {
      cli.kill('SIGTERM');
    }
    assert.equal(await exited, 0, output);
  });
});
