// The changelogs between consecutive releases of each API (spec/releases.yaml's order), from the built documents
// in memory: spec/<api>/changes/<from>..<to>.json, the files spec/releases.json names.
import { diffSpecs } from '../changes/diff.ts';
import type { Changelog, Doc } from '../changes/types.ts';
import { changelogFile, type ReleaseTarget } from './releases.ts';

/** One committed changelog: the Changelog with where it comes from. */
export interface ReleaseChangelog extends Changelog {
  generatedBy: string;
  api: string;
  from: string;
  to: string;
}

interface ReleaseDocument {
  target: ReleaseTarget;
  document: Doc;
}

/** `builds` in release order per API (as releaseTargets() gives them); an unnamed release has no changelog. */
export function releaseChangelogs(builds: readonly ReleaseDocument[]): ReleaseChangelog[] {
  const out: ReleaseChangelog[] = [];
  builds.forEach((newer, i) => {
    const older = builds[i - 1];
    if (!older || older.target.api !== newer.target.api) return;
    const from = older.target.release;
    const to = newer.target.release;
    if (from === undefined || to === undefined) return;
    const log = diffSpecs(older.document, newer.document, { from, to });
    out.push({ generatedBy: 'npm run sync', api: newer.target.api, from, to, ...log });
  });
  return out;
}

export const changelogPath = (log: Pick<ReleaseChangelog, 'api' | 'from' | 'to'>) =>
  changelogFile(log.api, log.from, log.to);

export const changelogJson = (log: ReleaseChangelog) => `${JSON.stringify(log, null, 2)}\n`;
