// src/rebuild/formats/swagger2markup/operation/media-types.ts: the Consumes and Produces sections.
// Pages: test/rebuild/pages.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extract, onlyOperation, TOKEN_PAGE, LIST_PAGE, JOIN_SPACE_PAGE } from '../../../pages.ts';

describe('media types extractor', () => {
  // Given a page → want its Consumes and Produces.
  const cases = [
    {
      what: 'reads Produces',
      file: 'operations/create_space_user_invite_token.md',
      page: TOKEN_PAGE,
      consumes: [],
      produces: ['application/json'],
    },
    {
      what: 'reads Consumes with several media types, and Produces',
      file: 'operations/list_space_users.md',
      page: LIST_PAGE,
      consumes: ['application/json', 'application/x-yaml'],
      produces: ['application/json'],
    },
    {
      what: 'reads Consumes alone',
      file: 'operations/join_space.md',
      page: JOIN_SPACE_PAGE,
      consumes: ['application/json'],
      produces: [],
    },
  ];
  for (const { what, file, page, consumes, produces } of cases) {
    it(what, () => {
      const op = onlyOperation(extract(file, page));
      assert.deepEqual(op.consumes, consumes);
      assert.deepEqual(op.produces, produces);
    });
  }
});
