// The portal of every release (portalArtifacts in-process on the committed specs and changelogs): each release's
// pages at their paths, the release switcher, the "What changed" pages, an operation's history, the Onezone 18.02
// notice and a search index per release. Expected pages, paths and privileges are read from the docs pages of each
// release (spec/<api>/docs/<release>/operations/*.md).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.ts';
import { portalArtifacts } from '../src/site/index.ts';
import { releasePortalInputs } from './helpers/release-portal.ts';
import { brokenLinks, htmlText, staticPages, structureProblems, type SiteFile } from './helpers/site.ts';

let files: SiteFile[];
const file = (path: string) => {
  const found = files.find((f) => f.path === path);
  assert.ok(found, `site/${path} is generated`);
  return found.content;
};
const switcher = (html: string) => html.match(/<nav class="release-switcher"[\s\S]*?<\/nav>/)?.[0] ?? '';
const history = (html: string) => htmlText(html.match(/<ul class="release-history">[\s\S]*?<\/ul>/)?.[0] ?? '');
const mainText = (html: string) => htmlText(html.slice(html.indexOf('<main'), html.indexOf('</main>')));

/** The operation pages of one doc set, by page name (the operationId), with their HTTP line. */
function docPages(api: string, release: string): Map<string, string> {
  const dir = join(PROJECT_ROOT, 'spec', api, 'docs', release, 'operations');
  return new Map(
    readdirSync(dir).map((name) => {
      const lines = readFileSync(join(dir, name), 'utf8').split('\n');
      return [name.replace(/\.md$/, ''), lines[lines.findIndex((l) => l.startsWith('```')) + 1]!.trim()];
    }),
  );
}

