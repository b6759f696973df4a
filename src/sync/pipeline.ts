// source docs → spec → generated/* (→ site): every artifact computed in memory, in one process. `sync` writes
// what differs; `check` compares and writes nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildSpec, type BuildResult } from '../rebuild/build.ts';
import { specYaml } from '../rebuild/emit/yaml.ts';
import { reportJson, reportMarkdown } from '../rebuild/report/render.ts';
import { generateClient } from '../generate/client.ts';
import { operationIndex, operationIndexJson } from '../generate/operation-index.ts';
import { siteArtifacts, type ReportJson } from '../site/index.ts';
import type { Spec } from '../generate/spec-types.ts';
import { generateStubs } from '../generate/stubs.ts';
import { generateTypes } from '../generate/types.ts';
import { packageVersion, type Memo } from './memo.ts';

const SCRIPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface Artifact {
  /** Path relative to the project root. */
  path: string;
  content: string;
  stage: string;
}

export interface PipelineOptions {
  /** Project root the artifacts belong to (spec/sources.yaml is read from here). */
  root: string;
  /** Rebuild from this doc directory instead of the manifest's pages. */
  docsDir?: string;
  /** Called once per finished stage, for the progress lines. */
  onStage?: (stage: string, ms: number, detail: string) => void;
  /** Memo for the slow third-party stages; omitted, they always run. */
  memo?: Memo;
}

export interface PipelineResult {
  artifacts: Artifact[];
  build: BuildResult;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const artifacts: Artifact[] = [];
  const stage = async <T>(name: string, work: () => T | Promise<T>, detail: (value: T) => string): Promise<T> => {
    const t0 = performance.now();
    const value = await work();
    options.onStage?.(name, performance.now() - t0, detail(value));
    return value;
  };
  const build = await stage(
    'spec',
    () => {
      const result = buildSpec({
        manifestPath: join(options.root, 'spec', 'sources.yaml'),
        docsDir: options.docsDir,
        displayRoot: options.docsDir ?? options.root,
      });
      const command = 'npm run build:spec' + (options.docsDir ? ` -- ${options.docsDir}` : '');
      artifacts.push(
        { path: 'spec/openapi.yaml', content: specYaml(result.document, command), stage: 'spec' },
        { path: 'spec/REPORT.md', content: reportMarkdown(result, command), stage: 'spec' },
        { path: 'spec/report.json', content: reportJson(result), stage: 'spec' },
      );
      return result;
    },
    (r) => `${r.operations.length} operations, ${r.findings.all.length} findings`,
  );
  if (build.findings.hasErrors) return { artifacts, build };
  const spec = build.document as unknown as Spec;
  const specText = artifacts[0]!.content;
  await stage(
    'types',
    async () => {
      const inputs = [
        specText,
        packageVersion(options.root, 'openapi-typescript'),
        ...sourcesOf('generate/types.ts', 'generate/header.ts'),
      ];
      const { value, hit } = options.memo
        ? await options.memo.get('types', inputs, () => generateTypes(spec))
        : { value: await generateTypes(spec), hit: false };
      artifacts.push({ path: 'generated/schema.d.ts', content: value, stage: 'types' });
      return hit;
    },
    (hit) => `generated/schema.d.ts${hit ? ' (memo hit)' : ''}`,
  );
  await stage(
    'client',
    () => artifacts.push({ path: 'generated/client.ts', content: generateClient(spec), stage: 'client' }),
    () => 'generated/client.ts',
  );
  await stage(
    'stubs',
    async () => artifacts.push({ path: 'generated/handlers.ts', content: await generateStubs(spec), stage: 'stubs' }),
    () => 'generated/handlers.ts',
  );
  await stage(
    'index',
    () => artifacts.push({ path: 'generated/operations.json', content: operationIndexJson(spec), stage: 'index' }),
    () => 'generated/operations.json',
  );
  await stage(
    'site',
    async () => {
      const report = artifacts.find((a) => a.path === 'spec/report.json')!.content;
      const make = async () =>
        siteArtifacts({
          spec,
          report: JSON.parse(report) as ReportJson,
          operations: operationIndex(spec),
          specYamlText: specText,
        });
      const inputs = [
        specText,
        report,
        ...['@redocly/cli', 'markdown-it', 'openapi-sampler'].map((p) => packageVersion(options.root, p)),
        ...sourcesUnder('site'),
      ];
      const { value, hit } = options.memo
        ? await options.memo.get('site', inputs, make)
        : { value: await make(), hit: false };
      for (const file of value) artifacts.push({ ...file, stage: 'site' });
      return { files: value.length, hit };
    },
    ({ files, hit }) => `site/ (${files} files)${hit ? ' (memo hit)' : ''}`,
  );
  return { artifacts, build };
}

/** Source text of every file below a toolkit folder (sorted), for memo keys. */
function sourcesUnder(folder: string): string[] {
  const dir = join(SCRIPTS_DIR, folder);
  return (readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .filter((f) => statSync(join(dir, f)).isFile())
    .flatMap((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

/** Source text of toolkit modules whose output a memo key must follow. */
export function sourcesOf(...modules: string[]): string[] {
  return modules.map((m) => readFileSync(join(SCRIPTS_DIR, m), 'utf8'));
}

export function progressLine(stage: string, ms: number, detail: string): string {
  return `${stage.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms  ${detail}`;
}
