// The documentation site generator (src/site) on the seed spec, without a browser: deterministic output, the
// pages and links it must have, escaping, and TypeScript samples that compile against the generated client.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from '../src/paths.ts';
import { siteArtifacts, type SiteInput } from '../src/site/index.ts';
import { operationPageArtifact } from '../src/site/page-operation.ts';
import { siteModel } from '../src/site/site-model.ts';
import { type SEARCH_OPTIONS, searchTerms } from '../src/site/search.ts';
import MiniSearch from 'minisearch';
import { brokenLinks, htmlText, seedSiteInput, staticPages, structureProblems, type SiteFile } from './helpers/site.ts';

let input: SiteInput;
let files: SiteFile[];
const file = (path: string) => {
  const found = files.find((f) => f.path === path);
  assert.ok(found, `site/${path} is generated`);
  return found.content;
};
/** The text of the first <pre><code class="language-ts"> block, unescaped. */
const typescriptSample = (html: string) =>
  htmlText(html.match(/<code class="language-ts">([\s\S]*?)<\/code>/)?.[1] ?? '');
/** The text of a page's <main>. */
const mainText = (html: string) => htmlText(html.slice(html.indexOf('<main'), html.indexOf('</main>')));

before(async () => {
  input = seedSiteInput();
  files = (await siteArtifacts(input)).map((a) => ({ path: a.path.replace(/^site\//, ''), content: a.content }));
});

describe('site generator on the seed spec', () => {
  test('is deterministic: a second run gives byte-identical files', async () => {
    const again = await siteArtifacts(seedSiteInput());
    assert.deepEqual(
      again.map((a) => a.path.replace(/^site\//, '')),
      files.map((f) => f.path),
    );
    for (const [i, a] of again.entries()) assert.ok(a.content === files[i]!.content, `${a.path} is identical`);
  });

  test('has every page: index, one per operation and schema, report, search, reference and assets', () => {
    const paths = files.map((f) => f.path);
    for (const op of input.operations) assert.ok(paths.includes(`operations/${op.operationId}.html`), op.operationId);
    for (const name of Object.keys(input.spec.components.schemas))
      assert.ok(paths.includes(`schemas/${name}.html`), name);
    for (const p of [
      'index.html',
      'report.html',
      'search.html',
      'search-index.json',
      'reference.html',
      'assets/site.css',
      'assets/site.js',
      'assets/search.js',
      'assets/search-terms.js',
      'assets/minisearch.js',
      'assets/redoc.standalone.js',
    ]) {
      assert.ok(paths.includes(p), p);
    }
  });

  test('every relative link and fragment resolves inside the site', () => {
    assert.deepEqual(brokenLinks(files), []);
  });

  test('every page has lang, landmarks, a skip link, ordered headings and labelled inputs', () => {
    assert.deepEqual(staticPages(files).flatMap(structureProblems), []);
  });

  test('the index groups operations by tag, with the deprecated badge on the group invite-token operation', () => {
    const index = file('index.html');
    const group = index.slice(index.indexOf('<h2 id="tag-Group">'), index.indexOf('<h2 id="tag-Space">'));
    assert.match(
      group,
      /Group management operations <a href="reference.html#\/group">This tag in the Redoc reference<\/a>/,
    );
    assert.match(
      group,
      /href="operations\/createUserGroupInviteToken.html"><span class="method method-post">POST<\/span> <code class="path">\/groups\/\{id\}\/users\/token<\/code><\/a> <span class="badge badge-deprecated">Deprecated<\/span>/,
    );
  });

  test('an operation page has privileges, parameters, body, responses with examples, and links to its schemas', () => {
    const page = file('operations/createUserGroupInviteToken.html');
    assert.match(page, /<h1>Create user invite token for group<\/h1>/);
    assert.match(page, /<code>group_add_user<\/code>.*<code>oz_groups_add_relationships<\/code>/);
    assert.match(
      page,
      /<th scope="row"><code>id<\/code><br><span class="muted">path, required<\/span><\/th><td>string<\/td><td>Group Id.<br>Example: <code>&quot;a4d3bc73aada63052310652d421609f1&quot;<\/code><\/td>/,
    );
    assert.match(page, /href="..\/schemas\/GroupInviteTokenRequest.html"/);
    assert.match(page, /<h3 id="response-200">200 OK <a class="anchor" href="#response-200"/);
    assert.match(page, /Documented example \(spec\/source\/003_4dc6ab7dad006d71.txt:25\)/);
    assert.match(
      page,
      /href="..\/schemas\/Error.html">Error<\/a> \(any of <a href="..\/schemas\/Error_17_06_0_rc.html">/,
    );
    assert.match(
      mainText(page),
      /curl -u username:password -X POST \\\nhttps:\/\/\$HOST\/api\/v3\/onezone\/groups\/\$GROUP_ID\/users\/token/,
    );
    const create = file('operations/create_user_space.html');
    assert.match(
      create,
      /<th scope="row"><code>Location<\/code><\/th><td>string<\/td><td>ID of the created space.<\/td>/,
    );
    // How to authenticate, next to the privileges: the spec's schemes (the X-Auth-Token header or HTTP basic).
    const auth = htmlText(page.slice(page.indexOf('id="authorization"')));
    assert.match(auth, /Authentication: either a token in the X-Auth-Token header or HTTP basic authentication/);
    assert.match(auth, /Privileges: any one of these is enough:/);
  });

  test('the cURL sample is built from the example request when the docs have none', () => {
    const page = mainText(file('operations/create_user_space.html'));
    assert.match(page, /cURL: Built from the example request/);
    assert.match(
      page,
      /curl -X POST \\\n {2}-u username:password \\\n {2}-H 'Content-Type: application\/json' \\\n {2}-d '\{"name":"My Private space",/,
    );
    assert.match(page, /"https:\/\/\$HOST:8443\/api\/v3\/onezone\/user\/spaces"/);
  });

  test('the TypeScript samples call the generated client with the real path, method and the documented ids', () => {
    // The id of the docs' own cURL request (spec/source/000_d8da2475d781711b.txt), not the schema's "string".
    const page = file('operations/create_space_user_invite_token.html');
    const sample = typescriptSample(page);
    assert.match(sample, /^import \{ createClient \} from '..\/generated\/onezone\/client.ts';/);
    assert.match(
      sample,
      /await client.POST\('\/spaces\/\{id\}\/users\/token', \{\n {2}params: \{ path: \{ id: '9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc' \} \},\n\}\);/,
    );
    assert.match(page, /Example: <code>&quot;9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc&quot;<\/code>/);
    // The Try it form sends the same request.
    assert.match(page, /data-path="\/spaces\/9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc\/users\/token"/);
  });

  test('each documented sample appears once: the description drops its cURL section the samples show', () => {
    const page = mainText(file('operations/create_space_user_invite_token.html'));
    assert.equal(
      page.split('9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc/users/token').length - 1,
      2,
      'cURL sample + Try it',
    );
    assert.doesNotMatch(page, /Example cURL requests/);
  });

  test('samples are highlighted at build time (spans), their text unchanged', () => {
    const page = file('operations/create_user_space.html');
    assert.match(page, /<code class="language-bash"><span class="tok-k">curl<\/span> <span class="tok-f">-X<\/span>/);
    assert.match(page, /<code class="language-ts"><span class="tok-k">import<\/span>/);
    assert.match(
      page,
      /<code class="language-json">\{\n {2}<span class="tok-p">"name"<\/span>: <span class="tok-s">"My Private space"<\/span>/,
    );
    assert.doesNotMatch(page, /<script(?! src)/, 'no inline script: no runtime highlighter');
  });

  test('operation pages have breadcrumbs, the API navigation, heading anchors and a link to their Redoc section', () => {
    const page = file('operations/join_space.html');
    assert.match(
      page,
      /<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="..\/index.html">Onezone REST API<\/a><\/li><li><a href="..\/index.html#tag-User">User<\/a><\/li><li aria-current="page">Join space<\/li><\/ol><\/nav>/,
    );
    const nav = page.slice(
      page.indexOf('<nav class="api-nav"'),
      page.indexOf('</nav>', page.indexOf('<nav class="api-nav"')),
    );
    for (const op of input.operations) assert.ok(nav.includes(`href="${op.operationId}.html"`), op.operationId);
    assert.match(nav, /<details open><summary>User /);
    assert.match(nav, /<a href="join_space.html" aria-current="page">Join space<\/a>/);
    assert.match(
      page,
      /<h2 id="responses">Responses <a class="anchor" href="#responses" aria-label="Link to this section">#<\/a><\/h2>/,
    );
    assert.match(page, /href="..\/reference.html#\/user\/join_space">This operation in the Redoc reference/);
  });

  test('every TypeScript sample compiles against generated/client.ts', () => {
    // The samples import '../generated/client.ts': compile them as files one folder below the project root.
    const samples = new Map(
      input.operations.map((op) => [
        join(PROJECT_ROOT, 'site-samples', `${op.operationId}.ts`),
        typescriptSample(file(`operations/${op.operationId}.html`)),
      ]),
    );
    const config = ts.parseJsonConfigFileContent(
      ts.readConfigFile(join(PROJECT_ROOT, 'tsconfig.json'), ts.sys.readFile).config,
      ts.sys,
      PROJECT_ROOT,
    );
    const host = ts.createCompilerHost(config.options);
    const { fileExists, readFile } = host;
    host.fileExists = (f) => samples.has(f) || fileExists.call(host, f);
    host.readFile = (f) => samples.get(f) ?? readFile.call(host, f);
    const program = ts.createProgram([...samples.keys()], { ...config.options, noEmit: true }, host);
    for (const name of samples.keys())
      assert.ok(program.getSourceFile(name)?.text.includes('createClient('), `${name} is compiled`);
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file && samples.has(d.file.fileName));
    assert.deepEqual(
      errors.map((d) => `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
      [],
    );
  });

  test('schema pages show properties, the x-inferred sources, and the operations that use them', () => {
    const page = file('schemas/SpaceInviteToken.html');
    assert.match(
      page,
      /<th scope="row"><code>token<\/code><br><span class="muted">(?:required|optional)<\/span><\/th><td>string<\/td>/,
    );
    assert.match(
      page,
      /<li><a href="..\/index.html#schemas">Schemas<\/a><\/li><li aria-current="page">SpaceInviteToken<\/li>/,
    );
    assert.match(page, /<a href="SpaceInviteToken.html" aria-current="page">SpaceInviteToken<\/a>/);
    assert.match(page, /<a href="..\/reference.html">The Redoc reference<\/a>/);
    assert.match(page, /<code>spec\/source\/000_d8da2475d781711b.txt:65<\/code>/);
    const usedBy = page.slice(page.indexOf('id="used-by"'));
    assert.match(usedBy, /href="..\/operations\/create_space_user_invite_token.html"/);
    assert.match(usedBy, /href="..\/operations\/join_space.html"/);
    // Error_17_06_0_rc is used through Error's oneOf.
    assert.match(file('schemas/Error_17_06_0_rc.html'), /href="..\/operations\/create_user_space.html"/);
    assert.match(
      file('schemas/Error_17_06_0_rc.html'),
      /Referenced by schemas<\/h3><ul><li><a href="..\/schemas\/Error.html">Error<\/a>/,
    );
  });

  test('the report page links findings to their operations and schemas (a renamed operation included), and back', () => {
    const report = file('report.html');
    assert.match(report, /<h2 id="merged-conflicts">Merged conflicts \(11\) <a class="anchor"/);
    // A renamed operation is named by the operationId the spec has, the old one after it.
    assert.match(
      report,
      /<a href="operations\/createUserGroupInviteToken.html"><code>createUserGroupInviteToken<\/code><\/a> <span class="muted">\(was <code>create_user_group_invite_token<\/code>\)<\/span>/,
    );
    assert.doesNotMatch(report, />create_user_group_invite_token<\/a>/);
    assert.match(report, /<a href="schemas\/SpaceInviteToken.html"><code>SpaceInviteToken<\/code><\/a>/);
    assert.match(
      report,
      /<tr id="finding-0"><td><span class="badge badge-warning">warning<\/span> cURL sample calls PUT .*<a href="operations\/join_space.html"><code>join_space<\/code><\/a><\/td><td><code>spec\/<wbr>source\/<wbr>002_faa8913b9677d56f.txt:18<\/code>/,
    );
    assert.match(file('operations/join_space.html'), /<a href="..\/report.html#finding-0">cURL sample calls PUT/);
  });

  test('the search index is a MiniSearch index of every operation and schema, found ranked', () => {
    const data = JSON.parse(file('search-index.json')) as { options: typeof SEARCH_OPTIONS; index: unknown };
    const terms = searchTerms();
    const engine = MiniSearch.loadJS(data.index as never, {
      fields: data.options.fields,
      storeFields: data.options.storeFields,
      tokenize: terms.tokenize,
      processTerm: terms.processTerm,
    });
    assert.equal(engine.documentCount, input.operations.length + Object.keys(input.spec.components.schemas).length);
    const search = (q: string) =>
      engine.search(q, { ...data.options.searchOptions, prefix: true, combineWith: 'AND' }) as unknown as {
        name: string;
        url: string;
      }[];
    assert.equal(search('join space')[0]?.name, 'join_space');
    assert.equal(search('join space')[0]?.url, 'operations/join_space.html');
    // Word forms: "invitation" finds "invite", "tokens" finds "token".
    assert.ok(search('invitation tokens').some((h) => h.name === 'createUserGroupInviteToken'));
    assert.ok(search('space_invite_user').some((h) => h.name === 'create_space_user_invite_token'));
    assert.ok(search('X-Auth-Token').length >= 1);
  });

  test('the reference page loads the local Redoc bundle, nothing from a CDN', () => {
    const reference = file('reference.html');
    assert.match(reference, /import \{ hydrate \} from ".\/assets\/redoc.standalone.js";/);
    assert.doesNotMatch(reference, /https:\/\/cdn\./);
    assert.doesNotMatch(file('assets/redoc.standalone.js'), /cdn\.redoc\.ly/);
  });

  test('text from the spec is escaped and Markdown descriptions cannot inject markup', () => {
    const spec = structuredClone(input.spec);
    const op = spec.paths['/user/spaces/join']!.post!;
    op.summary = '<script>alert(1)</script>';
    op.description = 'Hi <img src=x onerror=alert(1)> [rel](../x.html) ![pic](http://example.org/p.png)';
    const model = siteModel(spec, input.report, input.operations, {
      apiTitle: spec.info.title,
      apiVersion: spec.info.version,
      specPath: input.specPath,
      clientModule: '../generated/onezone/client.ts',
      assetPrefix: '',
      api: 'onezone',
      tryIt: { server: 'http://127.0.0.1:8080/api/v3/onezone', mock: 'http://127.0.0.1:4013' },
    });
    const page = operationPageArtifact(
      model,
      model.operations.find((o) => o.entry.operationId === 'join_space')!,
    ).content;
    assert.match(page, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
    assert.doesNotMatch(page, /<script>alert|<img/);
    assert.match(page, /Hi &lt;img src=x onerror=alert\(1\)&gt; rel !<a href="http:\/\/example.org\/p.png">pic<\/a>/);
  });
});
