// Adding an API is adding files: a copy of the project gets a fifth API (the fixture doc set of
// test/fixtures/fifth-api/ as spec/harvester/, and a profile src/apis/harvester/index.ts), and the copy's own
// pipeline and server, loaded in this process, build and serve it. No file of the copy is edited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/paths.ts';
import type { Spec } from '../../src/openapi/spec-types.ts';
import type { PipelineResult, runPipeline } from '../../src/sync/pipeline.ts';
import type { RunningServer, startServer } from '../../src/server/index.ts';
import { ADMIN, tokenHeader } from '../helpers/server-fixtures.ts';

const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'fifth-api');
const PAGES = [
  'overview.md',
  'security.md',
  'paths.md',
  'definitions.md',
  'definitions/Entry.md',
  'definitions/Error.md',
].concat(['operations/list_entries.md', 'operations/add_entry.md', 'operations/get_entry.md']);
const fixturePage = (name: string) => readFileSync(join(FIXTURE, 'docs', 'operations', name), 'utf8');

// The fifth API's profile: its entries in memory, add_entry and list_entries real, get_entry its stub.
const PROFILE = `// Harvester: a made-up fifth API (test/apis/fifth-api.test.ts); every privilege is the user's.
import type { Reply } from '../../openapi/stub-reply.ts';
import { manifestFacts, USER_WIDE, type ApiProfile } from '../profile.ts';

interface Entry {
  id: string;
  title: string;
}
interface HarvesterState {
  entries: Entry[];
}

export const profile: ApiProfile<HarvesterState> = {
  ...manifestFacts('harvester'),
  serveOrder: 5,
  mockPort: 4014,
  createState: () => ({ entries: [] }),
  privilegeScope: () => USER_WIDE,
  implementations: {
    add_entry: ({ body, state }: { body: Entry; state: HarvesterState }): Reply => {
      state.entries.push(body);
      return { status: 204 };
    },
    list_entries: ({ state }: { state: HarvesterState }): Reply => ({ status: 200, body: state.entries }),
  },
};
`;

/** The copy: what the pipeline and the server read, node_modules linked. */
function copyForPipeline(): string {
  const root = mkdtempSync(join(tmpdir(), 'fifth-api-'));
  for (const entry of ['spec', 'src', 'package.json', 'package-lock.json', 'tsconfig.json', 'redocly.yaml'])
    cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** Writes a file the copy must not have yet: the fifth API only adds files. */
function addFile(root: string, path: string, content: string | Buffer): void {
  const file = join(root, path);
  assert.ok(!existsSync(file), `${path} is new`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

describe('a fifth API from files only: spec, generated files, site pages, a served base path', () => {
  let root: string;
  let result: PipelineResult;
  let server: RunningServer | undefined;
  const artifact = (path: string) => result.artifacts.find((a) => a.path === path)?.content;

  before(async () => {
    root = copyForPipeline();
    addFile(root, 'spec/harvester/sources.yaml', readFileSync(join(FIXTURE, 'sources.yaml')));
    for (const page of PAGES)
      addFile(root, `spec/harvester/docs/17.06.0-rc8/${page}`, readFileSync(join(FIXTURE, 'docs', page)));
    addFile(root, 'src/apis/harvester/index.ts', PROFILE);

    const pipeline = (await import(pathToFileURL(join(root, 'src', 'sync', 'pipeline.ts')).href)) as {
      runPipeline: typeof runPipeline;
    };
    result = await pipeline.runPipeline({ root });
    for (const { path, content } of result.artifacts) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  });
  after(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the pipeline builds it with no error, beside the four APIs', () => {
    assert.deepEqual(result.errors, []);
    const built = result.builds.filter((b) => b.target.isDefault).map((b) => b.api);
    assert.deepEqual(built, ['harvester', 'luma', 'onepanel', 'oneprovider', 'onezone']);
  });

  test('spec/harvester/openapi.yaml has the fixture pages’ three operations under /api/v3/harvester', () => {
    // Each page opens with its endpoint: GET /entries, POST /entries, GET /entries/{eid}.
    assert.match(fixturePage('list_entries.md'), /^```\nGET \/entries\n```$/m);
    assert.match(fixturePage('add_entry.md'), /^```\nPOST \/entries\n```$/m);
    assert.match(fixturePage('get_entry.md'), /^```\nGET \/entries\/\{eid\}\n```$/m);
    const spec = parse(artifact('spec/harvester/openapi.yaml') ?? '') as Spec;
    assert.deepEqual(
      Object.entries(spec.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => `${method} ${path} ${(op as { operationId: string }).operationId}`),
      ),
      ['get /entries list_entries', 'post /entries add_entry', 'get /entries/{eid} get_entry'],
    );
    assert.equal(spec.servers?.[0]?.url, 'https://{host}/api/v3/harvester');
    assert.deepEqual(Object.keys(spec.components.schemas ?? {}), ['Entry', 'Error']);
  });

  test('generated/harvester/ holds its types, client, handlers and operation index', () => {
    assert.match(artifact('generated/harvester/schema.d.ts') ?? '', /list_entries: \{/);
    assert.match(artifact('generated/harvester/client.ts') ?? '', /default: https:\/\/localhost\/api\/v3\/harvester/);
    assert.match(artifact('generated/harvester/handlers.ts') ?? '', /get_entry/);
    const index = JSON.parse(artifact('generated/harvester/operations.json') ?? '{}') as {
      operations: { operationId: string }[];
    };
    assert.deepEqual(index.operations.map((o) => o.operationId).sort(), ['add_entry', 'get_entry', 'list_entries']);
  });

  test('site/harvester/ has a page per operation; the portal’s home links the API', () => {
    for (const id of ['list_entries', 'add_entry', 'get_entry'])
      assert.ok(artifact(`site/harvester/operations/${id}.html`), id);
    assert.match(artifact('site/harvester/operations/add_entry.html') ?? '', /POST/);
    assert.match(artifact('site/index.html') ?? '', /href="harvester\/index\.html"/);
    // The "Try it" form calls the profile's mock port.
    assert.match(artifact('site/harvester/operations/list_entries.html') ?? '', /127\.0\.0\.1:4014/);
  });

  test('the copy’s server serves /api/v3/harvester with the profile’s state and implementations', async () => {
    const index = (await import(pathToFileURL(join(root, 'src', 'server', 'index.ts')).href)) as {
      startServer: typeof startServer;
    };
    server = await index.startServer({ port: 0, log: false });
    const base = server.urls.harvester;
    assert.match(base ?? '', /^http:\/\/127\.0\.0\.1:\d+\/api\/v3\/harvester$/);
    const json = { ...tokenHeader(ADMIN), 'content-type': 'application/json' };
    const entry = { id: 'e1', title: 'Ocean temperatures' };
    const added = await fetch(`${base}/entries`, { method: 'POST', headers: json, body: JSON.stringify(entry) });
    assert.equal(added.status, 204);
    const listed = await fetch(`${base}/entries`, { headers: tokenHeader(ADMIN) });
    assert.equal(listed.status, 200);
    assert.deepEqual(await listed.json(), [entry]);
    // Without a token: the doc set's api_key scheme (security.md) asks for X-Auth-Token.
    assert.equal((await fetch(`${base}/entries`)).status, 401);
    const bad = await fetch(`${base}/entries`, { method: 'POST', headers: json, body: '{"id":"e2"}' });
    assert.equal(bad.status, 400, 'Entry.md marks title required');
  });
});
