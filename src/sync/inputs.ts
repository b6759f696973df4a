// What the pipeline reads: the APIs of a project (spec/<api>/sources.yaml), their pages, the toolkit's own
// sources. Light to load, so that a check whose inputs did not change can tell so without loading the pipeline.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../paths.ts';
import { loadManifest } from '../rebuild/docs/manifest.ts';
import { manifestSources } from '../rebuild/docs/read-docs.ts';
import { Findings } from '../rebuild/findings.ts';
import { loadReleasePlan, releaseTargets, type ReleasePlan, type ReleaseTarget } from './releases.ts';

const SRC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The APIs of a project, as the profile registry finds them (src/apis/discover.ts). */
export { apiNames } from '../apis/discover.ts';

export const apiManifest = (root: string, api: string) => join(root, 'spec', api, 'sources.yaml');

/**
 * Everything the pipeline's output follows, as memo inputs: the release plan, each API release's manifest and the
 * pages it reads (as the build receives them, with the findings of reading them), the toolkit's sources, its locked
 * dependencies and the Node version. Undefined when a manifest cannot be read: the pipeline then runs and reports it.
 */
export function pipelineInputs(root: string): string[] | undefined {
  const inputs = [
    process.version,
    readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8'),
    readFileSync(join(PROJECT_ROOT, 'redocly.yaml'), 'utf8'),
    ...sourcesUnder('.'),
  ];
  let targets: ReleaseTarget[];
  let plan: ReleasePlan;
  try {
    plan = loadReleasePlan(root);
    targets = releaseTargets(root, plan);
  } catch {
    return undefined;
  }
  inputs.push(JSON.stringify(plan));
  for (const { api, release, manifest: manifestPath } of targets) {
    const findings = new Findings();
    let manifest: ReturnType<typeof loadManifest>;
    try {
      manifest = loadManifest(manifestPath);
    } catch {
      return undefined;
    }
    const sources = manifestSources(manifest, manifestPath, findings, root);
    inputs.push(api, release ?? '', JSON.stringify(manifest), JSON.stringify(sources), JSON.stringify(findings.all));
  }
  return inputs;
}

/** Source text of every file below a toolkit folder (sorted), for memo keys. */
function sourcesUnder(folder: string): string[] {
  const dir = join(SRC_DIR, folder);
  return (readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .filter((f) => statSync(join(dir, f)).isFile())
    .flatMap((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

/** Source text of toolkit modules whose output a memo key must follow. */
export function sourcesOf(...modules: string[]): string[] {
  return modules.map((m) => readFileSync(join(SRC_DIR, m), 'utf8'));
}
