// The documentation site, computed from the specs in memory: static pages (readable without JavaScript), a search
// index, and Redoc's reference page. Deterministic: the same input gives byte-identical files (`npm run check`
// compares them with the committed ones). A portal holds one such site per API under site/<api>/, their shared
// assets under site/assets/, and a home page listing the APIs.
import type { IndexedOperation } from '../generate/operation-index.ts';
import type { Spec } from '../openapi/spec-types.ts';
import type { ReportJson } from '../rebuild/report/model.ts';
import { staticAssets } from './assets.ts';
import type { SiteInfo } from './layout.ts';
import { homePageArtifact, releasesSection } from './page-home.ts';
import { indexPageArtifact } from './page-index.ts';
import { operationPageArtifact } from './page-operation.ts';
import { referenceArtifacts } from './page-reference.ts';
import { reportPageArtifact } from './page-report.ts';
import { schemaPageArtifact } from './page-schema.ts';
import { type SearchDoc, searchDocs, searchIndexArtifact, searchPageArtifact } from './search.ts';
import { INDEX_PAGE, REFERENCE_PAGE, rootPrefix, SEARCH_INDEX } from './links.ts';
import { basePathOf } from '../openapi/servers.ts';
import { referenceLinks } from './page-reference.ts';
import { type SiteModel, siteModel } from './site-model.ts';
import { changesPageArtifact, missingReleasePage } from './page-changes.ts';
import { ApiReleases, type PortalReleases, releaseFolder } from './releases.ts';

export type { PortalReleases, SiteChangelog } from './releases.ts';

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
  /** The release these pages document; absent, the portal's default (or only) one. */
  release?: string;
}

type SiteFile = { path: string; content: string };

const SERVER_ORIGIN = 'http://127.0.0.1:8080';
const MOCK_PORT = 4010;

/** A one-API site, paths relative to the project root (`site/...`). */
export async function siteArtifacts(input: SiteInput): Promise<SiteFile[]> {
  const info = siteInfo(input, apiOf(input.specPath));
  const model = siteModel(input.spec, input.report, input.operations, { ...info, assetPrefix: '' });
  const { pages, bundle, docs } = await apiPages(input, model, '', 0);
  const search = [searchPageArtifact([{ title: input.spec.info.title, index: INDEX_PAGE }]), searchIndexArtifact(docs)];
  return [...pages, ...search, ...staticAssets(), bundle].map(({ path, content }) => ({
    path: `site/${path}`,
    content,
  }));
}

/**
 * The portal of several APIs, paths relative to the project root (`site/...`). With `releases`, `apis` holds every
 * release of every API: the default release's pages at site/<api>/, another's at site/<api>/<release>/, with the
 * release switcher, the "What changed" pages and one search index per release.
 */
