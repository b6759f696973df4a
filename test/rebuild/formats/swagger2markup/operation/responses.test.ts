// src/rebuild/formats/swagger2markup/operation/responses.ts: the Responses table → codes, schemas, headers.
// Pages: test/rebuild/pages.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf } from '../../../helpers.ts';
import {
  extract,
  onlyOperation,
  response,
  TOKEN_PAGE,
  LIST_PAGE,
  CREATE_SPACE_PAGE,
  JOIN_SPACE_PAGE,
  LIST_USER_SPACES_PAGE,
  PUBLIC_PAGE,
} from '../../../pages.ts';

describe('responses extractor', () => {
  it('reads codes, descriptions and $ref schemas in table order', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.deepEqual(
      op.responses.map((r) => [r.status, r.description, r.schema]),
      [
        ['200', 'The token for joining a specific group.', { $ref: '#/components/schemas/SpaceInviteToken' }],
        ['400', 'Invalid request.', { $ref: '#/components/schemas/Error' }],
        ['500', 'Internal server Error.', { $ref: '#/components/schemas/Error' }],
      ],
    );
    assert.equal(response(op, '400').at.line, lineOf(TOKEN_PAGE, '|**400**|'));
  });

  it('reads a < string, integer > map response schema', () => {
    const op = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    assert.deepEqual(
      op.responses.map((r) => r.status),
      ['200', '206', '404'],
    );
    assert.deepEqual(response(op, '200').schema, { $ref: '#/components/schemas/Users' });
    assert.deepEqual(response(op, '206').schema, { type: 'object', additionalProperties: { type: 'integer' } });
    assert.equal(response(op, '206').description, 'Storage used by each user, in bytes.');
  });

  it('No Content gives no schema; the 201 Location header is read with its type and description', () => {
    const op = onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE));
    const created = response(op, '201');
    assert.equal(created.schema, undefined);
    assert.equal(
      created.description,
      'ID of the joined space in the form /user/spaces/{id} is  returned in the response `Location` header.',
    );
    assert.deepEqual(created.headers, [
      { name: 'Location', description: 'ID of the joined space.', schema: { type: 'string' } },
    ]);
    assert.deepEqual(response(op, '400').headers, []);
  });

  it('reads the 201 Location header of create_space', () => {
    const op = onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE));
    const created = response(op, '201');
    assert.equal(created.schema, undefined);
    assert.deepEqual(created.headers, [
      { name: 'Location', description: 'ID of the created space.', schema: { type: 'string' } },
    ]);
  });

  it('reads an inline response object ([Response 200](#list_user_spaces-response-200))', () => {
    const op = onlyOperation(extract('operations/list_user_spaces.md', LIST_USER_SPACES_PAGE));
    const ok = response(op, '200');
    assert.equal(ok.description, 'Returns the list of user spaces, including information which space is default.');
    assert.deepEqual(ok.schema, {
      type: 'object',
      properties: {
        default: { type: 'string', description: 'The ID of the default user space.' },
        spaces: { type: 'array', items: { type: 'string' }, description: "The list of all user spaces ID's." },
      },
    });
  });

  it('reads a $ref response of a public operation', () => {
    const op = onlyOperation(extract('operations/register_provider.md', PUBLIC_PAGE));
    assert.deepEqual(response(op, '200').schema, { $ref: '#/components/schemas/ProviderRegistrationResponse' });
    assert.ok(op.requestBody);
    assert.equal(op.requestBody.required, true);
    assert.deepEqual(op.requestBody.schema, { $ref: '#/components/schemas/ProviderRegistrationRequest' });
  });
});
