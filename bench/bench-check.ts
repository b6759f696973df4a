// npm run bench:check: every API and release in a scratch copy of the project with a fresh cache: the wall time of
// a cold `sync`, a no-op `check` (cold, then warm), `changes` on the two Onezone specs, and, in the same run, the
// stock CLIs on the four default-release specs (redocly lint, openapi-typescript, redocly build-docs) as the
// baseline. The scratch folder is removed at the end.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCommand } from '../src/cli/args.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { apiNames } from '../src/sync/inputs.ts';

parseCommand({
  name: 'bench:check',
  usage: 'usage: npm run bench:check',
  summary: 'Times a cold sync and a no-op check of the four APIs, against the stock CLIs on the same specs.',
  options: {},
});

const root = mkdtempSync(join(tmpdir(), 'bench-check-'));
const cleanUp = () => rmSync(root, { recursive: true, force: true });
process.once('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
try {
  // The project's inputs only: sync makes the rest, with a fresh cache, as on a new clone.
  for (const entry of ['spec', 'tsconfig.json', 'package-lock.json', 'redocly.yaml', 'biome.jsonc'])
    cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  for (const api of apiNames(root)) {
    const releases = join(root, 'spec', api, 'releases');
    const dirs = [join(root, 'spec', api), ...readdirSync(releases).map((release) => join(releases, release))];
    for (const dir of dirs)
      for (const file of ['openapi.yaml', 'REPORT.md', 'report.json']) rmSync(join(dir, file), { force: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  process.env.ONEDATA_OPENAPI_CACHE_DIR = join(root, '.cache');
  const specs = apiNames(root).map((api) => join(root, 'spec', api, 'openapi.yaml'));
  const node = (script: string, ...args: string[]): [string, string[]] => [
    process.execPath,
    [join(PROJECT_ROOT, script), ...args],
  ];
  const tsx = (script: string, ...args: string[]): [string, string[]] => [
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, script), ...args],
  ];

  console.log(`scratch project: ${root} (${specs.length} APIs)\n`);
  const sync = timed(
    'sync, cold cache (docs → every spec → generated, site)',
    ...tsx('src/cli/sync.ts', '--root', root, '--quiet'),
  );
  const builds = (JSON.parse(readFileSync(join(root, 'spec', 'releases.json'), 'utf8')) as { releases: unknown[] })
    .releases.length;
  const checkCold = timed('check, no-op, cold cache (lint, tsc run)', ...tsx('src/cli/check.ts', '--root', root));
  const checkWarm = timed('check, no-op, warm cache', ...tsx('src/cli/check.ts', '--root', root));
  const onezone = ['releases/3.0.0-rc15/openapi.yaml', 'openapi.yaml'].map((f) => join(root, 'spec', 'onezone', f));
  const changes = node('src/cli/bundled.mjs', 'changes', ...onezone, '--format', 'json');
  timed('changes, first run (builds its bundle)', ...changes);
  const changesMs = timed('changes, Onezone 3.0.0-rc15 → 17.06.0-rc8', ...changes);
  console.log('');
  const cli = 'node_modules/@redocly/cli/bin/cli.js';
  const lint = timed('redocly lint (CLI, the four specs)', ...node(cli, 'lint', ...specs));
  let types = 0;
  let docs = 0;
  for (const [i, spec] of specs.entries()) {
    types += timed(
      `openapi-typescript (CLI) ${i + 1}/4`,
      ...node('node_modules/openapi-typescript/bin/cli.js', spec, '-o', join(root, `cli-${i}.d.ts`)),
    );
    docs += timed(
      `redocly build-docs (CLI) ${i + 1}/4`,
      ...node(cli, 'build-docs', spec, '-o', join(root, `cli-${i}.html`)),
    );
  }
  const sum = lint + types + docs;
  console.log(`\nsum of the stock CLIs on the four specs: ${sum.toFixed(0)} ms`);
  console.log(`sync, cold: ${sync.toFixed(0)} ms for ${builds} specs (target ≤ 20000)`);
  console.log(
    `no-op check: ${checkWarm.toFixed(0)} ms warm (target ≤ 2000; ${(checkWarm / sum).toFixed(2)}× the stock CLIs), ` +
      `${checkCold.toFixed(0)} ms cold`,
  );
  console.log(`changes on the two Onezone specs: ${changesMs.toFixed(0)} ms (target ≤ 1000)`);
} finally {
  cleanUp();
}

function timed(label: string, command: string, args: readonly string[]): number {
  const t0 = performance.now();
  // cwd is the scratch project: its redocly.yaml (with the plugin sync bundles) applies.
  const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: process.env });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  console.log(`${label.padEnd(54)} ${ms.toFixed(0).padStart(6)} ms`);
  return ms;
}
