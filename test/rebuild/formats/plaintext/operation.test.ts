// src/rebuild/formats/plaintext/operation.ts: the onedata.org API reference saved as plain text → an operation.
// Page: test/fixtures/plaintext/onedata-org-create_user_group_invite_token.txt (spec/source/003_*.txt).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  extractPlaintextOperation,
  looksLikePlaintextReference,
} from '../../../../src/rebuild/formats/plaintext/operation.ts';
import { PageLines } from '../../../../src/rebuild/markdown/page-lines.ts';
import { newParseMemo } from '../../../../src/rebuild/extract/context.ts';
import { Findings } from '../../../../src/rebuild/findings.ts';
import { blankOperation, type Operation } from '../../../../src/rebuild/model.ts';
import { fixture, lineOf } from '../../helpers.ts';
import { extract as extractThroughFormats, onlyOperation, response } from '../../pages.ts';

const FILE = 'plaintext/onedata-org-create_user_group_invite_token.txt';
// The format prints descriptions, not codes: the status each one stands for (as in spec/onezone/sources.yaml).
const STATUS_BY_DESCRIPTION = {
  'Invalid request.': '400',
  'Authentication error.': '401',
  'Authorization error.': '403',
  'Resource not found.': '404',
  'Internal server Error.': '500',
};

function extract(text: string): { op: Operation | undefined; findings: Findings } {
  const findings = new Findings();
  const source = { file: FILE, text, release: 'onedata.org-20.02', order: 3 };
  const ctx = { source, lines: new PageLines(text), findings, memo: newParseMemo() };
  const op = extractPlaintextOperation(
    ctx,
    { basePath: '/api/v3/onezone', statusByDescription: STATUS_BY_DESCRIPTION },
    blankOperation(source),
  );
  return { op, findings };
}

describe('onedata.org "Create user invite token for group"', () => {
  const text = fixture(FILE);
  const { op, findings } = extract(text);
  assert.ok(op);

  it('title line: the summary, with the glued "Deprecated" badge read as deprecated', () => {
    assert.equal(op.summary, 'Create user invite token for group');
    assert.equal(op.deprecated, true);
  });

  it('operationId from the onezone-rest-cli line, whose "Responses" label is glued to its end', () => {
    assert.equal(op.operationId, 'createUserGroupInviteToken');
    assert.equal(op.fieldAt.operationId?.line, lineOf(text, 'onezone-rest-cli createUserGroupInviteToken'));
    assert.deepEqual(op.requestExamples.path?.value, { id: 'a4d3bc73aada63052310652d421609f1' });
  });

  it('method and path from the cURL sample: base path stripped, $GROUP_ID named after the path parameter', () => {
    assert.equal(op.method, 'post');
    assert.equal(op.path, '/groups/{id}/users/token');
    assert.deepEqual(
      op.curlTargets.map((t) => t.origin),
      ['https://{host}'],
    );
  });

  it('"| id required | string Group Id. |" → the required string path parameter id', () => {
    assert.deepEqual(
      op.parameters.map((p) => [p.name, p.in, p.required, p.schema, p.description, p.at.line]),
      [['id', 'path', true, { type: 'string' }, 'Group Id.', lineOf(text, '| id required |')]],
    );
  });

  it('privileges named in the prose: group_add_user, oz_groups_add_relationships', () => {
    assert.deepEqual(op.privileges, ['group_add_user', 'oz_groups_add_relationships']);
    assert.match(op.description, /^This enpoint is deprecated/);
  });

  it('responses: the first is 200 (assumed, reported), the others from their descriptions', () => {
    assert.deepEqual(
      op.responses.map((r) => [r.status, r.description]),
      [
        ['200', 'The token for joining a specific group.'],
        ['400', 'Invalid request.'],
        ['401', 'Authentication error.'],
        ['403', 'Authorization error.'],
        ['404', 'Resource not found.'],
        ['500', 'Internal server Error.'],
      ],
    );
    assert.deepEqual(
      findings.all.map((f) => [f.code, f.line]),
      [['inferred-fact', lineOf(text, 'The token for joining a specific group.')]],
    );
  });

  it('examples: the 200 token and the object-shaped error {id: "badValueString", …}', () => {
    const ok = op.responses[0]!.examples[0]?.value as { token: string };
    assert.ok(ok.token.startsWith('JKAxNWxvY2F0aW9uIG9uZXpvbmUK'));
    const error = op.responses[1]!.examples[0]?.value as { error: { id: string; details: unknown } };
    assert.equal(error.error.id, 'badValueString');
    assert.deepEqual(error.error.details, { key: 'name' });
    assert.deepEqual(op.responses[0]!.schema, {
      type: 'object',
      properties: { token: { type: 'string', description: 'The token for joining a group.' } },
    });
  });

  it('code samples: the labelled cURL command and the rest-cli line; the cURL output is kept', () => {
    assert.deepEqual(
      op.codeSamples.map((s) => [s.lang, s.label]),
      [
        ['cURL', 'Generate user group invite token'],
        ['Shell', 'onezone-rest-cli'],
      ],
    );
    assert.deepEqual(op.curlOutputs[0]?.value, {
      token: 'MDAxNmxvY2F00aW9uIHJlZlFTUbnZpdGVthHo8xmai4RqqBO2MZM00mrYGgo',
    });
  });
});

