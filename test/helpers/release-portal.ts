// The portal of every release as `npm run sync` makes it, from the committed files: each spec spec/releases.json
// lists (with its report), the release order of spec/releases.yaml and the committed changelogs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { operationIndex } from '../../src/generate/operation-index.ts';
import type { Spec } from '../../src/openapi/spec-types.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import type { ApiSiteInput, PortalReleases, SiteChangelog } from '../../src/site/index.ts';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');

export function releasePortalInputs(): { apis: ApiSiteInput[]; releases: PortalReleases } {
  const index = JSON.parse(read('spec/releases.json')) as {
    default: string;
    releases: { api: string; release: string; spec: string; changes: { file: string }[] }[];
    missing: PortalReleases['missing'];
  };
  const apis = index.releases.map((r): ApiSiteInput => {
    const specYamlText = read(r.spec);
    const spec = parse(specYamlText) as Spec;
    return {
      api: r.api,
      release: r.release,
      spec,
      specYamlText,
      specPath: r.spec,
      report: JSON.parse(read(`${dirname(r.spec)}/report.json`)),
      operations: operationIndex(spec),
    };
  });
  const files = [...new Set(index.releases.flatMap((r) => r.changes.map((c) => c.file)))];
  const changelogs = files.map((file) => JSON.parse(read(file)) as SiteChangelog);
  const order = (parse(read('spec/releases.yaml')) as { order: string[] }).order;
  return { apis, releases: { order, default: index.default, missing: index.missing, changelogs } };
}
