// source docs → spec → generated/* (→ site): every artifact computed in memory, in one process. `sync` writes
// what differs; `check` compares and writes nothing.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSpec, type BuildResult } from '../rebuild/build.ts';
import { specYaml } from '../rebuild/emit/yaml.ts';
import { reportJson, reportMarkdown } from '../rebuild/report/render.ts';
import { generateClient } from '../generate/client.ts';
import { operationIndexJson } from '../generate/operation-index.ts';
import type { Spec } from '../generate/spec-types.ts';
import { generateStubs } from '../generate/stubs.ts';
import { generateTypes } from '../generate/types.ts';

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
      const result = buildSpec({ manifestPath: join(options.root, 'spec', 'sources.yaml'), docsDir: options.docsDir, displayRoot: options.docsDir ?? options.root });
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
  await stage('types', async () => artifacts.push({ path: 'generated/schema.d.ts', content: await generateTypes(spec), stage: 'types' }), () => 'generated/schema.d.ts');
  await stage('client', () => artifacts.push({ path: 'generated/client.ts', content: generateClient(spec), stage: 'client' }), () => 'generated/client.ts');
  await stage('stubs', () => artifacts.push({ path: 'generated/handlers.ts', content: generateStubs(spec), stage: 'stubs' }), () => 'generated/handlers.ts');
  await stage('index', () => artifacts.push({ path: 'generated/operations.json', content: operationIndexJson(spec), stage: 'index' }), () => 'generated/operations.json');
  return { artifacts, build };
}

export function progressLine(stage: string, ms: number, detail: string): string {
  return `${stage.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms  ${detail}`;
}
