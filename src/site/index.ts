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
import { type SearchDoc, searchDocs, searchIndexArtifact, searchPageArtifact } from './search.ts';
import { INDEX_PAGE } from './links.ts';
import { basePathOf } from '../openapi/servers.ts';
import { referenceLinks } from './page-reference.ts';
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
  /** The port of the API's Prism mock, which the "Try it" forms call (its profile's; default 4010). */
  mockPort?: number;
}

export interface ApiSiteInput extends SiteInput {
  /** The API's folder name: spec/<api>/, site/<api>/. */
  api: string;
}

type SiteFile = { path: string; content: string };

const SERVER_ORIGIN = 'http://127.0.0.1:8080';
const MOCK_PORT = 4010;

/** A one-API site, paths relative to the project root (`site/...`). */
export async function siteArtifacts(input: SiteInput): Promise<SiteFile[]> {
  const info = siteInfo(input, apiOf(input.specPath));
  const { pages, bundle, docs } = await apiPages(input, { ...info, assetPrefix: '' }, '', 0);
  const search = [searchPageArtifact([{ title: input.spec.info.title, index: INDEX_PAGE }]), searchIndexArtifact(docs)];
  return [...pages, ...search, ...staticAssets(), bundle].map(({ path, content }) => ({
    path: `site/${path}`,
    content,
  }));
}

/** The portal of several APIs, paths relative to the project root (`site/...`). */
export async function portalArtifacts(apis: ApiSiteInput[]): Promise<SiteFile[]> {
  const files: SiteFile[] = [homePageArtifact(apis), ...staticAssets()];
  // Each API's Redoc page is a separate CLI run: they run side by side.
  const sites = await Promise.all(
    apis.map((input, i) =>
      apiPages(
        input,
        { ...siteInfo(input, input.api), assetPrefix: '../', home: `../${INDEX_PAGE}` },
        `${input.api}/`,
        i * 100_000,
      ),
    ),
  );
  sites.forEach(({ pages }, i) =>
    files.push(...pages.map((p) => ({ path: `${apis[i]!.api}/${p.path}`, content: p.content }))),
  );
  files.push(
    searchPageArtifact(
      apis.map((a) => ({ title: a.spec.info.title, index: `${a.api}/${INDEX_PAGE}` })),
      INDEX_PAGE,
    ),
    searchIndexArtifact(sites.flatMap((s) => s.docs)),
  );
  if (sites[0]) files.push(sites[0].bundle);
  return files.map(({ path, content }) => ({ path: `site/${path}`, content }));
}

function apiOf(specPath: string): string {
  return /^spec\/([^/]+)\/openapi\.yaml$/.exec(specPath)?.[1] ?? 'api';
}

/** What every page says about its API; its client module follows the spec's folder (spec/<api>/). */
function siteInfo({ spec, specPath, mockPort }: SiteInput, api: string): Omit<SiteInfo, 'assetPrefix'> {
  const basePath = basePathOf(spec) || `/api/v3/${api}`;
  return {
    apiTitle: spec.info.title,
    apiVersion: spec.info.version,
    specPath,
    clientModule: `../generated/${api}/client.ts`,
    api,
    tryIt: {
      server: `${SERVER_ORIGIN}${basePath}`,
      mock: `http://127.0.0.1:${mockPort ?? MOCK_PORT}`,
    },
  };
}

/** The pages of one API, paths relative to that API's root, the Redoc bundle its reference page loads, and its
 * search documents (URLs from the site root: `prefix` leads to the API's folder). */
async function apiPages(
  input: SiteInput,
  info: SiteInfo,
  prefix: string,
  firstId: number,
): Promise<{ pages: SiteFile[]; bundle: SiteFile; docs: SearchDoc[] }> {
  const model = siteModel(input.spec, input.report, input.operations, info);
  const reference = await referenceArtifacts(input.specYamlText, info.assetPrefix, referenceLinks(model));
  const pages = [
    indexPageArtifact(model),
    ...model.operations.map((o) => operationPageArtifact(model, o)),
    ...model.schemaNames.map((name) => schemaPageArtifact(model, name)),
    reportPageArtifact(model),
    reference.page,
  ];
  return { pages, bundle: reference.bundle, docs: searchDocs(model, prefix, firstId) };
}
