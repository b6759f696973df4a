// serve --release and mock --release: a release's specs, its privilege names, the APIs it lacks. Expected values
// are the docs' (spec/<api>/docs/<release>/operations/*.md).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { freePort } from '../helpers/prism.ts';

const docs = (api: string, release: string) => join(PROJECT_ROOT, 'spec', api, 'docs', release, 'operations');
const page = (api: string, release: string, name: string) => readFileSync(join(docs(api, release), name), 'utf8');
/** The `METHOD /path` line an operation page opens with. */
const endpointOf = (text: string) => /^```\n([A-Z]+) (\/\S*)\n```/m.exec(text)!.slice(1, 3) as [string, string];
const tokens = { alice: 'alice-token', carol: 'carol-token', bob: 'bob-token' };
const GROUP = 'release-group';

describe('serve --release 3.0.0-rc15: privileges as that release names them', () => {
  let dir: string;
  let rc15: RunningServer;
  let current: RunningServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'release-users-'));
    const users = join(dir, 'users.yaml');
    const user = (name: keyof typeof tokens) => ({ username: name, password: `${name}-pw`, token: tokens[name] });
    // alice's privilege is named as the default release (17.06.0-rc8) names it, carol's as 3.0.0-rc15 does.
    const members = { alice: ['group_delete'], carol: ['group_remove'], bob: ['group_view'] };
    const groups = [{ id: GROUP, name: 'g', members }];
    writeFileSync(users, stringify({ users: [user('alice'), user('carol'), user('bob')], groups }));
    [rc15, current] = await Promise.all([
      startServer({ port: 0, log: false, usersPath: users, release: '3.0.0-rc15' }),
      startServer({ port: 0, log: false, usersPath: users }),
    ]);
  });
  after(async () => {
    await Promise.all([rc15.close(), current.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const removeGroup = (server: RunningServer, who: keyof typeof tokens) =>
    fetch(`${server.urls.onezone}/groups/${GROUP}`, { method: 'DELETE', headers: { 'X-Auth-Token': tokens[who] } });

  test('the docs: DELETE /groups/{id} needs group_remove in 3.0.0-rc15, group_delete in 17.06.0-rc8', () => {
    const old = page('onezone', '3.0.0-rc15', 'remove_group.md');
    assert.deepEqual(endpointOf(old), ['DELETE', '/groups/{id}']);
    assert.match(old, /requires `group_remove` privilege/);
    const current = page('onezone', '17.06.0-rc8', 'remove_group.md');
    assert.deepEqual(endpointOf(current), ['DELETE', '/groups/{id}']);
    assert.match(current, /requires `group_delete` privilege/);
  });

  test('3.0.0-rc15: a member holding group_remove (named either way) gets 202, one without it 403', async () => {
    assert.equal((await removeGroup(rc15, 'carol')).status, 202);
    // group_delete is 17.06.0-rc8's name for it: the server renames it from the two specs.
    assert.equal((await removeGroup(rc15, 'alice')).status, 202);
    const refused = await removeGroup(rc15, 'bob');
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /group_remove/);
  });

  test('the default release asks for group_delete: carol, holding only 3.0.0-rc15’s name, gets 403', async () => {
    assert.equal((await removeGroup(current, 'alice')).status, 202);
    const refused = await removeGroup(current, 'carol');
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /group_delete/);
  });
});

describe('serve --release 18.02.0-beta1: no Onezone, LUMA’s 17 operations', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, log: false, release: '18.02.0-beta1' });
  });
  after(() => server.close());

  test('three APIs are served; under Onezone’s base path a 404 says the release has no Onezone spec', async () => {
    assert.deepEqual(Object.keys(server.urls), ['onepanel', 'oneprovider', 'luma']);
    const res = await fetch(server.urls.onepanel!.replace('/onepanel', '/onezone/user'));
    assert.equal(res.status, 404);
    assert.match(await res.text(), /onezone has no 18\.02\.0-beta1 spec: the upstream pages .* half-migrated/);
  });

  test('each of the 17 LUMA operation pages is routed (a CORS preflight lists its method)', async () => {
    const pages = readdirSync(docs('luma', '18.02.0-beta1'));
    assert.equal(pages.length, 17);
    for (const name of pages) {
      const [method, path] = endpointOf(page('luma', '18.02.0-beta1', name));
      const url = `${server.urls.luma}${path.replace(/\{[^}]+\}/g, '1')}`;
      const headers = { Origin: 'http://127.0.0.1:8000', 'Access-Control-Request-Method': method };
      const res = await fetch(url, { method: 'OPTIONS', headers });
      assert.equal(res.status, 204, `${method} ${path}`);
      assert.ok(res.headers.get('access-control-allow-methods')?.split(', ').includes(method), `${method} ${path}`);
    }
  });
});

