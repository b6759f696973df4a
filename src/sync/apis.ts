// The specs: one openapi.yaml (with REPORT.md and report.json) per API and documented release, each from its
// manifest (spec/<api>/sources.yaml for the default release, spec/<api>/releases/<release>/sources.yaml otherwise).
import { relative, resolve } from 'node:path';
import { buildSpec, type BuildResult } from '../rebuild/build.ts';
import { specYaml } from '../rebuild/emit/yaml.ts';
import { Findings, type Finding } from '../rebuild/findings.ts';
import { reportJson, reportMarkdown } from '../rebuild/report/render.ts';
import type { ReleaseTarget } from './releases.ts';

export interface ApiBuild {
  api: string;
  target: ReleaseTarget;
  result: BuildResult;
  files: { path: string; content: string }[];
}

/** The command that rebuilds one target's spec; the default release's needs no --release. */
const apiCommand = (target: Pick<ReleaseTarget, 'api' | 'release' | 'isDefault'>) =>
  `npm run build:spec -- --api ${target.api}${target.isDefault ? '' : ` --release ${target.release}`}`;

/** Builds one API release's spec and its report files, paths relative to the project root. */
export function buildApi(root: string, target: ReleaseTarget): ApiBuild {
  const result = buildSpec({ manifestPath: target.manifest, displayRoot: root });
  const command = apiCommand(target);
  const dir = target.specDir;
  return {
    api: target.api,
    target,
    result,
    files: [
      { path: `${dir}/openapi.yaml`, content: specYaml(result.document, command) },
      { path: `${dir}/REPORT.md`, content: reportMarkdown(result, command) },
      { path: `${dir}/report.json`, content: reportJson(result) },
    ],
  };
}

/** A page may belong to one API only: each page two APIs' manifests claim is an error at the second claim. */
export function pagesClaimedTwice(builds: ApiBuild[], root: string): Finding[] {
  const owner = new Map<string, string>();
  const findings = new Findings();
  for (const { api, target, result } of builds) {
    for (const source of result.sources) {
      const page = resolve(root, source.file);
      const first = owner.get(page);
      if (first === undefined) owner.set(page, api);
      else if (first !== api)
        findings.error(
          'page-claimed-twice',
          { file: relative(root, target.manifest), line: 1 },
          `${source.file} is claimed by both ${first} and ${api}; a page belongs to one API`,
        );
    }
  }
  return findings.all;
}
