// npm run check [-- --root <dir>]: recomputes every artifact in memory (or takes their digests when no input
// changed since a sync or check recorded them) and compares them with the files on disk (writes nothing but its
// caches); lints the spec; type-checks the generated code.
// Checks the formatting and lint of the toolkit's own sources and that none of their exports goes unused.
// Exits 1 listing each problem and the command that fixes it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../paths.ts';
import { formatFinding } from '../rebuild/findings.ts';
import { orphanFiles, progressLine } from '../sync/outputs.ts';
import { pipelineInputs, sourcesOf } from '../sync/inputs.ts';
import { differsOnDisk, digestOf, recordedDigest } from '../sync/pipeline-digest.ts';
import { cacheDir, fileMemo, packageVersion } from '../sync/memo.ts';
import { lintSpec } from '../check/lint-spec.ts';
import { typecheckGenerated } from '../check/typecheck.ts';
import { codeStyle, MAX_WIDTH, overlongLines } from '../check/format.ts';
import { unusedCode } from '../check/unused-exports.ts';
import { parseCommand, rootOption } from './args.ts';

const { values } = parseCommand({
  name: 'check',
  usage: 'usage: npm run check -- [--root dir]',
  summary:
    'Recomputes every artifact in memory and compares it with the files on disk; lints the spec; ' +
    'type-checks the generated code; checks formatting. Exits 1 listing each problem.',
  options: {
    root: rootOption('the project to check'),
  },
});
const root = resolve(values.root ?? PROJECT_ROOT);
const fix = values.root ? `npm run sync -- --root ${values.root}` : 'npm run sync';
const progress = (stage: string, ms: number, detail: string) => console.log(progressLine(stage, ms, detail));
const problems: string[] = [];
const memo = fileMemo(cacheDir(root));
const formatting = codeStyle(PROJECT_ROOT);
// The toolkit's own code, memoised in its own cache whatever project --root names.
const unused = unusedCode(PROJECT_ROOT, fileMemo(cacheDir(PROJECT_ROOT)));
unused.catch(() => {});
// Awaited at the end; a failure before then must not count as an unhandled rejection.
formatting.catch(() => {});

// Inputs unchanged since a check or sync that recorded them: their artifacts are known without recomputing them.
let t0 = performance.now();
const inputs = pipelineInputs(root);
// Loaded on a miss only: the pipeline's modules take longer to load than a no-op check takes to run.
const run = async () => {
  const { runPipeline } = await import('../sync/pipeline.ts');
  return digestOf(await runPipeline({ root, memo, onStage: progress }));
};
const { value: digest, hit } = inputs ? await recordedDigest(memo, inputs, run) : { value: await run(), hit: false };
if (hit) progress('pipeline', performance.now() - t0, 'memo hit: no input changed since the last run');
const { artifacts, errors } = digest;
for (const f of errors) problems.push(formatFinding(f));

t0 = performance.now();
const stale = artifacts.filter((a) => differsOnDisk(root, a));
for (const a of stale) problems.push(`stale: ${a.path} (made by the ${a.stage} stage) — run \`${fix}\``);
// A pipeline stopped by errors made only part of its files: it cannot tell which others are orphans.
for (const path of errors.length ? [] : orphanFiles(root, artifacts)) {
  problems.push(`orphan: ${path} (no stage makes it) — run \`${fix}\``);
}
progress('compare', performance.now() - t0, `${artifacts.length - stale.length}/${artifacts.length} files up to date`);

const { specs } = digest;
t0 = performance.now();
let lintHits = 0;
let lintProblems = 0;
for (const spec of specs) {
  const inputs = [
    spec.content,
    packageVersion('@redocly/openapi-core'),
    readFileSync(join(PROJECT_ROOT, 'redocly.yaml'), 'utf8'),
    ...sourcesOf('lint/onedata-plugin.ts', 'rebuild/extract/privileges.ts', 'check/lint-spec.ts'),
  ];
  const { value: lint, hit } = await memo.get('lint', inputs, () => lintSpec(spec.content, join(root, spec.path)));
  for (const p of lint) problems.push(`lint: ${spec.path} ${p.pointer}: ${p.severity}: ${p.message} [${p.ruleId}]`);
  lintHits += hit ? 1 : 0;
  lintProblems += lint.length;
}
progress(
  'lint',
  performance.now() - t0,
  `${specs.length} spec(s), ${lintProblems} problem(s), ${lintHits} memo hit(s)`,
);

if (stale.length === 0 && errors.length === 0) {
  t0 = performance.now();
  const generated = artifacts
    .filter((a) => a.path.startsWith('generated/') && a.path.endsWith('.ts'))
    .map((a) => a.path);
  const { diagnostics, cached } = await typecheckGenerated(root, generated, join(cacheDir(root), 'typecheck'));
  for (const d of diagnostics) problems.push(`tsc: ${d}`);
  progress(
    'tsc',
    performance.now() - t0,
    cached
      ? 'unchanged since the last clean type-check'
      : `${generated.length} generated file(s), ${diagnostics.length} diagnostic(s)`,
  );
}

t0 = performance.now();
const { unformatted, lint: codeLint } = await formatting;
for (const file of unformatted) {
  problems.push(`format: ${file} is not formatted — run \`npx biome format --write .\``);
}
for (const diagnostic of codeLint) problems.push(`biome: ${diagnostic}`);
const overlong = overlongLines(PROJECT_ROOT);
for (const line of overlong) problems.push(`format: ${line} is wider than ${MAX_WIDTH}: break the string or comment`);
progress(
  'format',
  performance.now() - t0,
  `${unformatted.length} unformatted file(s), ${overlong.length} overlong line(s), ${codeLint.length} lint error(s)`,
);
t0 = performance.now();
const { problems: unusedProblems, hit: knipHit } = await unused;
for (const problem of unusedProblems) problems.push(`knip: ${problem}`);
progress(
  'knip',
  performance.now() - t0,
  `${unusedProblems.length} unused export(s) or dependency(ies)${knipHit ? ' (memo hit)' : ''}`,
);

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`check failed: ${problems.length} problem(s)`);
  process.exitCode = 1;
} else console.log('check   everything is in sync');
