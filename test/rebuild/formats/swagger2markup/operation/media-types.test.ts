// src/rebuild/formats/swagger2markup/operation/media-types.ts: the Consumes and Produces sections.
// Pages: test/rebuild/pages.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extract, onlyOperation, TOKEN_PAGE, LIST_PAGE, JOIN_SPACE_PAGE } from '../../../pages.ts';

describe('media types extractor', () => {
  it('reads Produces', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.deepEqual(op.produces, ['application/json']);
    assert.deepEqual(op.consumes, []);
  });

  it('reads Consumes with several media types, and Produces', () => {
    const op = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    assert.deepEqual(op.consumes, ['application/json', 'application/x-yaml']);
    assert.deepEqual(op.produces, ['application/json']);
  });

  it('reads Consumes alone', () => {
    const op = onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE));
    assert.deepEqual(op.consumes, ['application/json']);
    assert.deepEqual(op.produces, []);
  });
});
