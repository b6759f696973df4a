// The changelogs of the real releases, 3.0.0-rc15 → 17.06.0-rc8, against what the two doc sets show: the lists
// below were read from the operation pages of both releases (the HTTP line of each page, and the privilege it
// names), not from the code under test.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSpecs } from '../../src/changes/diff.ts';
import { loadSpec } from '../../src/changes/load.ts';
import type { Changelog } from '../../src/changes/types.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

function changelog(api: string): Changelog {
  const old = loadSpec(join(PROJECT_ROOT, 'spec', api, 'releases', '3.0.0-rc15', 'openapi.yaml'));
  const newer = loadSpec(join(PROJECT_ROOT, 'spec', api, 'openapi.yaml'));
  return diffSpecs(old, newer);
}

const names = (ops: { method: string; path: string }[]) => ops.map((op) => `${op.method.toUpperCase()} ${op.path}`);

describe('3.0.0-rc15 → 17.06.0-rc8, as the docs of both releases show', () => {
  test('Onepanel drops GET and PATCH /provider/storages/{name} and adds 10 operations', () => {
    const log = changelog('onepanel');
    assert.deepEqual(names(log.removed), ['GET /provider/storages/{name}', 'PATCH /provider/storages/{name}']);
    assert.ok(log.removed.every((op) => op.breaking && op.rule === 'api-removed'));
    assert.deepEqual(names(log.added), [
      'PATCH /provider/spaces/{id}',
      'GET /provider/spaces/{id}/auto_cleaning_reports',
      'GET /provider/spaces/{id}/auto_cleaning_status',
      'POST /provider/spaces/{id}/start_cleaning',
      'GET /provider/spaces/{id}/sync',
      'GET /provider/storages/{id}',
      'PATCH /provider/storages/{id}',
      'DELETE /session',
      'GET /session',
      'POST /session',
    ]);
  });

  test('LUMA grows from 1 operation to 17: 16 added, none removed', () => {
    const log = changelog('luma');
    assert.deepEqual(log.removed, []);
    assert.deepEqual(names(log.added), [
      'DELETE /admin/spaces/{sid}/default_group',
      'GET /admin/spaces/{sid}/default_group',
      'PUT /admin/spaces/{sid}/default_group',
      'POST /admin/users',
      'DELETE /admin/users/{lid}',
      'GET /admin/users/{lid}',
      'PUT /admin/users/{lid}',
      'PUT /admin/users/{lid}/credentials',
      'DELETE /admin/{idp}/groups/{groupId}',
      'GET /admin/{idp}/groups/{groupId}',
      'PUT /admin/{idp}/groups/{groupId}',
      'POST /map_group',
      'POST /resolve_acl_group',
      'POST /resolve_acl_user',
      'POST /resolve_group',
      'POST /resolve_user',
    ]);
  });

  test('Oneprovider adds the two replica deletions', () => {
    const log = changelog('oneprovider');
    assert.deepEqual(log.removed, []);
    assert.deepEqual(names(log.added), ['DELETE /replicas-id/{fid}', 'DELETE /replicas/{path}']);
  });

  describe('Onezone keeps its 213 operations but renames privileges, each rename breaking', () => {
    const log = changelog('onezone');
    test('no operation added or removed', () => {
      assert.deepEqual(log.added, []);
      assert.deepEqual(log.removed, []);
    });

    // Operation → [3.0.0-rc15 privilege, 17.06.0-rc8 privilege], as each release's page names it.
    const RENAMES: [string, string, string][] = [
      ['DELETE /groups/{id}', 'group_remove', 'group_delete'],
      ['GET /groups', 'list_groups', 'oz_groups_list'],
      ['PUT /handles/{hndl}/groups/{gid}', 'modify_handle', 'handle_update'],
      ['PUT /spaces/{id}/groups/{gid}', 'add_member_to_space', 'oz_spaces_add_members'],
      ['DELETE /spaces/{id}/groups/{gid}', 'remove_member_from_space', 'oz_spaces_remove_members'],
    ];
    for (const [operation, before, after] of RENAMES)
      test(`${operation}: \`${before}\` → \`${after}\``, () => {
        const entry = log.changed.find((c) => `${c.method.toUpperCase()} ${c.path}` === operation);
        assert.ok(entry, `${operation} is listed as changed`);
        const removed = entry.changes.find(
          (c) => c.rule === 'api-privilege-removed' && c.message.includes(`\`${before}\``),
        );
        assert.ok(removed, `${operation}: ${before} removed`);
        assert.equal(removed.breaking, true);
        assert.equal(entry.breaking, true);
        const [method, path] = operation.split(' ') as [string, string];
        const pointer = `/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method.toLowerCase()}/x-privileges`;
        assert.equal(removed.pointer, pointer);
        assert.ok(
          entry.changes.some((c) => c.rule === 'api-privilege-added' && c.message.includes(`\`${after}\``)),
          `${operation}: ${after} added`,
        );
      });

    test('DELETE /groups/{id} names the docs page of both releases', () => {
      const entry = log.changed.find((c) => c.method === 'delete' && c.path === '/groups/{id}');
      assert.match(entry?.source ?? '', /\/operations\/remove_group\.md:\d+$/);
      assert.match(entry?.oldSource ?? '', /operations\/remove_group\.md:\d+$/);
    });

    test('at least the 108 operations whose pages of both releases name one privilege each, differently', () => {
      const renamed = log.changed.filter((c) =>
        c.changes.some((x) => x.rule === 'api-privilege-removed' && x.breaking),
      );
      assert.ok(renamed.length >= 108, `${renamed.length} operations lose a privilege`);
    });
  });
});

