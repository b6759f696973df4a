// Merging the same operation from several pages/releases: which pages count as one operation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blankOperation } from '../src/rebuild/model.ts';
import { Findings } from '../src/rebuild/findings.ts';
import { mergeOperations, operationGroups } from '../src/rebuild/merge/operations.ts';
import type { Operation } from '../src/rebuild/model.ts';

function op(file: string, order: number, method: string, path: string, operationId: string): Operation {
  const o = blankOperation({ file, release: `r${order}`, order, text: '' });
  return { ...o, method, path, operationId, summary: file };
}

test('one operation per method+path or operationId, joining the first group that shares either', () => {
  const merged = mergeOperations(
    [
      op('a.md', 1, 'get', '/spaces', 'list_spaces'),
      op('b.md', 1, 'get', '/groups', 'list_groups'),
      // same endpoint as a.md, same id as b.md: joins a.md's group, the first that matches
      op('c.md', 2, 'get', '/spaces', 'list_groups'),
      // only its id matches, and a.md's group now holds that id too: it joins a.md's group
      op('d.md', 3, 'post', '/user/spaces', 'list_groups'),
      op('e.md', 3, 'get', '/handles', 'list_handles'),
    ],
    new Findings(),
    [],
  );
  assert.deepEqual(
    merged.map((o) => [o.summary, o.method, o.path]),
    [
      ['d.md', 'post', '/user/spaces'], // a.md ← c.md ← d.md, the later release winning field by field
      ['b.md', 'get', '/groups'],
      ['e.md', 'get', '/handles'],
    ],
  );
});

test('grouping is the first-matching-group scan, on random pages with few endpoints and ids (fast-check)', () => {
  // The reference: scan the groups in order for one holding an op of the same endpoint or id.
  const scan = (ops: Operation[]) => {
    const groups: Operation[][] = [];
    for (const o of [...ops].sort((a, b) => a.order - b.order)) {
      const group = groups.find((g) =>
        g.some((x) => (x.method === o.method && x.path === o.path) || x.operationId === o.operationId),
      );
      if (group) group.push(o);
      else groups.push([o]);
    }
    return groups;
  };
  const page = fc.record({
    order: fc.integer({ min: 1, max: 3 }),
    method: fc.constantFrom('get', 'post'),
    path: fc.constantFrom('/a', '/b', '/c'),
    id: fc.constantFrom('x', 'y', 'z', 'w'),
  });
  fc.assert(
    fc.property(fc.array(page, { maxLength: 12 }), (pages) => {
      const ops = pages.map((p, i) => op(`${i}.md`, p.order, p.method, p.path, p.id));
      const files = (groups: Operation[][]) => groups.map((g) => g.map((o) => o.at.file));
      assert.deepEqual(files(operationGroups(ops)), files(scan(ops)));
    }),
    { numRuns: 3000 },
  );
});
