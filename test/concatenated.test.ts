// The same doc set written the other way swagger2markup can write it: every operation concatenated into
// paths.md (under its tag group, linked by #anchor) and every definition into definitions.md. The rebuilt spec
// must be the same as from the split pages, and a set holding both forms must not count anything twice.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSpec, type BuildResult } from '../src/rebuild/build.ts';
import { CORPUS_DIR, MANIFEST } from './helpers/corpus.ts';

const pages = (dir: string) =>
  readdirSync(join(CORPUS_DIR, dir))
    .sort()
    .map((f) => readFileSync(join(CORPUS_DIR, dir, f), 'utf8'));

/** paths.md with #anchor links and the operation pages appended; definitions.md with the definition pages. */
function writeConcatenated(dir: string): void {
  for (const f of ['overview.md', 'security.md']) cpSync(join(CORPUS_DIR, f), join(dir, f));
  const index = readFileSync(join(CORPUS_DIR, 'paths.md'), 'utf8').replace(/\]\(operations\/([^)]+)\.md\)/g, '](#$1)');
  writeFileSync(join(dir, 'paths.md'), [index, ...pages('operations')].join('\n\n'));
  writeFileSync(join(dir, 'definitions.md'), pages('definitions').join('\n\n'));
}

const build = (dir: string) => buildSpec({ manifestPath: MANIFEST, docsDir: dir, displayRoot: dir });
const operationIds = (r: BuildResult) => r.operations.map((o) => o.operationId).sort();

describe('concatenated paths.md / definitions.md', () => {
  let split: BuildResult;
  let concatenated: BuildResult;
  let both: BuildResult;
  before(() => {
    split = build(CORPUS_DIR);
    const one = mkdtempSync(join(tmpdir(), 'onezone-concat-'));
    writeConcatenated(one);
    concatenated = build(one);
    const twice = mkdtempSync(join(tmpdir(), 'onezone-both-'));
    writeConcatenated(twice);
    mkdirSync(join(twice, 'operations'));
    cpSync(join(CORPUS_DIR, 'operations'), join(twice, 'operations'), { recursive: true });
    both = build(twice);
  });

  test('reads the 213 operations and the same paths, tags and schemas as the split pages', () => {
    assert.equal(concatenated.operations.length, 213);
    assert.deepEqual(operationIds(concatenated), operationIds(split));
    const doc = concatenated.document as { paths: object; tags: unknown; components: { schemas: object } };
    const ref = split.document as typeof doc;
    assert.deepEqual(Object.keys(doc.paths), Object.keys(ref.paths));
    assert.deepEqual(doc.tags, ref.tags);
    assert.deepEqual(Object.keys(doc.components.schemas), Object.keys(ref.components.schemas));
    // create_space sits under "Space" in paths.md, linked as #create_space.
    const createSpace = (doc.paths as Record<string, Record<string, { tags: string[] }>>)['/spaces']!.post!;
    assert.deepEqual(createSpace.tags, ['Space']);
  });

  test('maps every block of the two big pages', () => {
    const unmapped = concatenated.findings.all.filter(
      (f) => f.code === 'unmapped-block' || f.code === 'unknown-section' || f.severity === 'error',
    );
    assert.deepEqual(unmapped, []);
  });

  test('split and concatenated pages together: each operation counted once, the duplicates reported', () => {
    assert.equal(both.operations.length, 213);
    assert.equal(both.findings.hasErrors, false);
    const duplicates = both.findings.all.filter((f) => f.code === 'duplicate-operation');
    assert.equal(duplicates.length, 213);
    assert.ok(
      duplicates.every(
        (f) => f.related?.file === `operations/${f.subject}.md` || f.file === `operations/${f.subject}.md`,
      ),
    );
  });
});
