// npm run bench:changes: the wall time of `npm run changes` on the two Onezone specs (3.0.0-rc15 and the
// default release) and, in the same run, its baselines: the same command under tsx instead of the bundle, the
// command diffing the newer spec against itself, reading the spec with `yaml` instead of js-yaml, and in-process,
// diffSpecs() against a JSON.stringify deep-equal of the same two parsed documents.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseWithYaml } from 'yaml';
import { diffSpecs } from '../src/changes/diff.ts';
import { loadSpec } from '../src/changes/load.ts';
import { existingFile, parseCommand, positiveNumber } from '../src/cli/args.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

const DEFAULT_OLD = join('spec', 'onezone', 'releases', '3.0.0-rc15', 'openapi.yaml');
const DEFAULT_NEW = join('spec', 'onezone', 'openapi.yaml');

const { values } = parseCommand({
  name: 'bench:changes',
  usage: 'usage: npm run bench:changes -- [--old file] [--new file] [--runs 5]',
  summary: 'Times `changes` on the two Onezone specs against diffing a spec with itself and a deep-equal.',
  options: {
    old: { type: 'string', value: 'file', parse: existingFile, help: 'the older spec', defaultText: DEFAULT_OLD },
    new: { type: 'string', value: 'file', parse: existingFile, help: 'the newer spec', defaultText: DEFAULT_NEW },
    runs: {
      type: 'string',
      default: '5',
      parse: positiveNumber({ integer: true }),
      help: 'runs of each; the median counts',
    },
  },
});

const oldFile = values.old ?? join(PROJECT_ROOT, DEFAULT_OLD);
const newFile = values.new ?? join(PROJECT_ROOT, DEFAULT_NEW);
for (const file of [oldFile, newFile])
  if (!existsSync(file)) {
    console.error(`bench:changes: ${file} does not exist (build the 3.0.0-rc15 spec first, or pass --old/--new)`);
    process.exit(2);
  }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The command as `npm run changes` runs it (from the bundle), or under tsx. */
function cli(a: string, b: string, runner: 'bundle' | 'tsx' = 'bundle'): number {
  const entry =
    runner === 'bundle'
      ? [join(PROJECT_ROOT, 'src/cli/bundled.mjs'), 'changes']
      : ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/changes.ts')];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...entry, a, b, '--format', 'json'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`changes exited ${r.status}`);
  return performance.now() - t0;
}

function inProcess(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

const runs = values.runs;
cli(oldFile, newFile); // builds the bundle once, as the first run after an edit does
const changesMs = median(Array.from({ length: runs }, () => cli(oldFile, newFile)));
const tsxMs = median(Array.from({ length: runs }, () => cli(oldFile, newFile, 'tsx')));
const selfMs = median(Array.from({ length: runs }, () => cli(newFile, newFile)));
const oldDoc = loadSpec(oldFile);
const newDoc = loadSpec(newFile);
const diffMs = median(Array.from({ length: runs }, () => inProcess(() => diffSpecs(oldDoc, newDoc))));
const equalMs = median(
  Array.from({ length: runs }, () => inProcess(() => JSON.stringify(oldDoc) === JSON.stringify(newDoc))),
);
const newText = readFileSync(newFile, 'utf8');
const jsYamlMs = median(Array.from({ length: runs }, () => inProcess(() => loadSpec(newFile))));
const yamlMs = median(Array.from({ length: runs }, () => inProcess(() => parseWithYaml(newText))));
const log = diffSpecs(oldDoc, newDoc);
const sizes = [oldFile, newFile].map((f) => Math.round(readFileSync(f).length / 1024));

const row = (label: string, ms: number, extra = '') =>
  console.log(`${label.padEnd(52)}${ms.toFixed(0).padStart(6)} ms${extra}`);
console.log(`${oldFile} (${sizes[0]} KiB) → ${newFile} (${sizes[1]} KiB), median of ${runs} run(s)`);
console.log(`changelog: ${JSON.stringify(log.summary)}\n`);
row(
  'npm run changes (command, node start included)',
  changesMs,
  changesMs <= 1000 ? '  (target ≤ 1000 ms: met)' : '  (target ≤ 1000 ms: MISSED)',
);
row('  baseline: the same command, newer spec vs itself', selfMs, `  ratio ${(changesMs / selfMs).toFixed(2)}`);
row('  baseline: the same command under tsx', tsxMs, `  ratio ${(changesMs / tsxMs).toFixed(2)}`);
row('reading the newer spec (js-yaml, as changes does)', jsYamlMs);
row('  baseline: reading it with yaml', yamlMs, `  ratio ${(jsYamlMs / yamlMs).toFixed(2)}`);
row('diffSpecs() in process, parsed documents', diffMs);
row('  baseline: JSON.stringify deep-equal, same documents', equalMs, `  ratio ${(diffMs / equalMs).toFixed(2)}`);