describe('looksLikePlaintextReference', () => {
  it('true for the onedata.org page, false for a swagger2markup page', () => {
    assert.equal(looksLikePlaintextReference(fixture(FILE)), true);
    assert.equal(looksLikePlaintextReference(fixture('swagger2markup/onezone-check_my_ports.md')), false);
  });
});

describe('plain-text onedata.org extractor (spec/source/003_*.txt)', () => {
  const file = 'spec/source/003_4dc6ab7dad006d71.txt';
  const text = fixture(FILE);
  const x = extractThroughFormats(file, text);
  const op = onlyOperation(x);
  const errorExample = {
    error: {
      id: 'badValueString',
      details: { key: 'name' },
      description: 'Bad value: provided "name" must be a string.',
    },
  };

  it('reads the title with its Deprecated badge, and the operationId from the rest-cli line', () => {
    assert.equal(op.summary, 'Create user invite token for group');
    assert.equal(op.deprecated, true);
    assert.equal(op.operationId, 'createUserGroupInviteToken');
  });

  it('reads method and path from the cURL sample, base path stripped and $GROUP_ID named after the path parameter', () => {
    assert.equal(op.method, 'post');
    assert.equal(op.path, '/groups/{id}/users/token');
  });

  it('keeps the description verbatim and reads both privileges', () => {
    assert.equal(
      op.description,
      [
        'This enpoint is deprecated and will be removed in future release, please use one of:',
        'Creates a token allowing new user to join the group.',
        'This operation requires group_add_user privilege.',
        'For administrator who does not belong to this group',
        'oz_groups_add_relationships privilege is required.',
      ].join('\n'),
    );
    assert.deepEqual(op.privileges, ['group_add_user', 'oz_groups_add_relationships']);
    assert.equal(op.public, false);
  });

  it('reads the path parameter', () => {
    assert.deepEqual(
      op.parameters.map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required,
        description: p.description,
        schema: p.schema,
      })),
      [{ name: 'id', in: 'path', required: true, description: 'Group Id.', schema: { type: 'string' } }],
    );
    assert.equal(op.parameters[0]!.at.line, 17);
  });

  it('reads the six responses the page prints, status codes from their descriptions', () => {
    assert.deepEqual(
      op.responses.map((r) => [r.status, r.description]),
      [
        ['200', 'The token for joining a specific group.'],
        ['400', 'Invalid request.'],
        ['401', 'Authentication error.'],
        ['403', 'Authorization error.'],
        ['404', 'Resource not found.'],
        ['500', 'Internal server Error.'],
      ],
    );
    assert.deepEqual(
      op.responses.map((r) => r.at.line),
      [20, 27, 41, 55, 69, 83],
    );
  });

  it('reads the response property tables and examples', () => {
    assert.deepEqual(response(op, '200').schema, {
      type: 'object',
      properties: { token: { type: 'string', description: 'The token for joining a group.' } },
    });
    assert.deepEqual(
      response(op, '200').examples.map((e) => e.value),
      [
        {
          token:
            'JKAxNWxvY2F0aW9uIG9uZXpvbmUKMDAzYmlkZW50aWZpZXIgOEhmSEFSSGdrbHFCa1pWSTRsNk1CVHZTU3Z0OThwcHA2OTQ4czhRN1NPawowMDFhY2lkIHRpbWUgPCAxNDk2MTQwMTQ0CjAwMmZzaWduYXR1cmUg88OI1d24c36707d99197c6cd995810a43aca',
        },
      ],
    );
    for (const status of ['400', '401', '403', '404', '500']) {
      assert.deepEqual(response(op, status).schema, {
        type: 'object',
        properties: { error: { type: 'object', description: 'Object describing an error.' } },
      });
      assert.deepEqual(
        response(op, status).examples.map((e) => e.value),
        [errorExample],
        `example of ${status}`,
      );
    }
    assert.deepEqual(
      op.responses.map((r) => r.examples[0]!.at.line),
      [25, 33, 47, 61, 75, 89],
    );
  });

  it('reads the cURL sample, its output, and the rest-cli request example', () => {
    assert.deepEqual(
      op.codeSamples.map((s) => [s.lang, s.label, s.source]),
      [
        [
          'cURL',
          'Generate user group invite token',
          'curl -u username:password -X POST \\\nhttps://$HOST/api/v3/onezone/groups/$GROUP_ID/users/token',
        ],
        [
          'Shell',
          'onezone-rest-cli',
          'onezone-rest-cli createUserGroupInviteToken id=a4d3bc73aada63052310652d421609f1',
        ],
      ],
    );
    assert.deepEqual(
      op.curlOutputs.map((e) => e.value),
      [{ token: 'MDAxNmxvY2F00aW9uIHJlZlFTUbnZpdGVthHo8xmai4RqqBO2MZM00mrYGgo' }],
    );
    assert.deepEqual(op.requestExamples.path?.value, { id: 'a4d3bc73aada63052310652d421609f1' });
    assert.deepEqual(
      op.curlTargets.map((t) => t.origin),
      ['https://{host}'],
    );
  });

  it('maps every line of the page', () => {
    assert.deepEqual(
      x.findings.filter((f) => f.code === 'unmapped-block' || f.code === 'unknown-section' || f.code === 'no-endpoint'),
      [],
    );
  });
});
