// src/rebuild/formats/swagger2markup/operation/description.ts: the Description section, its privileges, its cURL
// sample. Pages: test/rebuild/pages.ts.
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
  PUBLIC_PAGE,
} from '../../../pages.ts';

describe('description extractor', () => {
  it('keeps the Description section verbatim, cURL sample included', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(
      op.description,
      [
        'Creates a token allowing new user to join a space.',
        '',
        'This operation requires `space_invite_user` privilege.',
        '',
        '***Example cURL requests***',
        '',
        '**Create space user invite token**',
        '```bash',
        'curl -u username:password -X POST \\',
        'https://$HOST:8443/api/v3/onezone/spaces/9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc/users/token',
        '',
        '{',
        '  "token": "MDAxNmxvY2F00aW9uIHJlZ2lzdHJ5"',
        '}',
        '```',
      ].join('\n'),
    );
  });

  it('keeps a multi-line paragraph verbatim (line break included)', () => {
    const op = onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE));
    assert.equal(
      op.description,
      'When called by a regular user, creates a new space and sets the current\nuser as its owner.\n\nThis operation does not require any specific privileges.',
    );
  });

  it('reads the privilege named in the description', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.deepEqual(op.privileges, ['space_invite_user']);
    assert.equal(op.public, false);
  });

  it('gives both privileges of an "or" alternative', () => {
    const op = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    assert.deepEqual(op.privileges, ['space_view', 'oz_spaces_list_users']);
  });

  it('gives no privilege where the page requires none', () => {
    assert.deepEqual(onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE)).privileges, []);
    assert.deepEqual(onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE)).privileges, []);
  });

  it('"This operation has public access." marks the operation public', () => {
    const op = onlyOperation(extract('operations/register_provider.md', PUBLIC_PAGE));
    assert.equal(op.public, true);
    assert.deepEqual(op.privileges, []);
    assert.equal(onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE)).public, false);
  });

  it('turns the cURL sample into a code sample with its label, and its printed output into a cURL output', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.codeSamples.length, 1);
    assert.equal(op.codeSamples[0]!.label, 'Create space user invite token');
    assert.equal(op.codeSamples[0]!.lang, 'cURL');
    assert.equal(
      op.codeSamples[0]!.source,
      'curl -u username:password -X POST \\\nhttps://$HOST:8443/api/v3/onezone/spaces/9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc/users/token',
    );
    assert.deepEqual(
      op.curlOutputs.map((e) => e.value),
      [{ token: 'MDAxNmxvY2F00aW9uIHJlZ2lzdHJ5' }],
    );
    assert.equal(op.curlOutputs[0]!.at.line, lineOf(TOKEN_PAGE, '"token": "MDAxNmxvY2F00aW9uIHJlZ2lzdHJ5"') - 1);
  });

  it('records where the cURL sample sends the request (origin and base path)', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.curlTargets.length, 1);
    assert.equal(op.curlTargets[0]!.origin, 'https://{host}:8443');
    assert.equal(op.curlTargets[0]!.base, '/api/v3/onezone');
  });
});
