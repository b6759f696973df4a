// src/rebuild/formats/swagger2markup/operation/examples.ts: example requests and responses, invalid JSON.
// Pages: test/rebuild/pages.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newParseMemo } from '../../../../../src/rebuild/extract/context.ts';
import { Findings } from '../../../../../src/rebuild/findings.ts';
import { emptyDocModel } from '../../../../../src/rebuild/model.ts';
import { extractPage, readPage } from '../../../../../src/rebuild/extract/page.ts';
import { lineOf } from '../../../helpers.ts';
import {
  BASE_PATH,
  MANIFEST,
  extract,
  onlyOperation,
  response,
  codes,
  TOKEN_PAGE,
  CREATE_SPACE_PAGE,
  JOIN_SPACE_PAGE,
} from '../../../pages.ts';

describe('examples extractor', () => {
  it('reads the example request path', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.requestExamples.path?.value, '/spaces/string/users/token');
    assert.equal(op.requestExamples.body, undefined);
  });

  it('reads the example request path and body', () => {
    const op = onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE));
    assert.equal(op.requestExamples.path?.value, '/user/spaces/join');
    assert.deepEqual(op.requestExamples.body?.value, { token: 'JKAxNWxvY2F0aW9uIG9uZXpvbmUK' });
    const create = onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE));
    assert.deepEqual(create.requestExamples.body?.value, { name: 'string', size: 1024 });
  });

  it('attaches each example response to its status code', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.deepEqual(
      response(op, '200').examples.map((e) => e.value),
      [{ token: 'JKAxNWxvY2F0aW9uIG9uZXpvbmUK' }],
    );
    assert.deepEqual(
      response(op, '400').examples.map((e) => e.value),
      [{ error: 'Provided data could not be understood by the server' }],
    );
    assert.deepEqual(
      response(op, '500').examples.map((e) => e.value),
      [{ error: 'Internal error' }],
    );
    assert.equal(response(op, '200').examples[0]!.origin, 'example');
  });

  it('an example for a code missing from the Responses table is reported as example-without-response', () => {
    const x = extract('operations/create_space_user_invite_token.md', TOKEN_PAGE);
    const op = onlyOperation(x);
    assert.equal(
      op.responses.some((r) => r.status === '409'),
      false,
    );
    const orphans = x.findings.filter((f) => f.code === 'example-without-response');
    assert.equal(orphans.length, 1);
    assert.equal(orphans[0]!.file, 'operations/create_space_user_invite_token.md');
    assert.equal(orphans[0]!.line, lineOf(TOKEN_PAGE, '###### Response 409'));
    assert.equal(orphans[0]!.subject, 'create_space_user_invite_token');
    assert.match(orphans[0]!.message, /409/);
    assert.deepEqual(codes(x.findings), ['example-without-response']);
  });

  it('an example that is not JSON is reported as invalid-json at the offending line, and not kept', () => {
    const page = TOKEN_PAGE.replace('"error" : "Internal error"', '"error" : Internal error');
    const x = extract('operations/create_space_user_invite_token.md', page);
    const bad = x.findings.filter((f) => f.code === 'invalid-json');
    assert.equal(bad.length, 1);
    assert.deepEqual(response(onlyOperation(x), '500').examples, []);
    assert.equal(bad[0]!.line, lineOf(page, '"error" : Internal error'));
  });

  it('invalid-json points at the offending line when JSON.parse reports a position', () => {
    const page = TOKEN_PAGE.replace('"error" : "Internal error"', '"error" : "Internal error",');
    const x = extract('operations/create_space_user_invite_token.md', page);
    const bad = x.findings.filter((f) => f.code === 'invalid-json');
    assert.equal(bad.length, 1);
    assert.deepEqual(response(onlyOperation(x), '500').examples, []);
    // The trailing comma is only an error at the closing brace on the next line.
    assert.equal(bad[0]!.line, lineOf(page, '"error" : "Internal error",') + 1);
  });

  it('the same text that is not JSON on two pages of one build is reported on each, at its own line', () => {
    const page = TOKEN_PAGE.replace('"error" : "Internal error"', '"error" : Internal error');
    const shifted = `\n\n${page}`;
    const findings = new Findings();
    const memo = newParseMemo();
    const model = emptyDocModel();
    const options = { basePath: BASE_PATH, statusByDescription: MANIFEST.statusByDescription };
    for (const [file, text] of [
      ['operations/first.md', page],
      ['operations/second.md', shifted],
    ] as const)
      extractPage(readPage({ file, text, release: 'test', order: 0 }, findings, memo), model, options);
    const bad = findings.all.filter((f) => f.code === 'invalid-json');
    assert.deepEqual(
      bad.map((f) => [f.file, f.line]),
      [
        ['operations/first.md', lineOf(page, '"error" : Internal error')],
        ['operations/second.md', lineOf(shifted, '"error" : Internal error')],
      ],
    );
    assert.deepEqual(
      model.operations.map((op) => response(op, '500').examples),
      [[], []],
    );
  });
});
