// npm run bench:serve [-- --duration 5 --connections 10]: autocannon against three servers in one run, each
// in its own process on a 127.0.0.1 free port: our server and Prism's mock on the same authenticated
// POST /spaces/{id}/users/token (a space created first), and bare node:http answering a fixed body. Ours and
// bare get `duration` seconds each in slices of about a second, taking turns (bare ours, ours bare, …), so a
// busier stretch of the machine does not land on one of them only; Prism comes last, on its own (its log output
// keeps it busy for a while after a run). Prints req/s, p99 latency and the ratios ours/Prism and ours/bare; everything is stopped at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/paths.ts';
import { startMock } from '../src/mock/prism.ts';
import { loadUsersFile } from '../src/server/accounts.ts';
import { specPathOf } from '../src/server/spec.ts';
import { parseCommand, positiveNumber } from '../src/cli/args.ts';

const { values } = parseCommand({
  name: 'bench:serve',
  usage: 'usage: npm run bench:serve -- [--duration 5] [--connections 10]',
  summary: 'autocannon against our server, Prism and bare node:http, in one run; prints req/s, p99 and ratios.',
  options: {
    duration: {
      type: 'string',
      value: 'seconds',
      default: '5',
      parse: positiveNumber({ integer: false }),
      help: 'measuring time per server',
    },
    connections: {
      type: 'string',
      value: 'n',
      default: '10',
      parse: positiveNumber({ integer: true }),
      help: 'concurrent connections',
    },
  },
});
const DURATION_S = values.duration;
const CONNECTIONS = values.connections;
const WARMUP_S = 1;
const TARGETS = { prism: 25, bare: 0.4 };

const admin = loadUsersFile().users.find((u) => u.privileges.includes('oz_groups_add_relationships'))!;
const auth = { 'x-auth-token': admin.token };

interface Measured {
  name: string;
  reqPerSec: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A TypeScript entry point in its own node process, its output discarded (our request log included). */
function spawnScript(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    stdio: 'ignore',
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function waitUntilAnswering(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

function run(target: Target, duration: number): Promise<autocannon.Result> {
  return autocannon({ url: target.url, method: 'POST', headers: target.headers, connections: CONNECTIONS, duration });
}

/**
 * Warms every target up, then runs each for DURATION_S in one-second slices, taking turns and reversing the
 * order every round (A B, B A, …): this VM's speed drifts from second to second, and each target gets its share
 * of every fast and slow moment.
 */
async function measureInTurns(targets: Target[]): Promise<Measured[]> {
  for (const target of targets) await run(target, WARMUP_S);
  const slices = new Map<Target, autocannon.Result[]>(targets.map((t) => [t, []]));
  const rounds = Math.max(2, Math.round(DURATION_S));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) slices.get(target)!.push(await run(target, DURATION_S / rounds));
  }
  return targets.map((target) => {
    const results = slices.get(target)!;
    return {
      name: target.name,
      reqPerSec: results.reduce((n, r) => n + r.requests.total, 0) / results.reduce((s, r) => s + r.duration, 0),
      p99Ms: Math.max(...results.map((r) => r.latency.p99)),
      non2xx: results.reduce((n, r) => n + r.non2xx, 0),
      errors: results.reduce((n, r) => n + r.errors, 0),
    };
  });
}

const children: ChildProcess[] = [];
const stops: (() => Promise<void>)[] = [];
try {
  const barePort = await freePort();
  const bare = spawnScript('bench/bare-server.ts', [String(barePort)]);
  children.push(bare);
  const barePath = `http://127.0.0.1:${barePort}/`;
  await waitUntilAnswering(barePath);

  const oursPort = await freePort();
  // The Onezone spec alone, the one Prism mocks below (npm run serve serves all four APIs by default). Every
  // request stores a token (~256 B of the 64 MiB state budget, 24 h TTL): the admin's per-user token quota
  // (10 000 by default) is lifted, the budget holds the ~100k tokens of a run at ~10k req/s.
  children.push(
    spawnScript('src/cli/serve.ts', [
      ...['--port', String(oursPort), '--spec', specPathOf('onezone')],
      ...['--tokens-per-user', String(10_000_000)],
    ]),
  );
  const oursBase = `http://127.0.0.1:${oursPort}/api/v3/onezone`;
  await waitUntilAnswering(oursBase);
  const created = await fetch(`${oursBase}/user/spaces`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', token: 'unused', size: 1 }),
  });
  const spaceId = created.headers.get('location')?.split('/').pop();
  if (created.status !== 201 || !spaceId) throw new Error(`could not create the bench space: ${created.status}`);
  const path = `/spaces/${spaceId}/users/token`;
  const check = await fetch(`${oursBase}${path}`, { method: 'POST', headers: auth });
  if (check.status !== 200) throw new Error(`${path} answers ${check.status}, not 200`);

  const prism = await startMock({ port: await freePort(), specPath: specPathOf('onezone') });
  stops.push(prism.stop);

  const results = [
    ...(await measureInTurns([
      { name: 'bare node:http', url: barePath, headers: {} },
      { name: 'our server', url: `${oursBase}${path}`, headers: auth },
    ])),
    ...(await measureInTurns([{ name: 'Prism 5.14 mock', url: `${prism.url}${path}`, headers: auth }])),
  ];
  const [bareResult, ours, prismResult] = results as [Measured, Measured, Measured];

  console.log(
    `POST /spaces/{id}/users/token, ${CONNECTIONS} connections, ${DURATION_S} s each (after ${WARMUP_S} s warm-up); p99: the worst slice\n`,
  );
  console.log(
    `${'server'.padEnd(18)}${'req/s'.padStart(10)}${'p99 ms'.padStart(9)}${'non-2xx'.padStart(9)}${'errors'.padStart(8)}`,
  );
  for (const r of results)
    console.log(
      `${r.name.padEnd(18)}${r.reqPerSec.toFixed(0).padStart(10)}${r.p99Ms.toFixed(0).padStart(9)}${String(r.non2xx).padStart(9)}${String(r.errors).padStart(8)}`,
    );
  const vsPrism = ours.reqPerSec / prismResult.reqPerSec;
  const vsBare = ours.reqPerSec / bareResult.reqPerSec;
  console.log(
    `\nours / Prism: ${vsPrism.toFixed(1)}×  (target ≥ ${TARGETS.prism}×: ${vsPrism >= TARGETS.prism ? 'met' : 'MISSED'})`,
  );
  console.log(
    `ours / bare:  ${(vsBare * 100).toFixed(0)} %  (target ≥ ${TARGETS.bare * 100} %: ${vsBare >= TARGETS.bare ? 'met' : 'MISSED'})`,
  );
  // No node:http server outruns the bare one: this is the most "ours / Prism" can be on this machine.
  console.log(
    `bare / Prism: ${(bareResult.reqPerSec / prismResult.reqPerSec).toFixed(1)}×  (the ceiling for ours / Prism here)`,
  );
  if (ours.non2xx || ours.errors) {
    console.error(`our server answered ${ours.non2xx} non-2xx and had ${ours.errors} errors`);
    process.exitCode = 1;
  }
} finally {
  await Promise.all([...stops.map((stop) => stop()), ...children.map(stopChild)]);
}
