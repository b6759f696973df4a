// src/rebuild/formats/swagger2markup/tag.ts: paths.md groups → tags with their operationIds.
// Page: luma paths.md (17.06.0-rc8).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractTag } from '../../../../src/rebuild/formats/swagger2markup/tag.ts';
import { splitUnits } from '../../../../src/rebuild/formats/swagger2markup/units.ts';
import { unitRules } from '../../../../src/rebuild/formats/swagger2markup/unit-rules.ts';
import { fixture, lineOf, readText, unitsOf } from '../../helpers.ts';
import { extract, PATHS_PAGE } from '../../pages.ts';

const FILE = 'swagger2markup/luma-paths.md';

function tagsOf(text: string) {
  const read = readText(FILE, text);
  return { tags: unitsOf(read, 'tag').map((u) => extractTag(read.ctx, u)), findings: read.findings };
}

describe('luma paths.md', () => {
  it('Admin: "LUMA management endpoint" and its eleven operations, from the links, in table order', () => {
    const text = fixture(FILE);
    const [admin] = tagsOf(text).tags;
    assert.equal(admin?.name, 'Admin');
    assert.equal(admin?.description, 'LUMA management endpoint');
    assert.equal(admin?.at.line, lineOf(text, '### Admin'));
    assert.equal(admin?.operationIds.length, 11);
    assert.deepEqual(admin?.operationIds.slice(0, 3), [
      'get_space_default_group',
      'set_space_default_group',
      'delete_space_default_group',
    ]);
    assert.equal(admin?.operationIds.at(-1), 'delete_group_mapping');
  });

  it('Mapping: ids come from the linked page, not the path (/resolve_acl_group → resolve_acl_group_identity)', () => {
    const [, mapping] = tagsOf(fixture(FILE)).tags;
    assert.equal(mapping?.description, 'User and group mapping');
    assert.deepEqual(mapping?.operationIds, [
      'map_group',
      'map_user_credentials',
      'resolve_acl_group_identity',
      'resolve_acl_user_identity',
      'resolve_group',
      'resolve_user_identity',
    ]);
  });

  it('concatenated docs link "#map_group" instead of operations/map_group.md: same id', () => {
    const text = fixture(FILE).replace('(operations/map_group.md)', '(#map_group)');
    assert.equal(tagsOf(text).tags[1]?.operationIds[0], 'map_group');
  });

  it('a group table with other columns is reported as broken and lists no operations', () => {
    const text = fixture(FILE).replace('|Path|Method|Description|\n|---|---|---|\n|[/map_group]', (m) =>
      m.replace('Method', 'Verb'),
    );
    const read = readText(FILE, text);
    // No longer classified as a tag (units.ts wants Path | Method | Description): handed to extractTag directly.
    const unit = splitUnits(read.blocks, unitRules()).find((u) => u.heading?.text === 'Mapping');
    assert.ok(unit);
    assert.deepEqual(extractTag(read.ctx, unit).operationIds, []);
    assert.deepEqual(
      read.findings.map((f) => [f.code, f.line]),
      [['broken-table', lineOf(text, '|Path|Verb|Description|')]],
    );
  });
});

describe('tag extractor (paths.md groups)', () => {
  it('reads each group name, description and the operations its table links', () => {
    const x = extract('paths.md', PATHS_PAGE);
    assert.deepEqual(x.findings, []);
    assert.deepEqual(
      x.model.tags.map((t) => ({
        name: t.name,
        description: t.description,
        operationIds: t.operationIds,
        line: t.at.line,
      })),
      [
        {
          name: 'Group',
          description: 'Group management operations',
          operationIds: ['create_group', 'get_group'],
          line: lineOf(PATHS_PAGE, '### Group'),
        },
        {
          name: 'Space',
          description: 'Space management operations',
          operationIds: ['create_space'],
          line: lineOf(PATHS_PAGE, '### Space'),
        },
      ],
    );
    assert.equal(x.model.operations.length, 0);
  });
});