/** The HTTP line (`METHOD /path`) of every operation page of one doc set: the first line of its first code block. */
function documentedOperations(api: string, release: string): Set<string> {
  const dir = join(PROJECT_ROOT, 'spec', api, 'docs', release, 'operations');
  return new Set(
    readdirSync(dir).map((name) => {
      const lines = readFileSync(join(dir, name), 'utf8').split('\n');
      return lines[lines.findIndex((l) => l.startsWith('```')) + 1]!.trim();
    }),
  );
}

const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

/** A committed changelog, spec/<api>/changes/<from>..<to>.json, parsed. */
function committed(
  api: string,
  from: string,
  to: string,
): Changelog & { generatedBy: string; from: string; to: string } {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, 'spec', api, 'changes', `${from}..${to}.json`), 'utf8'));
}

/** `file:line` of the line of `page` (a docs page of one release) that starts with `text`. */
function docLine(api: string, release: string, page: string, text: string): string {
  const file = `spec/${api}/docs/${release}/operations/${page}`;
  const line =
    readFileSync(join(PROJECT_ROOT, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith(text)) + 1;
  assert.ok(line > 0, `${file} has a line starting with ${text}`);
  return `${file}:${line}`;
}

describe('the committed changelogs (npm run sync), against the docs of both releases', () => {
  test('every changelog spec/releases.json names exists, with its from, to and generatedBy', () => {
    const index = JSON.parse(readFileSync(join(PROJECT_ROOT, 'spec', 'releases.json'), 'utf8'));
    const files = new Set<string>();
    for (const release of index.releases)
      for (const change of release.changes) {
        files.add(change.file);
        assert.ok(existsSync(join(PROJECT_ROOT, change.file)), `${change.file} exists`);
        const log = JSON.parse(readFileSync(join(PROJECT_ROOT, change.file), 'utf8'));
        assert.deepEqual([log.generatedBy, log.from, log.to], ['npm run sync', change.from, change.to]);
        for (const key of ['added', 'removed', 'changed']) assert.ok(Array.isArray(log[key]), `${change.file}: ${key}`);
      }
    // Three consecutive pairs of two releases for LUMA, Onepanel and Oneprovider; one for Onezone (no 18.02 docs).
    assert.equal(files.size, 7);
  });

  test('Onepanel 3.0.0-rc15..17.06.0-rc8: removed and added exactly the operations whose pages differ', () => {
    const old = documentedOperations('onepanel', '3.0.0-rc15');
    const newer = documentedOperations('onepanel', '17.06.0-rc8');
    const log = committed('onepanel', '3.0.0-rc15', '17.06.0-rc8');
    assert.deepEqual(names(log.removed).sort(), minus(old, newer));
    assert.deepEqual(names(log.removed).sort(), ['GET /provider/storages/{name}', 'PATCH /provider/storages/{name}']);
    assert.deepEqual(names(log.added).sort(), minus(newer, old));
    assert.equal(log.added.length, 10);
    assert.ok(names(log.added).includes('DELETE /session'));
  });

  test('LUMA 3.0.0-rc15..17.06.0-rc8 adds the 16 operations only the newer docs have', () => {
    const old = documentedOperations('luma', '3.0.0-rc15');
    const newer = documentedOperations('luma', '17.06.0-rc8');
    const log = committed('luma', '3.0.0-rc15', '17.06.0-rc8');
    assert.equal(minus(newer, old).length, 16);
    assert.deepEqual(names(log.added).sort(), minus(newer, old));
    assert.deepEqual(log.removed, []);
  });

  test('Onezone: DELETE /groups/{id} is breaking, group_remove → group_delete, with both docs pages', () => {
    const log = committed('onezone', '3.0.0-rc15', '17.06.0-rc8');
    const entry = log.changed.find((c) => c.method === 'delete' && c.path === '/groups/{id}');
    assert.ok(entry);
    assert.equal(entry.breaking, true);
    const heading = '#### Remove group';
    const source = docLine('onezone', '17.06.0-rc8', 'remove_group.md', heading);
    const oldSource = docLine('onezone', '3.0.0-rc15', 'remove_group.md', heading);
    // The privilege each release's page names, as the page says it.
    assert.ok(docLine('onezone', '3.0.0-rc15', 'remove_group.md', 'This operation requires `group_remove`'));
    assert.ok(docLine('onezone', '17.06.0-rc8', 'remove_group.md', 'This operation requires `group_delete`'));
    const removed = entry.changes.find((c) => c.rule === 'api-privilege-removed');
    assert.ok(removed);
    assert.equal(removed.message, 'privilege `group_remove` no longer suffices (now: `group_delete`)');
    assert.equal(removed.breaking, true);
    assert.equal(removed.pointer, '/paths/~1groups~1{id}/delete/x-privileges');
    assert.deepEqual([removed.source, removed.oldSource], [source, oldSource]);
    assert.deepEqual([entry.source, entry.oldSource], [source, oldSource]);
  });
});
