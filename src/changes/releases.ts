// `--api X --from R1 --to R2`: the spec files of two releases, as spec/releases.json lists them
// ({"default": "17.06.0-rc8", "releases": [{"api", "release", "spec"}, …]}, paths relative to the root).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpecFileError } from './load.ts';
import { isObject } from './resolve.ts';

export interface ReleaseIndex {
  default: string;
  releases: { api: string; release: string; spec: string }[];
}

const INDEX_PATH = join('spec', 'releases.json');

export function readReleaseIndex(root: string): ReleaseIndex {
  const file = join(root, INDEX_PATH);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (code ?? (error as Error).message);
    throw new SpecFileError(`${file}: cannot read the release index (${why})`);
  }
  if (!isObject(raw) || typeof raw.default !== 'string' || !Array.isArray(raw.releases))
    throw new SpecFileError(`${file}: not a release index (needs "default" and a "releases" list)`);
  const releases = raw.releases.flatMap((r) =>
    isObject(r) && typeof r.api === 'string' && typeof r.release === 'string' && typeof r.spec === 'string'
      ? [{ api: r.api, release: r.release, spec: r.spec }]
      : [],
  );
  return { default: raw.default, releases };
}

/** The spec file of `api` at `release` under `root`; the default release falls back to spec/<api>/openapi.yaml. */
export function releaseSpec(root: string, index: ReleaseIndex, api: string, release: string): string {
  const entry = index.releases.find((r) => r.api === api && r.release === release);
  if (entry) return join(root, entry.spec);
  if (release === index.default) return join(root, 'spec', api, 'openapi.yaml');
  const known = index.releases.filter((r) => r.api === api).map((r) => r.release);
  const list = known.length > 0 ? known.join(', ') : 'none';
  throw new SpecFileError(`${join(root, INDEX_PATH)}: no ${api} release ${release} (${api} releases: ${list})`);
}
