// source docs → one spec per API → generated/<api>/* → site/: every artifact computed in memory, in one
// process. `sync` writes what differs; `check` compares and writes nothing.
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateClient } from '../generate/client.ts';
import { operationIndex, operationIndexJson } from '../generate/operation-index.ts';
import { generateStubs } from '../generate/stubs.ts';
import { generateTypes } from '../generate/types.ts';
import { asSpec, type Spec } from '../openapi/spec-types.ts';
import { Findings, type Finding } from '../rebuild/findings.ts';
import { ManifestError } from '../rebuild/docs/manifest.ts';
import { reportModel, type ReportJson } from '../rebuild/report/model.ts';
import { bundleLintPlugin, PLUGIN_BUNDLE } from '../lint/plugin-bundle.ts';
import { portalArtifacts } from '../site/index.ts';
import type { Doc } from '../changes/types.ts';
import { changelogJson, changelogPath, releaseChangelogs, type ReleaseChangelog } from './changelogs.ts';
import { profileOf } from '../apis/registry.ts';
import { buildApi, pagesClaimedTwice, type ApiBuild } from './apis.ts';
import { codeKey } from './module-graph.ts';
import {
  loadReleasePlan,
  RELEASES_INDEX,
  releasesIndex,
  releasesIndexJson,
  releaseTargets,
  type ReleasePlan,
  type ReleaseTarget,
} from './releases.ts';
import { packageVersion, type Memo } from './memo.ts';

interface Artifact {
  /** Path relative to the project root. */
  path: string;
  content: string;
  stage: string;
}

export interface PipelineOptions {
  /** Project root the artifacts belong to: its spec/<api>/sources.yaml name the APIs. */
  root: string;
  /** Called once per finished stage, for the progress lines. */
  onStage?: (stage: string, ms: number, detail: string) => void;
  /** Memo for the slow third-party stages; omitted, they always run. */
  memo?: Memo;
}

export interface PipelineResult {
  artifacts: Artifact[];
  builds: ApiBuild[];
  /** Hard errors of every API's build: any one stops sync before it writes. */
  errors: Finding[];
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { root, memo } = options;
  const artifacts: Artifact[] = [];
  const stage = async <T>(name: string, work: () => T | Promise<T>, detail: (value: T) => string): Promise<T> => {
    const t0 = performance.now();
    const value = await work();
    options.onStage?.(name, performance.now() - t0, detail(value));
    return value;
  };
  const remembered = async <T>(name: string, inputs: string[], make: () => Promise<T>) =>
    memo ? memo.get(name, inputs, make) : { value: await make(), hit: false };

  // A manifest that cannot be used is an error of its API, reported like the pages' errors.
  const unusable = new Findings();
  const asFinding = (error: ManifestError) => {
    const at = { file: relative(root, error.file) || error.file, line: error.line };
    unusable.error('no-input', at, error.what);
  };
  let plan: ReleasePlan = { default: undefined, order: [], missing: [] };
  let targets: ReleaseTarget[] = [];
  try {
    plan = loadReleasePlan(root);
    targets = releaseTargets(root, plan);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    asFinding(error);
  }
  const builds = await stage(
    'spec',
    async () => {
      const built: ApiBuild[] = [];
      for (const target of targets) {
        try {
          built.push(await buildApi(root, target));
        } catch (error) {
          if (!(error instanceof ManifestError)) throw error;
          asFinding(error);
        }
      }
      return built;
    },
    (all) =>
      all.length
        ? `${all.map((b) => `${b.api}${releaseSuffix(b.target)} ${b.result.operations.length}`).join(', ')} operations`
        : 'no API built',
  );
  const errors = [
    ...unusable.all,
    ...builds.flatMap((b) => b.result.findings.all.filter((f) => f.severity === 'error')),
  ];
  errors.push(...pagesClaimedTwice(builds, root));
  if (builds.length === 0 && errors.length === 0) {
    const none = new Findings();
    none.error('no-input', { file: 'spec', line: 0 }, 'no API to build: add spec/<api>/sources.yaml');
    errors.push(...none.all);
  }
  for (const b of builds) for (const file of b.files) artifacts.push({ ...file, stage: 'spec' });
  if (errors.length) return { artifacts, builds, errors };
  const index = releasesIndex(
    plan,
    builds.map((b) => b.target),
  );
  if (index) artifacts.push({ path: RELEASES_INDEX, content: releasesIndexJson(index), stage: 'releases' });
  const changelogs = await stage(
    'changes',
    () => releaseChangelogs(builds.map((b) => ({ target: b.target, document: b.result.document as Doc }))),
    (all) => `${all.length} changelogs (${all.map((c) => `${c.api} ${c.from}..${c.to}`).join(', ')})`,
  );
  for (const log of changelogs)
    artifacts.push({ path: changelogPath(log), content: changelogJson(log), stage: 'changes' });

