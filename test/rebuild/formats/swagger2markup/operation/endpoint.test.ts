// src/rebuild/formats/swagger2markup/operation/endpoint.ts (and a whole page mapped): the operation's anchor, heading
// and METHOD /path fence. Pages: test/rebuild/pages.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf } from '../../../helpers.ts';
import {
  extract,
  onlyOperation,
  TOKEN_PAGE,
  LIST_PAGE,
  CREATE_SPACE_PAGE,
  JOIN_SPACE_PAGE,
  WRONG_PATH_PAGE,
  LIST_USER_SPACES_PAGE,
  PUBLIC_PAGE,
} from '../../../pages.ts';

describe('endpoint extractor', () => {
  it('reads operationId from the anchor, summary from the heading, method and path from the fence', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.operationId, 'create_space_user_invite_token');
    assert.equal(op.summary, 'Create space user invite token');
    assert.equal(op.method, 'post');
    assert.equal(op.path, '/spaces/{id}/users/token');
    assert.equal(op.deprecated, false);
    assert.deepEqual(op.at, {
      file: 'operations/create_space_user_invite_token.md',
      line: lineOf(TOKEN_PAGE, '#### Create space user invite token'),
    });
  });

  it('reads GET and DELETE endpoints too', () => {
    const get = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    assert.deepEqual(
      [get.operationId, get.method, get.path, get.summary],
      ['list_space_users', 'get', '/spaces/{id}/users', 'List space users'],
    );
    const del = onlyOperation(extract('operations/remove_user_handle.md', WRONG_PATH_PAGE));
    assert.deepEqual([del.operationId, del.method, del.path], ['remove_user_handle', 'delete', '/user/handles/{hid}']);
  });

  it('maps every block of a well-formed page (no unmapped blocks, no unknown sections)', () => {
    for (const [file, page] of [
      ['a.md', TOKEN_PAGE],
      ['b.md', LIST_PAGE],
      ['c.md', CREATE_SPACE_PAGE],
      ['d.md', JOIN_SPACE_PAGE],
      ['e.md', LIST_USER_SPACES_PAGE],
      ['f.md', PUBLIC_PAGE],
      ['g.md', WRONG_PATH_PAGE],
    ] as const) {
      const x = extract(file, page);
      const bad = x.findings.filter(
        (f) =>
          f.code === 'unmapped-block' ||
          f.code === 'unknown-section' ||
          f.code === 'broken-table' ||
          f.code === 'unknown-type',
      );
      assert.deepEqual(bad, [], `${file} maps cleanly`);
    }
  });
});