before(async () => {
  const { apis, releases } = releasePortalInputs();
  files = (await portalArtifacts(apis, releases)).map((a) => ({
    path: a.path.replace(/^site\//, ''),
    content: a.content,
  }));
});

describe('portal of every release', () => {
  test('every operation page of every doc set: the default release at site/<api>/, others below it', () => {
    const paths = new Set(files.map((f) => f.path));
    const sets: [string, string, string][] = [
      ['onezone', '3.0.0-rc15', 'onezone/3.0.0-rc15/'],
      ['onezone', '17.06.0-rc8', 'onezone/'],
      ['onepanel', '3.0.0-rc15', 'onepanel/3.0.0-rc15/'],
      ['onepanel', '18.02.0-beta1', 'onepanel/18.02.0-beta1/'],
      ['luma', '3.0.0-rc15', 'luma/3.0.0-rc15/'],
      ['oneprovider', '18.02.0-beta1', 'oneprovider/18.02.0-beta1/'],
    ];
    for (const [api, release, folder] of sets) {
      // The operation pages right in the release's folder, by the endpoint each shows.
      const shown = files
        .filter((f) => f.path.startsWith(`${folder}operations/`) && !f.path.slice(folder.length + 11).includes('/'))
        .map((f) => htmlText(f.content.match(/<p class="endpoint">([\s\S]*?)<\/p>/)?.[1] ?? '').trim())
        .map((endpoint) => endpoint.replace(/ Deprecated$/, ''))
        .sort();
      assert.deepEqual(shown, [...new Set(docPages(api, release).values())].sort(), `${api} ${release}`);
      for (const page of ['index.html', 'report.html', 'reference.html'])
        assert.ok(paths.has(`${folder}${page}`), `${folder}${page}`);
    }
    // LUMA 3.0.0-rc15 documents one operation (map_user_credentials); its index lists just that one.
    assert.deepEqual([...docPages('luma', '3.0.0-rc15').keys()], ['map_user_credentials']);
    assert.match(mainText(file('luma/3.0.0-rc15/index.html')), /Version 3\.0\.0-rc15 · 1 operations/);
  });

  test('every relative link of every page resolves; landmarks, one h1 and ordered headings everywhere', () => {
    assert.deepEqual(brokenLinks(files), []);
    assert.deepEqual(staticPages(files).flatMap(structureProblems), []);
  });

  test('Onezone 17.06.0-rc8 remove_group: the switcher links the same page of 3.0.0-rc15 and the 18.02 notice', () => {
    assert.equal(docPages('onezone', '3.0.0-rc15').get('remove_group'), 'DELETE /groups/{id}');
    assert.equal(docPages('onezone', '17.06.0-rc8').get('remove_group'), 'DELETE /groups/{id}');
    const nav = switcher(file('onezone/operations/remove_group.html'));
    assert.match(nav, /<a href="\.\.\/3\.0\.0-rc15\/operations\/remove_group\.html">3\.0\.0-rc15<\/a>/);
    assert.match(nav, /<li aria-current="true"><strong>17\.06\.0-rc8<\/strong>/);
    assert.match(
      nav,
      /<a href="\.\.\/18\.02\.0-beta1\/index\.html">18\.02\.0-beta1<\/a> <span class="muted">\(no docs\)/,
    );
    assert.match(nav, /<a href="\.\.\/changes\/3\.0\.0-rc15\.\.17\.06\.0-rc8\.html">3\.0\.0-rc15 → 17\.06\.0-rc8<\/a>/);
    const back = switcher(file('onezone/3.0.0-rc15/operations/remove_group.html'));
    assert.match(back, /<a href="\.\.\/\.\.\/operations\/remove_group\.html">17\.06\.0-rc8<\/a>/);
  });

  test("Try it on a page of another release names the command that serves that release, the default's npm start", () => {
    const tryIt = (html: string) =>
      htmlText(html.match(/<section aria-labelledby="try-it">[\s\S]*?<\/section>/)?.[0] ?? '');
    const old = tryIt(file('onezone/3.0.0-rc15/operations/remove_group.html'));
    assert.match(old, /This page documents release 3\.0\.0-rc15; npm start serves the default release\./);
    assert.match(old, /npm start -- --release 3\.0\.0-rc15 \(validating server\)/);
    assert.match(old, /npm start -- --release 3\.0\.0-rc15 --mock \(Prism mock too\)/);
    const current = tryIt(file('onezone/operations/remove_group.html'));
    assert.match(current, /Start them with npm start \(validating server\) or npm start -- --mock/);
    assert.doesNotMatch(current, /--release/);
  });

  test('Onepanel get_storage_details: {name} in 3.0.0-rc15, {id} from 17.06.0-rc8: no same operation across', () => {
    assert.equal(docPages('onepanel', '3.0.0-rc15').get('get_storage_details'), 'GET /provider/storages/{name}');
    assert.equal(docPages('onepanel', '17.06.0-rc8').get('get_storage_details'), 'GET /provider/storages/{id}');
    const nav = htmlText(switcher(file('onepanel/operations/get_storage_details.html')));
    assert.match(nav, /3\.0\.0-rc15 \(GET \/provider\/storages\/\{id\} does not exist in 3\.0\.0-rc15\)/);
    const old = file('onepanel/3.0.0-rc15/operations/get_storage_details.html');
    assert.match(htmlText(switcher(old)), /17\.06\.0-rc8 \(GET \/provider\/storages\/\{name\} does not exist/);
    assert.match(history(old), /17\.06\.0-rc8: removed \(breaking\)/);
    assert.match(
      old,
      /<a href="\.\.\/\.\.\/changes\/3\.0\.0-rc15\.\.17\.06\.0-rc8\.html#op-get--provider-storages-name-">/,
    );
  });

  test('an operation page names the releases it appeared, changed or was removed in', () => {
    // remove_session (DELETE /session) has pages in 17.06.0-rc8 and 18.02.0-beta1, none in 3.0.0-rc15.
    assert.equal(docPages('onepanel', '17.06.0-rc8').get('remove_session'), 'DELETE /session');
    assert.equal(docPages('onepanel', '3.0.0-rc15').has('remove_session'), false);
    assert.equal(
      history(file('onepanel/operations/remove_session.html')),
      '3.0.0-rc15: not documented17.06.0-rc8: appeared (remove_session)18.02.0-beta1: unchanged (remove_session)',
    );
    const group = history(file('onezone/operations/remove_group.html'));
    assert.match(group, /^3\.0\.0-rc15: documented \(remove_group\)17\.06\.0-rc8: changed \(breaking\)/);
    assert.match(group, /18\.02\.0-beta1: no docs/);
  });

  test('Onezone "What changed": breaking changes first, DELETE /groups/{id} group_remove → group_delete', () => {
    const html = file('onezone/changes/3.0.0-rc15..17.06.0-rc8.html');
    const sections = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(sections, ['breaking', 'other']);
    const breaking = html.slice(html.indexOf('<h2 id="breaking"'), html.indexOf('<h2 id="other"'));
    const entry = breaking.match(/<article class="change"><h3 id="op-delete--groups-id-">[\s\S]*?<\/article>/)?.[0];
    assert.ok(entry, 'DELETE /groups/{id} is under Breaking changes');
    const text = htmlText(entry);
    assert.match(text, /privilege group_remove no longer suffices \(now: group_delete\)/);
    assert.match(text, /\/paths\/~1groups~1\{id\}\/delete\/x-privileges/);
    assert.match(text, /3\.0\.0-rc15: spec\/onezone\/docs\/3\.0\.0-rc15\/operations\/remove_group\.md:3/);
    assert.match(text, /17\.06\.0-rc8: spec\/onezone\/docs\/17\.06\.0-rc8\/operations\/remove_group\.md:3/);
    assert.match(entry, /<a href="\.\.\/3\.0\.0-rc15\/operations\/remove_group\.html">in 3\.0\.0-rc15<\/a>/);
  });

  test('Onepanel "What changed": the two removed storage operations are breaking, DELETE /session added', () => {
    const html = file('onepanel/changes/3.0.0-rc15..17.06.0-rc8.html');
    const breaking = htmlText(html.slice(html.indexOf('<h2 id="breaking"'), html.indexOf('<h2 id="other"')));
    const other = htmlText(html.slice(html.indexOf('<h2 id="other"')));
    for (const op of ['GET /provider/storages/{name}', 'PATCH /provider/storages/{name}'])
      assert.ok(breaking.includes(`${op} Breaking\nRemoved in 17.06.0-rc8.`), op);
    assert.ok(other.includes('DELETE /session\nAdded in 17.06.0-rc8.'));
  });

  test('a reader of Onezone 18.02.0-beta1 finds why there are no pages, and the releases that have them', () => {
    const text = mainText(file('onezone/18.02.0-beta1/index.html'));
    assert.match(text, /There is no Onezone spec for 18\.02\.0-beta1: .*half-migrated \(54 operation pages/);
    assert.match(file('onezone/18.02.0-beta1/index.html'), /<a href="\.\.\/3\.0\.0-rc15\/index\.html">3\.0\.0-rc15/);
    assert.equal(
      files.some((f) => f.path.startsWith('onezone/18.02.0-beta1/operations/')),
      false,
    );
  });

  test('search: the default index covers the default release; each release has its own, chosen by a select', () => {
    const urls = (path: string) => [...file(path).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
    const main = urls('search-index.json');
    assert.ok(main.includes('onezone/operations/remove_group.html'));
    assert.ok(main.every((u) => !/\/(3\.0\.0-rc15|18\.02\.0-beta1)\//.test(u)));
    const old = urls('search-index-3.0.0-rc15.json');
    assert.ok(old.includes('onezone/3.0.0-rc15/operations/remove_group.html'));
    assert.ok(old.includes('luma/3.0.0-rc15/operations/map_user_credentials.html'));
    assert.ok(urls('search-index-18.02.0-beta1.json').every((u) => !u.startsWith('onezone/')));
    const select = file('search.html').match(/<select id="search-release" name="release">[\s\S]*?<\/select>/)?.[0];
    assert.ok(select);
    assert.deepEqual(
      [...select.matchAll(/data-index="([^"]+)"/g)].map((m) => m[1]),
      ['search-index.json', 'search-index-3.0.0-rc15.json', 'search-index-18.02.0-beta1.json'],
    );
    // A page of another release searches that release from its header form.
    assert.match(file('onezone/3.0.0-rc15/index.html'), /<input type="hidden" name="release" value="3\.0\.0-rc15">/);
  });

  test('the home page links every release of every API and its "What changed" pages', () => {
    const home = file('index.html');
    assert.match(home, /<a href="onezone\/3\.0\.0-rc15\/index\.html">3\.0\.0-rc15<\/a>/);
    assert.match(
      home,
      /<a href="onezone\/18\.02\.0-beta1\/index\.html">18\.02\.0-beta1<\/a> <span class="muted">\(no docs/,
    );
    assert.match(home, /<a href="luma\/changes\/17\.06\.0-rc8\.\.18\.02\.0-beta1\.html">/);
  });

  test('the Redoc page of a release links the Redoc pages of the others', () => {
    const page = file('onezone/3.0.0-rc15/reference.html');
    assert.match(page, /<a href="\.\.\/reference\.html" style="[^"]*">17\.06\.0-rc8 \(default\)<\/a>/);
  });
});