  const releases: SiteRelease[] = builds.map((b) => {
    const specPath = `${b.target.specDir}/openapi.yaml`;
    const spec = asSpec(b.result.document, specPath);
    const specYamlText = b.files.find((f) => f.path === specPath)!.content;
    return { target: b.target, spec, specPath, specYamlText, report: reportModel(b.result) };
  });
  const typesCode = await codeKey('generate/types.ts');
  for (const { target, spec, specPath, specYamlText } of releases) {
    const out = (file: string) => `${target.generatedDir}/${file}`;
    await stage(
      'types',
      async () => {
        const inputs = [specPath, specYamlText, ...typesCode];
        const { value, hit } = await remembered('types', inputs, () => generateTypes(spec, specPath));
        artifacts.push({ path: out('schema.d.ts'), content: value, stage: 'types' });
        return hit;
      },
      (hit) => `${out('schema.d.ts')}${hit ? ' (memo hit)' : ''}`,
    );
    artifacts.push(
      { path: out('client.ts'), content: generateClient(spec, specPath), stage: 'client' },
      { path: out('handlers.ts'), content: await generateStubs(spec, specPath), stage: 'stubs' },
      { path: out('operations.json'), content: operationIndexJson(spec, specPath), stage: 'index' },
    );
  }
  await stage(
    'plugin',
    async () => {
      const inputs = await codeKey('lint/plugin-bundle.ts', 'lint/onedata-plugin.ts');
      const { value, hit } = await remembered('plugin', inputs, () => bundleLintPlugin());
      artifacts.push({ path: PLUGIN_BUNDLE, content: value, stage: 'plugin' });
      return hit;
    },
    (hit) => `${PLUGIN_BUNDLE}${hit ? ' (memo hit)' : ''}`,
  );
  await stage(
    'site',
    async () => {
      const { value, hit } = await siteStage(releases, plan, changelogs, remembered);
      for (const file of value) artifacts.push({ ...file, stage: 'site' });
      return { files: value.length, hit };
    },
    ({ files, hit }) => `site/ (${files} files)${hit ? ' (memo hit)' : ''}`,
  );
  return { artifacts, builds, errors };
}

/** One API release as the site stage receives it: its spec and report as objects, the spec's text for Redoc. */
interface SiteRelease {
  target: ReleaseTarget;
  spec: Spec;
  specPath: string;
  specYamlText: string;
  report: ReportJson;
}

type Remembered = <T>(name: string, inputs: string[], make: () => Promise<T>) => Promise<{ value: T; hit: boolean }>;

/** The portal: every release of every API, the changelogs between them, the release plan. */
async function siteStage(
  releases: readonly SiteRelease[],
  plan: ReleasePlan,
  changelogs: readonly ReleaseChangelog[],
  remembered: Remembered,
) {
  const key = [
    ...releases.flatMap((r) => [
      r.specPath,
      r.specYamlText,
      JSON.stringify(r.report),
      String(profileOf(r.target.api)?.mockPort),
    ]),
    JSON.stringify(plan),
    ...changelogs.map((c) => JSON.stringify(c)),
    // Run as a process (build-docs), not imported: the module graph does not see it.
    packageVersion('@redocly/cli'),
    ...(await codeKey('site/index.ts')),
  ];
  const portal =
    plan.default === undefined ? undefined : { ...plan, default: plan.default, changelogs: [...changelogs] };
  return remembered('site', key, () =>
    portalArtifacts(
      releases.map(({ target, spec, specPath, specYamlText, report }) => ({
        api: target.api,
        ...(target.release === undefined ? {} : { release: target.release }),
        spec,
        report,
        operations: operationIndex(spec),
        specPath,
        specYamlText,
        mockPort: profileOf(target.api)?.mockPort,
      })),
      portal,
    ),
  );
}

/** Nothing for the default release, `@3.0.0-rc15` for another: progress lines name targets `onezone@3.0.0-rc15`. */
function releaseSuffix(target: { isDefault: boolean; release: string | undefined }): string {
  return target.isDefault ? '' : `@${target.release}`;
}
