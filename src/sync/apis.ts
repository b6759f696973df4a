// The four APIs' specs: one spec/<api>/openapi.yaml (with REPORT.md and report.json) per spec/<api>/sources.yaml.
import { relative, resolve } from 'node:path';
import { buildSpec, type BuildResult } from '../rebuild/build.ts';
import { specYaml } from '../rebuild/emit/yaml.ts';
import { Findings, type Finding } from '../rebuild/findings.ts';
import { reportJson, reportMarkdown } from '../rebuild/report/render.ts';
import { loadManifest } from '../rebuild/docs/manifest.ts';
import { apiManifest } from './inputs.ts';

export interface ApiBuild {
  api: string;
  result: BuildResult;
  files: { path: string; content: string }[];
}

export const apiCommand = (api: string) => `npm run build:spec -- --api ${api}`;

/** Builds one API's spec and its report files, paths relative to the project root. */
export function buildApi(root: string, api: string): ApiBuild {
  const result = buildSpec({ manifestPath: apiManifest(root, api), displayRoot: root });
  const command = apiCommand(api);
  const dir = `spec/${api}`;
  return {
    api,
    result,
    files: [
      { path: `${dir}/openapi.yaml`, content: specYaml(result.document, command) },
      { path: `${dir}/REPORT.md`, content: reportMarkdown(result, command) },
      { path: `${dir}/report.json`, content: reportJson(result) },
    ],
  };
}

/** A page may belong to one API only: each page two manifests claim is an error at the second claim. */
export function pagesClaimedTwice(builds: ApiBuild[], root: string): Finding[] {
  const owner = new Map<string, string>();
  const findings = new Findings();
  for (const { api, result } of builds) {
    for (const source of result.sources) {
      const page = resolve(root, source.file);
      const first = owner.get(page);
      if (first === undefined) owner.set(page, api);
      else if (first !== api)
        findings.error(
          'no-input',
          { file: relative(root, apiManifest(root, api)), line: 1 },
          `${source.file} is claimed by both ${first} and ${api}; a page belongs to one API`,
        );
    }
  }
  return findings.all;
}

/** Loads every manifest first, so a broken one stops the run before any build. */
export function checkManifests(root: string, apis: string[]): void {
  for (const api of apis) loadManifest(apiManifest(root, api));
}
