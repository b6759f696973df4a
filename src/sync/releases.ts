// spec/releases.yaml (hand-written: the release order, the default, the releases an API has no docs for) and the
// manifests on disk → one build target per API and documented release, and the index spec/releases.json.
// Light to load: the no-op check reads it before deciding whether to load the pipeline.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ManifestError } from '../rebuild/docs/manifest.ts';
import { apiManifest, apiNames } from './inputs.ts';

const RELEASES_FILE = 'spec/releases.yaml';
export const RELEASES_INDEX = 'spec/releases.json';

export interface ReleasePlan {
  /** The release spec/<api>/sources.yaml documents; undefined in a project without spec/releases.yaml. */
  default: string | undefined;
  /** Every release, oldest first. */
  order: string[];
  /** Releases an API has no docs to rebuild from, and why. */
  missing: { api: string; release: string; reason: string }[];
}

/** One API at one release: where its manifest is and where its outputs go, paths relative to the project root. */
export interface ReleaseTarget {
  api: string;
  /** Undefined only in a project without spec/releases.yaml (its one release per API is unnamed). */
  release: string | undefined;
  isDefault: boolean;
  manifest: string;
  /** spec/<api> for the default release, spec/<api>/releases/<release> otherwise. */
  specDir: string;
  /** generated/<api> for the default release, generated/<api>/releases/<release> otherwise. */
  generatedDir: string;
}

/** spec/releases.yaml, checked at its lines; a project without one has its default release only. */
export function loadReleasePlan(root: string): ReleasePlan {
  const file = join(root, RELEASES_FILE);
  if (!existsSync(file)) return { default: undefined, order: [], missing: [] };
  const text = readFileSync(file, 'utf8');
  const fail = (key: string, what: string): never => {
    throw new ManifestError(file, lineOf(text, key), what);
  };
  let raw: Partial<{ default: unknown; order: unknown; missing: unknown }> | null;
  try {
    raw = parse(text);
  } catch (e) {
    return fail('', `cannot read the release list: ${(e as Error).message.split('\n')[0]}`);
  }
  const order = raw?.order;
  if (!Array.isArray(order) || order.length === 0 || !order.every((r) => typeof r === 'string'))
    fail('order', '"order" must list the releases, oldest first');
  const releases = order as string[];
  if (typeof raw?.default !== 'string' || !releases.includes(raw.default))
    fail('default', `"default" must be one of the releases in "order" (${releases.join(', ')})`);
  const missing = (raw?.missing ?? []) as ReleasePlan['missing'];
  if (!Array.isArray(missing)) fail('missing', '"missing" must be a list of {api, release, reason}');
  for (const m of missing) {
    if (typeof m?.api !== 'string' || typeof m.reason !== 'string' || !releases.includes(m.release))
      fail('missing', 'each "missing" entry needs an "api", a "release" from "order" and a "reason"');
  }
  return { default: raw!.default as string, order: releases, missing };
}

/** Every API × documented release, by API name, then in release order. */
export function releaseTargets(root: string, plan: ReleasePlan = loadReleasePlan(root)): ReleaseTarget[] {
  return apiNames(root).flatMap((api) => {
    const targets: ReleaseTarget[] = [
      {
        api,
        release: plan.default,
        isDefault: true,
        manifest: apiManifest(root, api),
        specDir: `spec/${api}`,
        generatedDir: `generated/${api}`,
      },
    ];
    const dir = join(root, 'spec', api, 'releases');
    const named = existsSync(dir) ? readdirSync(dir).filter((r) => existsSync(join(dir, r, 'sources.yaml'))) : [];
    for (const release of named) {
      const manifest = join(dir, release, 'sources.yaml');
      if (!plan.order.includes(release))
        throw new ManifestError(manifest, 1, `release ${release} is not in ${RELEASES_FILE}'s "order"`);
      if (release === plan.default)
        throw new ManifestError(
          manifest,
          1,
          `${release} is the default release: its manifest is spec/${api}/sources.yaml`,
        );
      targets.push({
        api,
        release,
        isDefault: false,
        manifest,
        specDir: `spec/${api}/releases/${release}`,
        generatedDir: `generated/${api}/releases/${release}`,
      });
    }
    return targets.sort((a, b) => plan.order.indexOf(a.release ?? '') - plan.order.indexOf(b.release ?? ''));
  });
}

export interface ReleasesIndex {
  generatedBy: string;
  from: string;
  default: string;
  releases: {
    api: string;
    release: string;
    spec: string;
    /** The changelogs that name this release: against the previous and the next documented release of its API. */
    changes: { from: string; to: string; file: string }[];
  }[];
  missing: ReleasePlan['missing'];
}

/** spec/releases.json: every spec; changelogs at spec/<api>/changes/<from>..<to>.json for consecutive releases. */
export function releasesIndex(plan: ReleasePlan, targets: readonly ReleaseTarget[]): ReleasesIndex | undefined {
  if (plan.default === undefined) return undefined;
  const releases = apiNamesOf(targets).flatMap((api) => {
    const own = targets.filter((t) => t.api === api);
    const pairs = own.slice(1).map((t, i) => {
      const from = own[i]!.release!;
      const to = t.release!;
      return { from, to, file: `spec/${api}/changes/${from}..${to}.json` };
    });
    return own.map((t) => ({
      api,
      release: t.release!,
      spec: `${t.specDir}/openapi.yaml`,
      changes: pairs.filter((p) => p.from === t.release || p.to === t.release),
    }));
  });
  return { generatedBy: 'npm run sync', from: RELEASES_FILE, default: plan.default, releases, missing: plan.missing };
}

export const releasesIndexJson = (index: ReleasesIndex) => `${JSON.stringify(index, null, 2)}\n`;

const apiNamesOf = (targets: readonly ReleaseTarget[]) => [...new Set(targets.map((t) => t.api))];

/** The 1-based line of a top-level key, or 1. */
function lineOf(text: string, key: string): number {
  const at = key ? text.split('\n').findIndex((l) => l.startsWith(`${key}:`)) : -1;
  return at < 0 ? 1 : at + 1;
}
