// src/rebuild/formats/swagger2markup/operation/curl-check.ts: the cURL sample against the declared endpoint.
// Pages: test/rebuild/pages.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf } from '../../../helpers.ts';
import { extract, TOKEN_PAGE, JOIN_SPACE_PAGE, WRONG_PATH_PAGE } from '../../../pages.ts';

describe('cURL check', () => {
  it('a cURL sample that matches the declared endpoint raises no curl-mismatch', () => {
    const x = extract('operations/create_space_user_invite_token.md', TOKEN_PAGE);
    assert.equal(x.findings.filter((f) => f.code === 'curl-mismatch').length, 0);
  });

  it('a cURL sample with another method and path is reported as curl-mismatch at the curl line', () => {
    const x = extract('operations/join_space.md', JOIN_SPACE_PAGE);
    const mismatches = x.findings.filter((f) => f.code === 'curl-mismatch');
    assert.equal(mismatches.length, 1);
    const f = mismatches[0]!;
    assert.equal(f.file, 'operations/join_space.md');
    assert.equal(f.line, lineOf(JOIN_SPACE_PAGE, 'curl -k -u admin:password'));
    assert.equal(f.subject, 'join_space');
    assert.match(f.message, /PUT/);
    assert.match(f.message, /\/user\/spaces\/default/);
    assert.match(f.message, /POST \/user\/spaces\/join/);
  });

  it('a cURL sample with the right method but another path is reported too', () => {
    const x = extract('operations/remove_user_handle.md', WRONG_PATH_PAGE);
    const mismatches = x.findings.filter((f) => f.code === 'curl-mismatch');
    assert.equal(mismatches.length, 1);
    assert.equal(mismatches[0]!.line, lineOf(WRONG_PATH_PAGE, 'curl -u username:password -X DELETE'));
    assert.match(mismatches[0]!.message, /\/user\/spaces\/oOVF-KrO1P6rpA0LFgNVI8NxuhxyQMUnrYzjAnKiyAY/);
    assert.match(mismatches[0]!.message, /DELETE \/user\/handles\/\{hid\}/);
  });
});
