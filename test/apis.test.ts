// The four APIs as the product: each doc set carried inside the project with its provenance, one spec per API
// built from it by sync, nothing of one API leaking into another, and bad manifests refused with a location.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { docSetDir, PROJECT_ROOT } from '../src/paths.ts';
import { loadManifest, ManifestError } from '../src/rebuild/docs/manifest.ts';
import { apiNames } from '../src/sync/inputs.ts';
import type { Spec } from '../src/openapi/spec-types.ts';
import { copyProject, runCli } from './helpers/project-copy.ts';

const specOf = (api: string) => parse(readFileSync(join(PROJECT_ROOT, 'spec', api, 'openapi.yaml'), 'utf8')) as Spec;
const operationsOf = (spec: Spec) => Object.values(spec.paths).flatMap((item) => Object.values(item));

describe('the four doc sets inside the project', () => {
  test('spec/ holds onezone, onepanel, oneprovider and luma, each with its 17.06.0-rc8 operation pages', () => {
    assert.deepEqual(apiNames(PROJECT_ROOT), ['luma', 'onepanel', 'oneprovider', 'onezone']);
    const pages = (api: string) => readdirSync(join(docSetDir(api), 'operations')).length;
    assert.deepEqual(
      ['onezone', 'onepanel', 'oneprovider', 'luma'].map(pages),
      [213, 65, 27, 17], // as the onedata-documentation tree at 22ab6797 has them
    );
  });

  test('each manifest names where its doc set comes from: repository, commit, path, release, license', () => {
    for (const api of apiNames(PROJECT_ROOT)) {
      const manifest = loadManifest(join(PROJECT_ROOT, 'spec', api, 'sources.yaml'));
      const docSet = manifest.sources.find((s) => s.dir === 'docs/17.06.0-rc8');
      assert.ok(docSet?.provenance, `${api} lists its doc set with provenance`);
      assert.match(docSet.provenance.repository ?? '', /onedata\/onedata-documentation/);
      assert.equal(docSet.provenance.commit, '22ab6797');
      assert.equal(docSet.provenance.path, `doc/advanced/rest/${api}/`);
      assert.equal(docSet.provenance.release, '17.06.0-rc8');
      assert.match(docSet.provenance.license ?? '', /^Apache 2\.0/);
      // The overview page of the doc set states that license.
      assert.match(readFileSync(join(docSetDir(api), 'overview.md'), 'utf8'), /\*License\* : Apache 2\.0/);
    }
  });

  test('no tracked code, test or CI step reads the shared folder beside the project', () => {
    // The folder's name is assembled, so this test's own text is no hit.
    const folder = ['sha', 'red'].join('');
    const pattern = `(\\.\\./${folder}|'\\.\\.', *'${folder}'|${folder}/corpus)`;
    const run = spawnSync('git', ['grep', '-n', '-E', pattern, '--', ':!*.md'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    assert.equal(run.stdout, '');
    assert.equal(run.status, 1, 'git grep found nothing');
  });
});

describe('one spec per API', () => {
  test('operation counts follow the doc sets; the Onezone seeds merge in without adding operations', () => {
    assert.deepEqual(
      ['onezone', 'onepanel', 'oneprovider', 'luma'].map((api) => operationsOf(specOf(api)).length),
      [213, 65, 27, 17],
    );
  });

  test('each API is served under its own base path (overview.md BasePath)', () => {
    for (const api of ['onezone', 'onepanel', 'oneprovider', 'luma'])
      assert.ok(
        specOf(api).servers?.every((s) => s.url.endsWith(`/api/v3/${api}`)),
        api,
      );
  });

  test('security schemes come from each doc set alone: Onepanel basic, LUMA the X-Auth-Token header', () => {
    assert.deepEqual(specOf('onepanel').components.securitySchemes, { basic: { type: 'http', scheme: 'basic' } });
    assert.deepEqual(specOf('luma').components.securitySchemes, {
      api_key: { type: 'apiKey', name: 'X-Auth-Token', in: 'header' },
    });
    assert.deepEqual(Object.keys(specOf('onezone').components.securitySchemes), ['api_key', 'basic']);
  });

  test('the 20.02 seed wins in Onezone: createUserGroupInviteToken is deprecated and needs group_add_user', () => {
    const op = specOf('onezone').paths['/groups/{id}/users/token']?.post;
    assert.equal(op?.operationId, 'createUserGroupInviteToken');
    assert.equal(op?.deprecated, true);
    assert.deepEqual(op?.['x-privileges'], ['group_add_user', 'oz_groups_add_relationships']);
  });

  test('the same-release seed page that repeats an rc8 page is reported once as a duplicate', () => {
    const report = JSON.parse(readFileSync(join(PROJECT_ROOT, 'spec/onezone/report.json'), 'utf8'));
    const duplicates = report.findings.filter((f: { code: string }) => f.code === 'duplicate-operation');
    assert.equal(duplicates.length, 1);
    assert.equal(duplicates[0].file, 'spec/source/001_f0c0a98369f4e66d.txt');
  });
});

describe('bad manifests', () => {
  test('a source entry with neither file nor dir is refused at its line', () => {
    const dir = join(PROJECT_ROOT, 'test-output');
    const file = join(dir, `bad-manifest-${process.pid}.yaml`);
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(file, 'info: { title: T, version: "1" }\nbasePath: /x\nsources:\n  - release: r\n    order: 1\n');
    try {
      assert.throws(
        () => loadManifest(file),
        (e: unknown) => {
          assert.ok(e instanceof ManifestError);
          assert.match(e.message, /bad-manifest-\d+\.yaml:4: source 1 needs exactly one of "file" or "dir"/);
          return true;
        },
      );
    } finally {
      rmSync(file, { force: true });
    }
  });

  test('sync refuses a missing page and a page claimed by two APIs, and writes nothing', () => {
    const root = copyProject();
    try {
      const spec = join(root, 'spec', 'luma', 'openapi.yaml');
      const before = readFileSync(spec, 'utf8');
      const manifest = join(root, 'spec', 'luma', 'sources.yaml');
      const original = readFileSync(manifest, 'utf8');
      writeFileSync(spec, `${before}# marker\n`);
      writeFileSync(
        manifest,
        `${original}  - file: ../onepanel/docs/17.06.0-rc8/operations/add_provider.md\n    release: r\n    order: 2\n` +
          '  - file: docs/no-such-page.md\n    release: r\n    order: 2\n',
      );
      const run = runCli(root, 'sync');
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(
        run.stderr,
        /spec\/onepanel\/docs\/17\.06\.0-rc8\/operations\/add_provider\.md is claimed by both luma/,
      );
      assert.match(run.stderr, /spec\/luma\/docs\/no-such-page\.md:\d+: error: /);
      assert.equal(readFileSync(spec, 'utf8'), `${before}# marker\n`, 'nothing written');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
