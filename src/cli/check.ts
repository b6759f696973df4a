// npm run check [-- --docs <dir>] [--root <dir>]: recomputes every artifact in memory and compares it with the
// file on disk (writes nothing but the type-checker's cache); lints the spec; type-checks the generated code.
// Checks the formatting of the toolkit's own sources. Exits 1 listing each problem and the command that fixes it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../paths.ts';
import { formatFinding } from '../rebuild/findings.ts';
import { progressLine, runPipeline, sourcesOf } from '../sync/pipeline.ts';
import { cacheDir, fileMemo, packageVersion } from '../sync/memo.ts';
import { lintSpecText } from '../check/lint-spec.ts';
import { typecheckGenerated } from '../check/typecheck.ts';
import { unformattedFiles } from '../check/format.ts';

const { values } = parseArgs({ options: { docs: { type: 'string' }, root: { type: 'string' } } });
const root = resolve(values.root ?? PROJECT_ROOT);
const fix = values.docs
  ? `npm run sync -- --docs ${values.docs}${values.root ? ` --root ${values.root}` : ''}`
  : 'npm run sync';
const progress = (stage: string, ms: number, detail: string) => console.log(progressLine(stage, ms, detail));
const problems: string[] = [];
const memo = fileMemo(cacheDir(root));

const { artifacts, build } = await runPipeline({
  root,
  docsDir: values.docs && resolve(values.docs),
  memo,
  onStage: progress,
});
for (const f of build.findings.all) if (f.severity === 'error') problems.push(formatFinding(f));

let t0 = performance.now();
const stale = artifacts.filter((a) => {
  try {
    return readFileSync(join(root, a.path), 'utf8') !== a.content;
  } catch {
    return true;
  }
});
for (const a of stale) problems.push(`stale: ${a.path} (made by the ${a.stage} stage) — run \`${fix}\``);
progress('compare', performance.now() - t0, `${artifacts.length - stale.length}/${artifacts.length} files up to date`);

const spec = artifacts.find((a) => a.path === 'spec/openapi.yaml');
if (spec) {
  t0 = performance.now();
  const inputs = [
    spec.content,
    packageVersion(root, '@redocly/openapi-core'),
    readFileSync(join(PROJECT_ROOT, 'redocly.yaml'), 'utf8'),
    ...sourcesOf('lint/onezone-plugin.ts', 'rebuild/extract/privileges.ts', 'check/lint-spec.ts'),
  ];
  const { value: lint, hit } = await memo.get('lint', inputs, () => lintSpecText(spec.content, join(root, spec.path)));
  for (const p of lint)
    problems.push(`lint: spec/openapi.yaml ${p.pointer}: ${p.severity}: ${p.message} [${p.ruleId}]`);
  progress('lint', performance.now() - t0, `${lint.length} problem(s)${hit ? ' (memo hit)' : ''}`);
}

if (stale.length === 0 && !build.findings.hasErrors) {
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
const unformatted = unformattedFiles(PROJECT_ROOT);
for (const file of unformatted) problems.push(`format: ${file} is not formatted — run \`npx biome format --write .\``);
progress('format', performance.now() - t0, `${unformatted.length} unformatted file(s)`);

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`check failed: ${problems.length} problem(s)`);
  process.exitCode = 1;
} else console.log('check   everything is in sync');
