// A third doc format added by files only: test/fixtures/third-format/ holds a format module (opsdoc-format.ts),
// its manifest listing it under `formats:`, and pages in its made-up syntax. Nothing in src/ knows opsdoc.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSpec, type BuildResult } from '../../../src/rebuild/build.ts';
import { ManifestError } from '../../../src/rebuild/docs/manifest.ts';
import { loadFormats } from '../../../src/rebuild/formats/load.ts';
import type { Schema } from '../../../src/rebuild/model.ts';

const DIR = fileURLToPath(new URL('../../fixtures/third-format/', import.meta.url));
const MANIFEST = `${DIR}sources.yaml`;

describe('opsdoc, a format the manifest adds', async () => {
  const result: BuildResult = buildSpec({
    manifestPath: MANIFEST,
    displayRoot: DIR,
    formats: await loadFormats(MANIFEST),
  });
  const paths = result.document.paths as Record<string, Record<string, Schema>>;

  it('gives a spec with the three operations the pages state', () => {
    assert.deepEqual(
      Object.entries(paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path} ${ops[m]!.operationId}`),
      ),
      ['delete /groups/{id} delete_group', 'get /users list_users', 'get /users/{id} get_user'],
    );
  });

  it('keeps summaries, parameters, responses and tags (docs/users.ops)', () => {
    const list = paths['/users']!.get!;
    assert.equal(list.summary, 'List every user');
    assert.deepEqual(list.tags, ['Users']);
    assert.deepEqual(
      (list.parameters as Schema[]).map((p) => [p.name, p.in, p.required, p.schema]),
      [['limit', 'query', false, { type: 'integer' }]],
    );
    assert.deepEqual(Object.keys(paths['/users/{id}']!.get!.responses as object), ['200', '404']);
    assert.equal((paths['/users/{id}']!.get!.responses as Record<string, Schema>)['404']!.description, 'No such user');
    assert.deepEqual(Object.keys(paths['/groups/{id}']!.delete!.responses as object), ['204']);
  });

  it("reports the line the format does not know, named by the format's rule", () => {
    const unmapped = result.findings.all.filter((f) => f.code === 'unmapped-block');
    assert.deepEqual(
      unmapped.map((f) => [f.file, f.line, f.rule]),
      [['docs/groups.ops', 7, 'opsdoc']],
    );
    assert.equal(result.findings.hasErrors, false);
  });

  it('a build that did not load the formats the manifest lists stops at its formats: line', () => {
    assert.throws(
      () => buildSpec({ manifestPath: MANIFEST, displayRoot: DIR }),
      (e: unknown) => e instanceof ManifestError && e.file === MANIFEST && e.line === 7,
    );
  });

  it('a listed module that exports no format factory is refused at the formats: line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'third-format-'));
    try {
      const manifest = join(dir, 'sources.yaml');
      const module = `${DIR}not-a-format.ts`;
      const facts = 'info: { title: T, version: "1", description: D }\nbasePath: /\n';
      writeFileSync(manifest, `${facts}formats: [${module}]\nsources: [{ dir: docs, release: "1", order: 1 }]\n`);
      await assert.rejects(
        loadFormats(manifest),
        (e: unknown) =>
          e instanceof ManifestError && e.line === 3 && e.what.startsWith(`format ${module} must export as default`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
