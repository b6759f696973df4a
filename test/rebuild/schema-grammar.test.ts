// src/rebuild/schema-grammar.ts: the Schema column grammar (parseTypeExpr), cells read through markdown-it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTypeExpr, TypeSyntaxError } from '../../src/rebuild/schema-grammar.ts';
import { lineOf } from './helpers.ts';
import { extract, onlyOperation, cellSpans, LIST_PAGE } from './pages.ts';

describe('type grammar (parseTypeExpr)', () => {
  const parse = (cell: string) => parseTypeExpr(cellSpans(cell));

  // Given a Schema cell → want the schema it types.
  const cases: [group: string, cell: string, schema: object][] = [
    ['primitives', 'string', { type: 'string' }],
    ['primitives', 'boolean', { type: 'boolean' }],
    ['primitives', 'object', { type: 'object' }],
    ['primitive with a format', 'integer (int64)', { type: 'integer', format: 'int64' }],
    ['primitive with a format', 'integer (int32)', { type: 'integer', format: 'int32' }],
    ['primitive with a format', 'number (float)', { type: 'number', format: 'float' }],
    ['enum', 'enum (a, b)', { type: 'string', enum: ['a', 'b'] }],
    ['enum', 'enum (set, grant, revoke)', { type: 'string', enum: ['set', 'grant', 'revoke'] }],
    ['arrays and maps', '< string > array', { type: 'array', items: { type: 'string' } }],
    ['arrays and maps', '< string, integer > map', { type: 'object', additionalProperties: { type: 'integer' } }],
    [
      'arrays and maps',
      '< < string > array > array',
      { type: 'array', items: { type: 'array', items: { type: 'string' } } },
    ],
    [
      'arrays and maps',
      '< enum (DOI, PID) > array',
      { type: 'array', items: { type: 'string', enum: ['DOI', 'PID'] } },
    ],
  ];
  for (const [group, cell, schema] of cases) {
    it(`${group}: ${cell}`, () => assert.deepEqual(parse(cell), { kind: 'schema', schema }));
  }

  it('a link to a definition is a $ref named after the link text', () => {
    assert.deepEqual(parse('[Space](../definitions/Space.md#space)'), {
      kind: 'schema',
      schema: { $ref: '#/components/schemas/Space' },
    });
    assert.deepEqual(parseTypeExpr([{ kind: 'link', text: 'Space', href: '../definitions/Space.md#space' }]), {
      kind: 'schema',
      schema: { $ref: '#/components/schemas/Space' },
    });
    assert.deepEqual(parse('< [ConnectedAccount](ConnectedAccount.md#connectedaccount) > array'), {
      kind: 'schema',
      schema: { type: 'array', items: { $ref: '#/components/schemas/ConnectedAccount' } },
    });
  });

  it('a link to an anchor on the page is a local (inline) schema', () => {
    assert.deepEqual(parse('[name](#create_space-name)'), {
      kind: 'local',
      anchor: 'create_space-name',
      shape: 'object',
    });
    assert.deepEqual(
      parseTypeExpr([
        { kind: 'text', text: '< ' },
        { kind: 'link', text: 'item', href: '#op-item' },
        { kind: 'text', text: ' > array' },
      ]),
      {
        kind: 'local',
        anchor: 'op-item',
        shape: 'array',
      },
    );
  });

  it('a map of inline objects: `< string, [users](#panelconfiguration-users) > map`', () => {
    // Failed before the fix: "a map of inline objects is not supported" (PanelConfiguration.users was any value).
    assert.deepEqual(
      parseTypeExpr([
        { kind: 'text', text: '< string, ' },
        { kind: 'link', text: 'users', href: '#panelconfiguration-users' },
        { kind: 'text', text: ' > map' },
      ]),
      { kind: 'local', anchor: 'panelconfiguration-users', shape: 'map' },
    );
  });

  it('No Content', () => {
    assert.deepEqual(parse('No Content'), { kind: 'none' });
    assert.deepEqual(parseTypeExpr([{ kind: 'text', text: 'No Content' }]), { kind: 'none' });
  });

  it('garbage throws a TypeSyntaxError', () => {
    for (const cell of ['foo', 'string string', '< string >', '< string > list', 'enum (a, b', 'integer (', 'No']) {
      assert.throws(() => parse(cell), TypeSyntaxError, cell);
    }
    assert.throws(() => parseTypeExpr([]), TypeSyntaxError);
    assert.throws(() => parseTypeExpr([{ kind: 'text', text: '< No Content > array' }]), TypeSyntaxError);
  });

  it('an unreadable Schema cell on a page is reported as unknown-type and typed as any value', () => {
    const page = LIST_PAGE.replace('|Fields to return.|< string > array|', '|Fields to return.|< string > list|');
    const x = extract('operations/list_space_users.md', page);
    const unknown = x.findings.filter((f) => f.code === 'unknown-type');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0]!.line, lineOf(page, '|**Query**|**fields**'));
    assert.deepEqual(onlyOperation(x).parameters.find((p) => p.name === 'fields')?.schema, {});
  });
});
