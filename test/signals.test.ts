// SIGTERM, SIGINT or SIGHUP to the npm process alone stops every process under it, and the ports they served close: npm
// forwards each to its script, which `exec`s node (package.json) so that no shell stands between them and the
// signal; a command whose parent is gone stops too (src/cli/lifecycle.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { PROJECT_ROOT } from '../src/paths.ts';
import { freePort } from './helpers/prism.ts';

/** Every live process below `root` (from /proc: pid → parent pid). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() === socket));
    socket.once('error', () => resolve(false));
  });

async function stopsWithNpm(
  script: string,
  args: string[],
  ready: RegExp,
  port: number,
  signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP',
): Promise<void> {
  const npm = spawn('npm', ['run', '--silent', script, '--', ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    npm.stdout.on('data', read);
    npm.stderr.on('data', read);
  });
  const under = descendants(npm.pid!);
  assert.ok(under.length >= 1, `npm runs node: ${under.join(', ')}`);
  assert.equal(await portOpen(port), true);
  npm.kill(signal);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && under.some(alive)) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(under.filter(alive), [], `every process under npm ${script} is gone within 10 s:\n${output}`);
  assert.equal(await portOpen(port), false, 'the port is closed');
}

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  test(`npm run mock: ${signal} to npm stops node and Prism within 10 s`, async () => {
    const port = await freePort();
    await stopsWithNpm('mock', ['--api', 'luma', '--port', String(port)], /mocking spec\/luma/, port, signal);
  });

  test(`npm start: ${signal} to npm stops the site and API servers within 10 s`, async () => {
    const [site, api] = [await freePort(), await freePort()];
    const args = ['--site-port', String(site), '--port', String(api)];
    await stopsWithNpm('start', args, /stops everything/, site, signal);
  });

  test(`npm run serve: ${signal} to npm stops the API server within 10 s`, async () => {
    const port = await freePort();
    await stopsWithNpm('serve', ['--port', String(port)], /serving .*Ctrl-C stops/, port, signal);
  });
}
