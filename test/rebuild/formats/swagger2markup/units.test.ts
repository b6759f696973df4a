// src/rebuild/formats/swagger2markup/units.ts: a page → units (anchor + heading and what follows) → sections.
// Pages: test/fixtures/swagger2markup/ (17.06.0-rc8 doc sets, see test/fixtures/README.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Block } from '../../../../src/rebuild/markdown/blocks.ts';
import { endpointOf, fenceJson, sectionsOf, splitUnits } from '../../../../src/rebuild/formats/swagger2markup/units.ts';
import { unitRules } from '../../../../src/rebuild/formats/swagger2markup/unit-rules.ts';
import { fixture, lineOf, onlyUnit, readText } from '../../helpers.ts';

const PORTS = 'swagger2markup/onezone-check_my_ports.md';

function fence(content: string, info = ''): Block {
  return { kind: 'fence', indented: false, info, content, line: 4, endLine: 6, used: false };
}

describe('splitUnits', () => {
  it('an operation page is one operation unit: its anchor and its #### heading', () => {
    const units = splitUnits(readText(PORTS, fixture(PORTS)).blocks, unitRules());
    assert.deepEqual(
      units.map((u) => [u.kind, u.anchor?.name, u.heading?.text, u.heading?.level]),
      [['operation', 'check_my_ports', 'Check ports availability', 4]],
    );
  });

  it('paths.md: the ## Paths container, then one tag unit per ### group', () => {
    const units = splitUnits(readText('luma-paths.md', fixture('swagger2markup/luma-paths.md')).blocks, unitRules());
    assert.deepEqual(
      units.map((u) => [u.kind, u.heading?.text]),
      [
        ['container', 'Paths'],
        ['tag', 'Admin'],
        ['tag', 'Mapping'],
      ],
    );
  });

  it('security.md: the ## Security container, then api_key and basic as security schemes', () => {
    const units = splitUnits(
      readText('security.md', fixture('swagger2markup/onezone-security.md')).blocks,
      unitRules(),
    );
    assert.deepEqual(
      units.map((u) => [u.kind, u.anchor?.name]),
      [
        ['container', 'securityscheme'],
        ['security-scheme', 'api_key'],
        ['security-scheme', 'basic'],
      ],
    );
  });

  it('with the security-scheme rule disabled, api_key and basic are read by the next rule that matches', () => {
    const rules = unitRules();
    rules.disable(['swagger2markup/unit/security-scheme']);
    const units = splitUnits(readText('security.md', fixture('swagger2markup/onezone-security.md')).blocks, rules);
    assert.deepEqual(
      units.map((u) => [u.kind, u.anchor?.name]),
      [
        ['container', 'securityscheme'],
        ['definition', 'api_key'],
        ['definition', 'basic'],
      ],
    );
  });

  it('a ### heading with a Name | Description | Schema table is a definition', () => {
    const unit = onlyUnit(readText('ceph.md', fixture('swagger2markup/luma-ceph.md')), 'definition');
    assert.equal(unit.heading?.text, 'ceph');
    assert.equal(unit.heading?.line, 3);
  });

  it('the same #### heading with no METHOD /path block after it is no operation but unknown', () => {
    const text = fixture(PORTS).replace('POST /provider/test/check_my_ports', 'not an endpoint');
    const units = splitUnits(readText(PORTS, text).blocks, unitRules());
    assert.deepEqual(
      units.map((u) => u.kind),
      ['unknown'],
    );
  });
});

describe('sectionsOf', () => {
  it('check_my_ports.md: every ##### and ###### heading of the page, in page order, lower-cased', () => {
    const text = fixture(PORTS);
    const sections = sectionsOf(onlyUnit(readText(PORTS, text), 'operation'));
    assert.deepEqual(
      sections.map((s) => s.title),
      [
        'description',
        'parameters',
        'responses',
        'produces',
        'example http request',
        'request path',
        'request body',
        'example http response',
        'response 200',
        'response 400',
        'response 401',
        'response 403',
        'response 404',
        'response 500',
      ],
    );
    const responses = sections[2]!;
    assert.equal(responses.heading.line, lineOf(text, '##### Responses'));
    assert.deepEqual(
      responses.blocks.map((b) => b.kind),
      ['table'],
    );
    assert.ok(sections.every((s) => !s.claimed));
  });
});

describe('endpointOf and fenceJson', () => {
  it('reads "POST /provider/test/check_my_ports" and rejects example and malformed fences', () => {
    assert.deepEqual(endpointOf(fence('POST /provider/test/check_my_ports\n')), {
      method: 'POST',
      path: '/provider/test/check_my_ports',
    });
    assert.deepEqual(endpointOf(fence('GET /groups/{id}/children/{cid}')), {
      method: 'GET',
      path: '/groups/{id}/children/{cid}',
    });
    assert.equal(endpointOf(fence('json :\n"/provider/test/check_my_ports"')), undefined);
    assert.equal(endpointOf(fence('FETCH /spaces')), undefined, 'not an HTTP method');
    assert.equal(endpointOf(fence('GET /spaces/{id')), undefined, 'unbalanced brace');
    assert.equal(endpointOf(fence('GET /spaces extra')), undefined, 'trailing words');
  });

  it('the JSON of a "json :" fence starts two lines below the fence, a bare fence one line below', () => {
    const withMedia = fenceJson({ ...(fence('json :\n[ "a" ]\n') as Extract<Block, { kind: 'fence' }>), line: 57 });
    assert.deepEqual(withMedia, { text: '[ "a" ]\n', line: 59 });
    const bare = fenceJson({ ...(fence('{ "token" : "x" }\n') as Extract<Block, { kind: 'fence' }>), line: 19 });
    assert.deepEqual(bare, { text: '{ "token" : "x" }\n', line: 20 });
  });
});
