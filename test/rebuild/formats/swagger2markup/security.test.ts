// src/rebuild/formats/swagger2markup/security.ts: security.md units → security schemes.
// Page: onezone security.md (17.06.0-rc8).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractSecurityScheme } from '../../../../src/rebuild/formats/swagger2markup/security.ts';
import { fixture, lineOf, readText, unitsOf } from '../../helpers.ts';
import { extract, SECURITY_PAGE } from '../../pages.ts';

const FILE = 'swagger2markup/onezone-security.md';

function schemesOf(text: string) {
  const read = readText(FILE, text);
  const schemes = unitsOf(read, 'security-scheme').map((u) => extractSecurityScheme(read.ctx, u));
  return { schemes, findings: read.findings };
}

describe('onezone security.md', () => {
  it('api_key: an apiKey in the X-Auth-Token header ("*In* : HEADER" lower-cased)', () => {
    const text = fixture(FILE);
    const [apiKey] = schemesOf(text).schemes;
    assert.deepEqual(apiKey?.key, 'api_key');
    assert.deepEqual(apiKey?.scheme, { type: 'apiKey', name: 'X-Auth-Token', in: 'header' });
    assert.equal(apiKey?.at.line, lineOf(text, '### api_key'));
  });

  it('basic: HTTP basic authentication', () => {
    const [, basic] = schemesOf(fixture(FILE)).schemes;
    assert.deepEqual([basic?.key, basic?.scheme], ['basic', { type: 'http', scheme: 'basic' }]);
  });

  it('an oauth2 scheme, which the extractor cannot express, is dropped with a finding at its heading', () => {
    const text = fixture(FILE).replace('*Type* : basic', '*Type* : oauth2');
    const { schemes, findings } = schemesOf(text);
    assert.equal(schemes[1], undefined);
    assert.deepEqual(
      findings.map((f) => [f.code, f.line]),
      [['unknown-section', lineOf(text, '### basic')]],
    );
  });
});

describe('security extractor (security.md)', () => {
  it('reads the apiKey header scheme and maps basic to http basic', () => {
    const x = extract('security.md', SECURITY_PAGE);
    assert.deepEqual(x.findings, []);
    assert.deepEqual(
      x.model.securitySchemes.map((s) => [s.key, s.scheme]),
      [
        ['api_key', { type: 'apiKey', name: 'X-Auth-Token', in: 'header' }],
        ['basic', { type: 'http', scheme: 'basic' }],
      ],
    );
  });
});
