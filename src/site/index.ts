// The documentation site, computed from the specs in memory: static pages (readable without JavaScript), a search
// index, and Redoc's reference page. Deterministic: the same input gives byte-identical files (`npm run check`
// compares them with the committed ones). A portal holds one such site per API under site/<api>/, their shared
// assets under site/assets/, and a home page listing the APIs.
import type { IndexedOperation } from '../generate/operation-index.ts';
import type { Spec } from '../openapi/spec-types.ts';
import type { ReportJson } from '../rebuild/report/model.ts';
import { staticAssets } from './assets.ts';
import type { SiteInfo } from './layout.ts';
import { homePageArtifact } from './page-home.ts';
import { indexPageArtifact } from './page-index.ts';
import { operationPageArtifact } from './page-operation.ts';
import { referenceArtifacts } from './page-reference.ts';
import { reportPageArtifact } from './page-report.ts';
import { schemaPageArtifact } from './page-schema.ts';
import { searchEntries, searchIndexArtifact, searchPageArtifact } from './search.ts';
import { siteModel } from './site-model.ts';

export type { ReportJson } from '../rebuild/report/model.ts';

export interface SiteInput {
  spec: Spec;
  /** spec/<api>/report.json, parsed. */
  report: ReportJson;
  /** generated/<api>/operations.json's operations. */
  operations: IndexedOperation[];
  /** The spec as written: the input of Redoc's page. */
  specYamlText: string;
  /** Where the spec lives, relative to the project root (the pages name it). */
  specPath: string;
}

export interface ApiSiteInput extends SiteInput {
  /** The API's folder name: spec/<api>/, site/<api>/. */
  api: string;
}

type SiteFile = { path: string; content: string };

/** A one-API site, paths relative to the project root (`site/...`). */
export async function siteArtifacts(input: SiteInput): Promise<SiteFile[]> {
  const info = siteInfo(input);
  const { pages, bundle } = await apiPages(input, { ...info, assetPrefix: '' });
  return [...pages, ...staticAssets(), bundle].map(({ path, content }) => ({ path: `site/${path}`, content }));
}

/** The portal of several APIs, paths relative to the project root (`site/...`). */
export async function portalArtifacts(apis: ApiSiteInput[]): Promise<SiteFile[]> {
  const files: SiteFile[] = [homePageArtifact(apis), ...staticAssets()];
  // Each API's Redoc page is a separate CLI run: they run side by side.
  const sites = await Promise.all(
    apis.map((input) => {
      return apiPages(input, { ...siteInfo(input), assetPrefix: '../', home: '../index.html' });
    }),
  );
  sites.forEach(({ pages }, i) =>
    files.push(...pages.map((p) => ({ path: `${apis[i]!.api}/${p.path}`, content: p.content }))),
  );
  if (sites[0]) files.push(sites[0].bundle);
  return files.map(({ path, content }) => ({ path: `site/${path}`, content }));
}

/** What every page of an API says about it; its client module follows the spec's folder (spec/<api>/). */
function siteInfo({ spec, specPath }: SiteInput): Omit<SiteInfo, 'assetPrefix'> {
  const api = /^spec\/([^/]+)\/openapi\.yaml$/.exec(specPath)?.[1] ?? 'onezone';
  return {
    apiTitle: spec.info.title,
    apiVersion: spec.info.version,
    specPath,
    clientModule: `../generated/${api}/client.ts`,
  };
}

/** The pages of one API, paths relative to that API's root, and the Redoc bundle its reference page loads. */
async function apiPages(input: SiteInput, info: SiteInfo): Promise<{ pages: SiteFile[]; bundle: SiteFile }> {
  const model = siteModel(input.spec, input.report, input.operations, info);
  const entries = searchEntries(model);
  const reference = await referenceArtifacts(input.specYamlText, info.assetPrefix);
  const pages = [
    indexPageArtifact(model),
    ...model.operations.map((o) => operationPageArtifact(model, o)),
    ...model.schemaNames.map((name) => schemaPageArtifact(model, name)),
    reportPageArtifact(model),
    searchPageArtifact(model, entries),
    searchIndexArtifact(entries),
    reference.page,
  ];
  return { pages, bundle: reference.bundle };
}