export async function portalArtifacts(apis: ApiSiteInput[], releases?: PortalReleases): Promise<SiteFile[]> {
  const plan: PortalReleases = releases ?? { order: [], default: '', missing: [], changelogs: [] };
  const names = [...new Set(apis.map((a) => a.api))].sort();
  const byApi = new Map(names.map((name) => [name, new ApiReleases(name, plan)]));
  const sites = apis.map((input) => {
    const release = input.release ?? plan.default;
    const folder = releases ? releaseFolder(input.api, release, plan) : `${input.api}/`;
    const up = rootPrefix(folder);
    const api = byApi.get(input.api)!;
    const info: SiteInfo = {
      ...siteInfo(input, input.api),
      ...(releases && release !== plan.default
        ? { clientModule: `../generated/${input.api}/releases/${release}/client.ts` }
        : {}),
      assetPrefix: up,
      home: `${up}${INDEX_PAGE}`,
      ...(releases ? { releases: api.linksFor(release) } : {}),
    };
    const model = siteModel(input.spec, input.report, input.operations, info);
    if (releases) api.models.set(release, model);
    return { input, release, folder, info, model, api };
  });
  const shown = sites.filter((s) => s.release === plan.default);
  const searchGroups = [plan.default, ...plan.order.filter((r) => r !== plan.default)]
    .map((release) => ({ release, sites: sites.filter((s) => s.release === release) }))
    .filter((g) => g.sites.length > 0);
  // Each Redoc page is a CLI run: a few side by side, not all at once (they share the machine with the rest).
  const built = await mapLimited(sites, REDOC_RUNS, (site) => {
    const group = searchGroups.find((g) => g.release === site.release)!;
    const firstId = group.sites.indexOf(site) * 100_000;
    return apiPages(site.input, site.model, site.folder, firstId, releases ? otherReferences(site) : []);
  });
  const files: SiteFile[] = [
    homePageArtifact(
      shown.map((s) => s.input),
      releases ? releasesSection([...byApi.values()]) : '',
    ),
    ...staticAssets(),
  ];
  for (const [i, { pages }] of built.entries())
    files.push(...pages.map((p) => ({ path: sites[i]!.folder + p.path, content: p.content })));
  if (releases) files.push(...acrossReleases(shown));
  const scopes = searchGroups.map((g, i) => ({
    release: g.release,
    index: i === 0 ? SEARCH_INDEX : searchIndexOf(g.release),
  }));
  files.push(
    searchPageArtifact(
      shown.map((s) => ({ title: s.input.spec.info.title, index: `${s.input.api}/${INDEX_PAGE}` })),
      INDEX_PAGE,
      releases ? scopes : [],
    ),
  );
  searchGroups.forEach((g, i) => {
    const docs = g.sites.flatMap((s) => built[sites.indexOf(s)]!.docs);
    files.push({ ...searchIndexArtifact(docs), path: scopes[i]!.index });
  });
  if (built[0]) files.push(built[0].bundle);
  return files.map(({ path, content }) => ({ path: `site/${path}`, content }));
}

/** Redoc runs at a time: each is a separate process. */
const REDOC_RUNS = 2;

/** A release's own search index; the default release's is search-index.json. */
const searchIndexOf = (release: string) => SEARCH_INDEX.replace(/\.json$/, `-${release}.json`);

/** The Redoc page's links to the Redoc pages of the API's other releases. */
function otherReferences({ api, release }: { api: ApiReleases; release: string }): { label: string; href: string }[] {
  const up = api.upToApi(release, REFERENCE_PAGE);
  return api.shown
    .filter((r) => r !== release && api.models.has(r))
    .map((r) => ({
      label: r === api.plan.default ? `${r} (default)` : r,
      href: up + api.inRelease(r, REFERENCE_PAGE),
    }));
}

/** Per API, in the default release's frame: its "What changed" pages and the notices of releases without docs. */
function acrossReleases(defaults: { api: ApiReleases; info: SiteInfo }[]): SiteFile[] {
  return defaults.flatMap(({ api, info }) => {
    const pages = [
      ...api.changelogs().map((log) => changesPageArtifact(api, log, info)),
      ...api.shown.filter((r) => !api.models.has(r)).map((release) => missingReleasePage(api, release, info)),
    ];
    return pages.map((p) => ({ path: `${api.api}/${p.path}`, content: p.content }));
  });
}

/** `work` over `items`, at most `limit` at a time, results in the order of `items`. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
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

/** The pages of one API release, paths relative to its folder, the Redoc bundle its reference page loads, and its
 * search documents (URLs from the site root: `prefix` leads to the release's folder). */
async function apiPages(
  input: SiteInput,
  model: SiteModel,
  prefix: string,
  firstId: number,
  otherReleases: { label: string; href: string }[] = [],
): Promise<{ pages: SiteFile[]; bundle: SiteFile; docs: SearchDoc[] }> {
  const links = { ...referenceLinks(model), releases: otherReleases };
  const reference = await referenceArtifacts(input.specYamlText, model.site.assetPrefix, links);
  const pages = [
    indexPageArtifact(model),
    ...model.operations.map((o) => operationPageArtifact(model, o)),
    ...model.schemaNames.map((name) => schemaPageArtifact(model, name)),
    reportPageArtifact(model),
    reference.page,
  ];
  return { pages, bundle: reference.bundle, docs: searchDocs(model, prefix, firstId) };
}