describe('an unknown release', () => {
  test('startServer refuses it, naming the known releases', async () => {
    await assert.rejects(
      startServer({ port: 0, log: false, release: '19.02' }),
      /^Error: unknown release '19\.02' \(known releases: 3\.0\.0-rc15, 17\.06\.0-rc8, 18\.02\.0-beta1\)$/,
    );
  });

  for (const command of ['serve', 'mock']) {
    test(`${command} --release 19.02 exits 2 with one line naming the known releases`, () => {
      const cli = join(PROJECT_ROOT, 'src', 'cli', `${command}.ts`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', cli, '--release', '19.02'], { encoding: 'utf8' });
      assert.equal(run.status, 2);
      assert.equal(
        run.stderr.split('\n')[0],
        `${command}: --release: unknown release '19.02' (known releases: 3.0.0-rc15, 17.06.0-rc8, 18.02.0-beta1)`,
      );
    });
  }

  test('mock --api onezone --release 18.02.0-beta1 exits 2: the release has no Onezone docs', () => {
    const cli = join(PROJECT_ROOT, 'src', 'cli', 'mock.ts');
    const args = ['--import', 'tsx', cli, '--api', 'onezone', '--release', '18.02.0-beta1'];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr.split('\n')[0]!, /^mock: onezone has no 18\.02\.0-beta1 spec: /);
  });
});

describe('mock --api onepanel --release 3.0.0-rc15', () => {
  test('Prism mocks that release: GET /provider/storages/{name} answers 200, GET /session (17.06) 404', async () => {
    const text = page('onepanel', '3.0.0-rc15', 'get_storage_details.md');
    assert.deepEqual(endpointOf(text), ['GET', '/provider/storages/{name}']);
    assert.match(text, /\|\*\*200\*\*\|The details of a selected storage\|/);
    // GET /session is documented by 17.06.0-rc8 (get_session.md), not by 3.0.0-rc15.
    assert.deepEqual(endpointOf(page('onepanel', '17.06.0-rc8', 'get_session.md')), ['GET', '/session']);
    assert.ok(!readdirSync(docs('onepanel', '3.0.0-rc15')).includes('get_session.md'));

    const port = await freePort();
    const running = await runUntilReady('mock', [
      '--api',
      'onepanel',
      '--release',
      '3.0.0-rc15',
      '--port',
      String(port),
    ]);
    try {
      const { output } = running;
      assert.match(output, /mocking spec\/onepanel\/releases\/3\.0\.0-rc15\/openapi\.yaml with Prism/);
      const auth = { Authorization: `Basic ${Buffer.from('admin:password').toString('base64')}` };
      const res = await fetch(`http://127.0.0.1:${port}/provider/storages/posix`, { headers: auth });
      assert.equal(res.status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${port}/session`, { headers: auth })).status, 404);
    } finally {
      await running.stop();
    }
  });
});

describe('npm start -- --release 3.0.0-rc15 --mock', () => {
  test('the server and the mocks answer as 3.0.0-rc15: GET /provider/storages/posix 200, GET /session 404', async () => {
    // As the mock test above reads from the docs: 3.0.0-rc15 documents GET /provider/storages/{name} with a 200, and
    // GET /session only from 17.06.0-rc8 (the default release) on.
    assert.ok(!readdirSync(docs('onepanel', '3.0.0-rc15')).includes('get_session.md'));
    const [sitePort, apiPort, mockBase] = [await freePort(), await freePort(), await freePort()];
    const args = ['--release', '3.0.0-rc15', '--mock', '--mock-port', String(mockBase)];
    args.push('--site-port', String(sitePort), '--port', String(apiPort));
    const running = await runUntilReady('start', args);
    try {
      const { output } = running;
      const mockLine = /^mock {4}(http:\/\/127\.0\.0\.1:\d+) \(onepanel, 3\.0\.0-rc15: Prism/m.exec(output);
      assert.ok(mockLine, output);
      const serverLine = /^server {2}(http:\/\/127\.0\.0\.1:\d+\S*) \(onepanel, 3\.0\.0-rc15\)$/m.exec(output);
      assert.ok(serverLine, output);
      const auth = { Authorization: `Basic ${Buffer.from('admin:password').toString('base64')}` };
      for (const base of [serverLine[1], mockLine[1]]) {
        for (const [path, status] of [
          ['/provider/storages/posix', 200],
          ['/session', 404],
        ] as const) {
          const res = await fetch(`${base}${path}`, { headers: auth });
          await res.arrayBuffer();
          assert.equal(res.status, status, `${base}${path}`);
        }
      }
    } finally {
      await running.stop();
    }
  });
});

/** Runs src/cli/<command>.ts until it prints "Ctrl-C stops"; `stop()` sends SIGTERM and waits for the exit. */
async function runUntilReady(command: string, args: string[]): Promise<{ output: string; stop(): Promise<void> }> {
  const cli = join(PROJECT_ROOT, 'src', 'cli', `${command}.ts`);
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl-C stops')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => reject(new Error(`${command} exited:\n${output}`)));
  });
  return { output, stop };
}
