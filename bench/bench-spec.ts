// npm run bench:spec [-- <docs-dir>]: rebuilds the full corpus in-process and, in the same process, times
// stock markdown-it parsing the same pages alone; prints both, their ratio, and the wall time of the whole CLI
// run. It also times markdown-it as the rebuild runs it (src/rebuild/markdown/shared-inline.ts), which parses less.
// It runs bundled, like the CLI (src/cli/bundled.mjs), so both figures are of the code users run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { docSetDir, PROJECT_ROOT } from '../src/paths.ts';
import { buildFromSources } from '../src/rebuild/build.ts';
import { loadManifest } from '../src/rebuild/docs/manifest.ts';
import { directorySources } from '../src/rebuild/docs/read-docs.ts';
import { specYaml } from '../src/rebuild/emit/yaml.ts';
import { Findings } from '../src/rebuild/findings.ts';
import { parseMarkdownTokens, parseSharedTokens } from '../src/rebuild/markdown/markdown-blocks.ts';
import type { InlineCache } from '../src/rebuild/markdown/shared-inline.ts';
import { existingDir, parseCommand } from '../src/cli/args.ts';
import type { Schema } from '../src/rebuild/model.ts';
import { ajvChecker } from '../src/rebuild/validate/ajv-check.ts';
import { checkView } from '../src/rebuild/validate/check-view.ts';
import { type ExampleChecker, schemaWalker } from '../src/rebuild/validate/schema-check.ts';
import { stringify } from 'yaml';

const CORPUS = docSetDir('onezone');
const {
  positionals: [docsDir],
} = parseCommand({
  name: 'bench:spec',
  usage: 'usage: npm run bench:spec -- [docs-dir]',
  summary: 'Times the rebuild in-process against stock markdown-it on the same pages, and the CLI run.',
  options: {},
  positionals: [
    {
      name: 'docs-dir',
      default: CORPUS,
      defaultText: 'spec/onezone/docs/17.06.0-rc8',
      parse: existingDir,
      help: 'the doc directory to rebuild',
    },
  ],
});
const ROUNDS = 41;
// The rebuild runs far more code than markdown-it, and V8 takes it to its optimised tiers over its first 20–30
// rounds; timing from round 4 took those rounds in (bench/README.md), so both jobs are timed from steady state.
const WARMUP_ROUNDS = 40;

const manifest = loadManifest(join(PROJECT_ROOT, 'spec', 'onezone', 'sources.yaml'));
const sources = directorySources(docsDir, new Findings(), docsDir);
const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0);

/**
 * Each job's times over WARMUP_ROUNDS + ROUNDS rounds, in round order; only the last ROUNDS are counted. The jobs
 * alternate, so neither gets a warmer machine and each always follows the other (and the garbage it left).
 */
function timeRounds(jobs: (() => void)[]): number[][] {
  const times = jobs.map((): number[] => []);
  for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
    jobs.forEach((job, j) => {
      const t0 = performance.now();
      job();
      times[j]!.push(performance.now() - t0);
    });
  }
  return times;
}

const counted = (times: number[]): number[] => times.slice(WARMUP_ROUNDS);

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

// Where a rebuild's time goes: each stage's share, summed over the timed rounds.
const stageTotals = new Map<string, number>();
let stageStart = 0;
const mark = (stage: string): void => {
  const now = performance.now();
  stageTotals.set(stage, (stageTotals.get(stage) ?? 0) + now - stageStart);
  stageStart = now;
};
let timedRounds = 0;

const rebuildOnce = (): void => {
  stageStart = performance.now();
  const { document } = buildFromSources(sources, manifest, new Findings(), mark);
  specYaml(document, 'bench');
  mark('yaml');
  timedRounds++;
};
const [allParseTimes, allRebuildTimes] = timeRounds([
  () => {
    for (const s of sources) parseMarkdownTokens(s.text);
  },
  rebuildOnce,
]) as [number[], number[]];
// The ratio within each round, where both jobs ran back to back: on a shared VM whose speed drifts from
// second to second it varies less than the ratio of the two medians.
const roundRatios = allRebuildTimes.map((t, i) => t / allParseTimes[i]!);
const parseOnly = median(counted(allParseTimes));
const rebuild = median(counted(allRebuildTimes));
const pairedRatio = median(counted(roundRatios));
// How the ratio settles over the uncounted rounds, ten at a time: why they are left out.
const warmupRatios = Array.from({ length: WARMUP_ROUNDS / 10 }, (_, k) =>
  median(roundRatios.slice(k * 10, k * 10 + 10)).toFixed(2),
);
// markdown-it as the rebuild runs it, apart, so it does not weigh on the two figures above.
const parseShared = median(
  counted(
    timeRounds([
      () => {
        const cache: InlineCache = new Map();
        for (const s of sources) parseSharedTokens(s.text, cache);
      },
    ])[0]!,
  ),
);
// Stage means from warm rounds only.
stageTotals.clear();
timedRounds = 0;
for (let i = 0; i < ROUNDS; i++) rebuildOnce();

