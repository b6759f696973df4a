// npm run bench:check [-- <docs-dir>]: on the full corpus, the wall time of `sync` and of a no-op `check`
// (first with a cold cache, then warm) in a scratch project with a fresh cache, and, in the same run, the sum of the three separate
// CLIs on the same spec (redocly lint, openapi-typescript, redocly build-docs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { docSetDir, PROJECT_ROOT } from '../src/paths.ts';
import { existingDir, parseCommand } from '../src/cli/args.ts';

const CORPUS = docSetDir('onezone');
const {
  positionals: [docsDir],
} = parseCommand({
  name: 'bench:check',
  usage: 'usage: npm run bench:check -- [docs-dir]',
  summary: 'Times sync and a no-op check in a scratch project, and the three separate CLIs on the same spec.',
  options: {},
  positionals: [
    {
      name: 'docs-dir',
      default: CORPUS,
      defaultText: 'spec/onezone/docs/17.06.0-rc8',
      parse: existingDir,
      help: 'the doc directory to sync from',
    },
  ],
});
const root = mkdtempSync(join(tmpdir(), 'bench-check-'));
mkdirSync(join(root, 'spec'));
for (const f of ['spec/sources.yaml', 'tsconfig.json', 'package-lock.json'])
  copyFileSync(join(PROJECT_ROOT, f), join(root, f));
symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
// A fresh cache: the first sync and check pay every stage in full, as on a new clone.
process.env.ONEZONE_CACHE_DIR = join(root, '.cache');

function timed(label: string, command: string, args: readonly string[]): number {
  const t0 = performance.now();
  // cwd is the scratch project: the CLIs must not pick up this project's redocly.yaml unless told to.
  const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: process.env });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms`);
  return ms;
}

const tsx = (script: string, ...args: string[]) =>
  [process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, script), ...args]] as const;
const spec = join(root, 'spec', 'openapi.yaml');
console.log(`corpus: ${docsDir}\nscratch project: ${root}\n`);
const sync = timed(
  'sync (docs → spec → generated)',
  ...tsx('src/cli/sync.ts', '--docs', docsDir, '--root', root, '--quiet'),
);
const checkCold = timed(
  'check, no-op, cold cache (lint, tsc run)',
  ...tsx('src/cli/check.ts', '--docs', docsDir, '--root', root),
);
const checkWarm = timed('check, no-op, warm cache', ...tsx('src/cli/check.ts', '--docs', docsDir, '--root', root));
console.log('');
const lint = timed(
  'redocly lint (CLI)',
  ...tsx('node_modules/@redocly/cli/bin/cli.js', 'lint', spec, '--config', join(PROJECT_ROOT, 'redocly.yaml')),
);
const types = timed('openapi-typescript (CLI)', process.execPath, [
  join(PROJECT_ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
  spec,
  '-o',
  join(root, 'cli-schema.d.ts'),
]);
const docs = timed(
  'redocly build-docs (CLI)',
  ...tsx('node_modules/@redocly/cli/bin/cli.js', 'build-docs', spec, '-o', join(root, 'cli-redoc.html')),
);
const sum = lint + types + docs;
console.log(`\nsum of the three CLIs: ${sum.toFixed(0)} ms`);
console.log(`sync: ${sync.toFixed(0)} ms`);
console.log(
  `no-op check: ${checkWarm.toFixed(0)} ms warm (target ≤ 2000 and below the sum: ${(checkWarm / sum).toFixed(2)}× the sum), ${checkCold.toFixed(0)} ms cold`,
);
