// The documentation site, computed from the spec in memory: static pages (readable without JavaScript), a search
// index, and Redoc's reference page. Deterministic: the same input gives byte-identical files (`npm run check`
// compares them with the committed ones).
import type { IndexedOperation } from '../generate/operation-index.ts';
import type { Spec } from '../openapi/spec-types.ts';
import { staticAssets } from './assets.ts';
import { indexPageArtifact } from './page-index.ts';
import { operationPageArtifact } from './page-operation.ts';
import { referenceArtifacts } from './page-reference.ts';
import { reportPageArtifact } from './page-report.ts';
import { schemaPageArtifact } from './page-schema.ts';
import type { ReportJson } from '../rebuild/report/model.ts';
import { searchEntries, searchIndexArtifact, searchPageArtifact } from './search.ts';
import { siteModel } from './site-model.ts';

export type { ReportJson } from '../rebuild/report/model.ts';

export interface SiteInput {
  spec: Spec;
  /** spec/report.json, parsed. */
  report: ReportJson;
  /** generated/operations.json's operations. */
  operations: IndexedOperation[];
  /** spec/openapi.yaml as written: the input of Redoc's page. */
  specYamlText: string;
}

/** Every file of the site, paths relative to the project root (`site/...`). */
export async function siteArtifacts(input: SiteInput): Promise<{ path: string; content: string }[]> {
  const model = siteModel(input.spec, input.report, input.operations);
  const entries = searchEntries(model);
  const files = [
    indexPageArtifact(model),
    ...model.operations.map((o) => operationPageArtifact(model, o)),
    ...model.schemaNames.map((name) => schemaPageArtifact(model, name)),
    reportPageArtifact(model),
    searchPageArtifact(model, entries),
    searchIndexArtifact(entries),
    ...staticAssets(),
    ...(await referenceArtifacts(input.specYamlText)),
  ];
  return files.map(({ path, content }) => ({ path: `site/${path}`, content }));
}
