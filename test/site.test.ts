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
import { brokenLinks, seedSiteInput, staticPages, structureProblems, type SiteFile } from './helpers/site.ts';

let input: SiteInput;
let files: SiteFile[];
const file = (path: string) => {
  const found = files.find((f) => f.path === path);
  assert.ok(found, `site/${path} is generated`);
  return found.content;
};
/** The text of the first <pre><code class="language-ts"> block, unescaped. */
const typescriptSample = (html: string) =>
  (html.match(/<code class="language-ts">([\s\S]*?)<\/code>/)?.[1] ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

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
      'assets/search.js',
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
    assert.match(group, /Group management operations/);
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
    assert.match(page, /<h3 id="response-200">200 OK<\/h3>/);
    assert.match(page, /Documented example \(spec\/source\/003_4dc6ab7dad006d71.txt:25\)/);
    assert.match(
      page,
      /href="..\/schemas\/Error.html">Error<\/a> \(one of <a href="..\/schemas\/Error_17_06_0_rc.html">/,
    );
    assert.match(
      page,
      /curl -u username:password -X POST \\\nhttps:\/\/\$HOST\/api\/v3\/onezone\/groups\/\$GROUP_ID\/users\/token/,
    );
    const create = file('operations/create_user_space.html');
    assert.match(
      create,
      /<th scope="row"><code>Location<\/code><\/th><td>string<\/td><td>ID of the created space.<\/td>/,
    );
  });

  test('the cURL sample is built from the example request when the docs have none', () => {
    const page = file('operations/create_user_space.html');
    assert.match(page, /cURL: Built from the example request/);
    assert.match(
      page,
      /curl -X POST \\\n {2}-u username:password \\\n {2}-H 'Content-Type: application\/json' \\\n {2}-d '\{"name":"My Private space",/,
    );
    assert.match(page, /"https:\/\/\$HOST:8443\/api\/v3\/onezone\/user\/spaces"<\/code>/);
  });

  test('the TypeScript samples call the generated client with the real path, method and example parameters', () => {
    const sample = typescriptSample(file('operations/create_space_user_invite_token.html'));
    assert.match(sample, /^import \{ createClient \} from '..\/generated\/onezone\/client.ts';/);
    assert.match(
      sample,
      /await client.POST\('\/spaces\/\{id\}\/users\/token', \{\n {2}params: \{ path: \{ id: 'string' \} \},\n\}\);/,
    );
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
      /<th scope="row"><code>token<\/code><br><span class="muted">required<\/span><\/th><td>string<\/td>/,
    );
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
    assert.match(report, /<h2 id="merged-conflicts">Merged conflicts \(11\)<\/h2>/);
    assert.match(report, /<a href="operations\/createUserGroupInviteToken.html">create_user_group_invite_token<\/a>/);
    assert.match(report, /<a href="schemas\/SpaceInviteToken.html">SpaceInviteToken<\/a>/);
    assert.match(
      report,
      /<tr id="finding-0"><td><span class="badge badge-warning">warning<\/span> cURL sample calls PUT .*<a href="operations\/join_space.html">join_space<\/a><\/td><td><code>spec\/<wbr>source\/<wbr>002_faa8913b9677d56f.txt:18<\/code>/,
    );
    assert.match(file('operations/join_space.html'), /<a href="..\/report.html#finding-0">cURL sample calls PUT/);
  });

  test('the search index lists every operation and schema with a relative URL', () => {
    const entries = JSON.parse(file('search-index.json')) as { kind: string; name: string; url: string }[];
    assert.equal(entries.length, input.operations.length + Object.keys(input.spec.components.schemas).length);
    assert.deepEqual(entries[0], {
      kind: 'operation',
      name: 'createUserGroupInviteToken',
      title: 'Create user invite token for group',
      method: 'POST',
      path: '/groups/{id}/users/token',
      deprecated: true,
      url: 'operations/createUserGroupInviteToken.html',
    });
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