// The libraries the hand code stands in for, A/B on this build's document: `yaml`'s stringify against the YAML
// writer, and Ajv alone against the walker (Ajv only where the walker cannot), each checker made afresh per
// round as a build makes it, over the examples the spec keeps (the dropped ones are gone from the document).
const { document: built } = buildFromSources(sources, manifest, new Findings());
const view = checkView((built.components as { schemas: Record<string, Schema> }).schemas);
const pairs = examplePairs(built);
const checkAll = (pick: () => (schema: Schema) => ExampleChecker): void => {
  const checkerFor = pick();
  for (const [schema, value] of pairs) checkerFor(schema).check(schema, value);
};
const [oursYaml, libraryYaml, walkerCheck, ajvCheck] = timeRounds([
  () => specYaml(built, 'bench'),
  () => stringify(built),
  () =>
    checkAll(() => {
      const walker = schemaWalker(view);
      let ajv: ExampleChecker | undefined;
      return (schema) => {
        if (walker.supports(schema)) return walker.checker;
        ajv ??= ajvChecker(view);
        return ajv;
      };
    }),
  () =>
    checkAll(() => {
      const ajv = ajvChecker(view);
      return () => ajv;
    }),
]).map((times) => median(counted(times))) as [number, number, number, number];

/** Every (schema, example value) pair of the document: parameter and media-type examples, component examples. */
function examplePairs(document: Schema): [Schema, unknown][] {
  const found: [Schema, unknown][] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const object = node as Record<string, unknown>;
    const schema = object.schema as Schema | undefined;
    if (schema && typeof schema === 'object') {
      if ('example' in object) found.push([schema, object.example]);
      for (const entry of Object.values((object.examples ?? {}) as Record<string, { value?: unknown }>))
        if (entry && 'value' in entry) found.push([schema, entry.value]);
    }
    for (const [key, value] of Object.entries(object)) if (key !== 'example' && key !== 'examples') walk(value);
  };
  walk(document.paths);
  const schemas = (document.components as { schemas: Record<string, Schema> }).schemas;
  for (const [name, schema] of Object.entries(schemas))
    if ('example' in schema) found.push([{ $ref: `#/components/schemas/${name}` }, schema.example]);
  return found;
}

// The CLI as `npm run build:spec` runs it (src/cli/bundled.mjs): once with an empty bundle cache, as
// after a fresh clone or an edit, then warm.
const work = mkdtempSync(join(tmpdir(), 'bench-spec-'));
const cliRun = (cacheDir: string): { ms: number; status: number | null } => {
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'src/cli/bundled.mjs'), 'build-spec', docsDir, '--out', join(work, 'openapi.yaml'), '--quiet'],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ONEDATA_OPENAPI_CACHE_DIR: cacheDir },
    },
  );
  return { ms: performance.now() - t0, status: run.status };
};
const firstRun = cliRun(join(work, 'cache'));
const warmRuns = Array.from({ length: 5 }, () => cliRun(join(work, 'cache')));
const warm = warmRuns.map((r) => r.ms).sort((a, b) => a - b)[2]!;

console.log(`corpus: ${docsDir}`);
console.log(`pages: ${sources.length}, ${(bytes / 1024).toFixed(0)} KiB`);
console.log(`markdown-it parse alone, stock (median of ${ROUNDS}): ${parseOnly.toFixed(1)} ms`);
console.log(`  as the rebuild runs it, each distinct inline run parsed once per build: ${parseShared.toFixed(1)} ms`);
console.log(`full rebuild in-process, YAML included (median of ${ROUNDS}): ${rebuild.toFixed(1)} ms`);
console.log(
  `ratio rebuild / stock markdown-it: ${(rebuild / parseOnly).toFixed(2)} of the medians, ${pairedRatio.toFixed(2)} median within a round (target ≤ 2)`,
);
console.log(
  `  warm-up (${WARMUP_ROUNDS} rounds, not counted), median ratio within a round by ten rounds: ` +
    warmupRatios.join(', '),
);
console.log(`  rebuild / its own markdown-it parse: ${(rebuild / parseShared).toFixed(2)}`);
console.log(
  `  rebuild stages (mean): ${[...stageTotals].map(([stage, ms]) => `${stage} ${(ms / timedRounds).toFixed(1)}`).join(', ')} ms`,
);
console.log('  (extract = markdown-it parse + block stream + extractors, for every page)');
const withLibrary = (ours: number, library: number): string =>
  `${library.toFixed(1)} ms (${(library / ours).toFixed(1)}× ours); the rebuild with it: ${((rebuild - ours + library) / parseOnly).toFixed(2)} × stock markdown-it (target ≤ 2)`;
console.log(`libraries in place of the hand code (median of ${ROUNDS}, on this build's document):`);
console.log(`  YAML: the writer ${oursYaml.toFixed(1)} ms; yaml's stringify ${withLibrary(oursYaml, libraryYaml)}`);
console.log(
  `  example check (${pairs.length} examples): the walker ${walkerCheck.toFixed(1)} ms; Ajv alone ${withLibrary(walkerCheck, ajvCheck)}`,
);
console.log(`CLI wall time, node start-up included (target < 1000 ms):`);
console.log(`  warm (median of 5): ${warm.toFixed(0)} ms, exit ${warmRuns.map((r) => r.status).join(',')}`);
console.log(`  first run, bundling the CLI first: ${firstRun.ms.toFixed(0)} ms, exit ${firstRun.status}`);
rmSync(work, { recursive: true, force: true });
