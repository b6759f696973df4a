// startMock(): Prism in a child process through its Node API, readiness and failures reported over IPC.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { startMock } from '../../src/mock/prism.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { freePort } from '../helpers/prism.ts';

const LUMA_SPEC = join(PROJECT_ROOT, 'spec', 'luma', 'openapi.yaml');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  for (const end = Date.now() + withinMs; Date.now() < end; ) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

test('a file Prism cannot read as a spec rejects with a message naming it', async () => {
  await assert.rejects(startMock({ port: await freePort(), specPath: join(PROJECT_ROOT, 'package.json') }), {
    message: /^Prism cannot mock .*package\.json: /,
  });
});

test('a port already in use rejects naming EADDRINUSE', async () => {
  const blocker = createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  try {
    await assert.rejects(startMock({ port, specPath: LUMA_SPEC }), { message: /EADDRINUSE/ });
  } finally {
    blocker.close();
  }
});

test('CORS headers by default, none with cors: false; LUMA without a token answers 401', async () => {
  for (const cors of [true, false]) {
    const mock = await startMock({ port: await freePort(), specPath: LUMA_SPEC, cors });
    try {
      const res = await fetch(`${mock.url}/admin/users/1`, { headers: { origin: 'http://127.0.0.1:8000' } });
      await res.arrayBuffer();
      assert.equal(res.status, 401);
      assert.equal(res.headers.has('access-control-allow-origin'), cors);
    } finally {
      await mock.stop();
    }
    assert.equal(alive(mock.pid), false);
  }
});

test('Prism exits when the process that started it is killed (SIGKILL: no handler runs)', async () => {
  const script = `import { startMock } from './src/mock/prism.ts';
const mock = await startMock({ port: ${await freePort()}, specPath: ${JSON.stringify(LUMA_SPEC)} });
console.log(mock.pid);
setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = await new Promise<number>((resolve, reject) => {
    parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    parent.once('exit', (code) => reject(new Error(`parent exited with ${code}`)));
  });
  assert.ok(alive(pid));
  parent.kill('SIGKILL');
  assert.equal(await gone(pid, 10_000), true, `Prism (pid ${pid}) outlived its parent`);
});
