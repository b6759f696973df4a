// src/rebuild/formats/swagger2markup/operation/parameters.ts: the Parameters table → parameters and request body.
// Pages: test/rebuild/pages.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf } from '../../../helpers.ts';
import { extract, onlyOperation, TOKEN_PAGE, LIST_PAGE, CREATE_SPACE_PAGE, JOIN_SPACE_PAGE } from '../../../pages.ts';

describe('parameters extractor', () => {
  it('reads a path parameter: always required, string', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.parameters.length, 1);
    const p = op.parameters[0]!;
    assert.deepEqual(
      { name: p.name, in: p.in, required: p.required, description: p.description, schema: p.schema },
      { name: 'id', in: 'path', required: true, description: 'Space ID.', schema: { type: 'string' } },
    );
    assert.equal(p.at.line, lineOf(TOKEN_PAGE, '|**Path**|**id**'));
  });

  it('reads path, query and header rows with their required flags, arrays, enums, formats and defaults', () => {
    const op = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    const byName = Object.fromEntries(
      op.parameters.map((p) => [
        p.name,
        { in: p.in, required: p.required, description: p.description, schema: p.schema },
      ]),
    );
    assert.deepEqual(byName, {
      id: { in: 'path', required: true, description: 'Space ID.', schema: { type: 'string' } },
      fields: {
        in: 'query',
        required: false,
        description: 'Fields to return.',
        schema: { type: 'array', items: { type: 'string' } },
      },
      order: {
        in: 'query',
        required: false,
        description: 'Sort order.',
        schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
      },
      limit: {
        in: 'query',
        required: true,
        description: 'Page size.',
        schema: { type: 'integer', format: 'int32', default: 100 },
      },
      'X-Request-Id': {
        in: 'header',
        required: false,
        description: 'Request correlation ID.',
        schema: { type: 'string' },
      },
    });
    assert.deepEqual(
      op.parameters.map((p) => p.name),
      ['id', 'fields', 'order', 'limit', 'X-Request-Id'],
    );
    assert.equal(op.requestBody, undefined);
  });

  it('turns a required Body row into a required request body with a $ref schema', () => {
    const op = onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE));
    assert.deepEqual(op.parameters, []);
    assert.ok(op.requestBody);
    assert.equal(op.requestBody.name, 'spaceinvitetoken');
    assert.equal(op.requestBody.required, true);
    assert.equal(op.requestBody.description, 'Token for joining a space.');
    assert.deepEqual(op.requestBody.schema, { $ref: '#/components/schemas/SpaceInviteToken' });
  });

  it('turns an optional Body row with an inline [name](#create_space-name) object into an optional body with that object', () => {
    const op = onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE));
    assert.ok(op.requestBody);
    assert.equal(op.requestBody.name, 'name');
    assert.equal(op.requestBody.required, false);
    assert.equal(op.requestBody.description, 'Space name.');
    assert.deepEqual(op.requestBody.schema, {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'The name of the new space.' },
        size: { type: 'integer', format: 'int64', description: 'Requested size in bytes.' },
      },
      required: ['size'],
    });
  });

  it('a Body row whose inline schema anchor is not on the page is reported as a dangling reference', () => {
    const page = CREATE_SPACE_PAGE.replace('<a name="create_space-name"></a>', '<a name="something-else"></a>');
    const x = extract('operations/create_space.md', page);
    const dangling = x.findings.filter((f) => f.code === 'dangling-reference');
    assert.equal(dangling.length, 1);
    assert.equal(dangling[0]!.line, lineOf(page, '|**Body**|**name**'));
    assert.match(dangling[0]!.message, /#create_space-name/);
  });
});
