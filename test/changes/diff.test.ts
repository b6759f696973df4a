// diffSpecs() on small inline documents: given an older and a newer spec, the changes it must report, each with
// its rule, whether it breaks an older client, and where it is in the newer spec.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diffSpecs } from '../../src/changes/diff.ts';
import type { Doc } from '../../src/changes/types.ts';

type Json = Record<string, unknown>;

function spec(paths: Json, components: Json = {}, openapi = '3.0.3'): Doc {
  return { openapi, info: { title: 't', version: '1' }, paths, components };
}

const ok = { responses: { '200': { description: 'ok' } } };
const jsonBody = (schema: Json) => ({ content: { 'application/json': { schema } } });
const query = (name: string, schema: Json, required = false) => ({ name, in: 'query', required, schema });

interface Want {
  rule: string;
  breaking: boolean;
  pointer: string;
  oldPointer?: string;
}

interface Case {
  name: string;
  old: Doc;
  new: Doc;
  want: Want[];
}

const CASES: Case[] = [
  {
    name: 'a new required query parameter breaks',
    old: spec({ '/a': { get: ok } }),
    new: spec({ '/a': { get: { ...ok, parameters: [query('limit', { type: 'integer' }, true)] } } }),
    want: [{ rule: 'new-required-request-parameter', breaking: true, pointer: '/paths/~1a/get/parameters/0' }],
  },
  {
    name: 'a new optional query parameter does not break',
    old: spec({ '/a': { get: ok } }),
    new: spec({ '/a': { get: { ...ok, parameters: [query('limit', { type: 'integer' })] } } }),
    want: [{ rule: 'new-optional-request-parameter', breaking: false, pointer: '/paths/~1a/get/parameters/0' }],
  },
  {
    name: 'an optional parameter that becomes required breaks',
    old: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'string' })] } } }),
    new: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'string' }, true)] } } }),
    want: [
      {
        rule: 'request-parameter-became-required',
        breaking: true,
        pointer: '/paths/~1a/get/parameters/0',
        oldPointer: '/paths/~1a/get/parameters/0',
      },
    ],
  },
  {
    name: 'a removed parameter breaks, pointing at the operation that lost it',
    old: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'string' })] } } }),
    new: spec({ '/a': { get: ok } }),
    want: [
      {
        rule: 'request-parameter-removed',
        breaking: true,
        pointer: '/paths/~1a/get',
        oldPointer: '/paths/~1a/get/parameters/0',
      },
    ],
  },
  {
    name: 'a parameter narrowed from string to integer breaks',
    old: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'string' })] } } }),
    new: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'integer' })] } } }),
    want: [
      {
        rule: 'request-type-changed',
        breaking: true,
        pointer: '/paths/~1a/get/parameters/0/schema',
        oldPointer: '/paths/~1a/get/parameters/0/schema',
      },
    ],
  },
  {
    name: 'a parameter widened from integer to number does not break',
    old: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'integer' })] } } }),
    new: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'number' })] } } }),
    want: [
      {
        rule: 'request-type-changed',
        breaking: false,
        pointer: '/paths/~1a/get/parameters/0/schema',
        oldPointer: '/paths/~1a/get/parameters/0/schema',
      },
    ],
  },
  {
    name: 'a request enum that loses a value breaks; one that gains a value does not',
    old: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'string', enum: ['x', 'y'] })] } } }),
    new: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'string', enum: ['x', 'z'] })] } } }),
    want: [
      { rule: 'request-enum-value-removed', breaking: true, pointer: '/paths/~1a/get/parameters/0/schema' },
      { rule: 'request-enum-value-added', breaking: false, pointer: '/paths/~1a/get/parameters/0/schema' },
    ],
  },
  {
    name: 'a new required request property behind a $ref breaks, pointed at in components',
    old: spec(
      { '/a': { post: { ...ok, requestBody: jsonBody({ $ref: '#/components/schemas/In' }) } } },
      { schemas: { In: { type: 'object', properties: { name: { type: 'string' } } } } },
    ),
    new: spec(
      { '/a': { post: { ...ok, requestBody: jsonBody({ $ref: '#/components/schemas/In' }) } } },
      {
        schemas: {
          In: {
            type: 'object',
            required: ['size'],
            properties: { name: { type: 'string' }, size: { type: 'integer' } },
          },
        },
      },
    ),
    want: [
      { rule: 'new-required-request-property', breaking: true, pointer: '/components/schemas/In/properties/size' },
    ],
  },
  {
    name: 'a removed response property breaks',
    old: spec({
      '/a': {
        get: {
          responses: {
            '200': {
              description: 'ok',
              ...jsonBody({ type: 'object', properties: { id: { type: 'string' }, old: { type: 'string' } } }),
            },
          },
        },
      },
    }),
    new: spec({
      '/a': {
        get: {
          responses: {
            '200': { description: 'ok', ...jsonBody({ type: 'object', properties: { id: { type: 'string' } } }) },
          },
        },
      },
    }),
    want: [
      {
        rule: 'response-property-removed',
        breaking: true,
        pointer: '/paths/~1a/get/responses/200/content/application~1json/schema',
        oldPointer: '/paths/~1a/get/responses/200/content/application~1json/schema/properties/old',
      },
    ],
  },
  {
    name: 'a response enum that gains a value breaks',
    old: spec({
      '/a': { get: { responses: { '200': { description: 'ok', ...jsonBody({ type: 'string', enum: ['on'] }) } } } },
    }),
    new: spec({
      '/a': {
        get: { responses: { '200': { description: 'ok', ...jsonBody({ type: 'string', enum: ['on', 'off'] }) } } },
      },
    }),
    want: [
      {
        rule: 'response-enum-value-added',
        breaking: true,
        pointer: '/paths/~1a/get/responses/200/content/application~1json/schema',
      },
    ],
  },
  {
    name: 'a removed 200 breaks, a removed 404 does not, a new 201 does not',
    old: spec({ '/a': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'no' } } } } }),
    new: spec({ '/a': { get: { responses: { '201': { description: 'made' } } } } }),
    want: [
      {
        rule: 'response-success-status-removed',
        breaking: true,
        pointer: '/paths/~1a/get/responses',
        oldPointer: '/paths/~1a/get/responses/200',
      },
      { rule: 'response-status-added', breaking: false, pointer: '/paths/~1a/get/responses/201' },
      {
        rule: 'response-non-success-status-removed',
        breaking: false,
        pointer: '/paths/~1a/get/responses',
        oldPointer: '/paths/~1a/get/responses/404',
      },
    ],
  },
  {
    name: 'a removed response header breaks (header names compared case-insensitively)',
    old: spec({
      '/a': {
        post: {
          responses: {
            '201': { description: 'made', headers: { Location: { schema: { type: 'string' } }, 'X-A': {} } },
          },
        },
      },
    }),
    new: spec({
      '/a': {
        post: { responses: { '201': { description: 'made', headers: { location: { schema: { type: 'string' } } } } } },
      },
    }),
    want: [
      {
        rule: 'response-header-removed',
        breaking: true,
        pointer: '/paths/~1a/post/responses/201',
        oldPointer: '/paths/~1a/post/responses/201/headers/X-A',
      },
    ],
  },
  {
    name: 'a renamed x-privileges entry breaks: the old privilege no longer suffices',
    old: spec({ '/g/{id}': { delete: { ...ok, 'x-privileges': ['group_remove'] } } }),
    new: spec({ '/g/{id}': { delete: { ...ok, 'x-privileges': ['group_delete'] } } }),
    want: [
      {
        rule: 'api-privilege-removed',
        breaking: true,
        pointer: '/paths/~1g~1{id}/delete/x-privileges',
        oldPointer: '/paths/~1g~1{id}/delete/x-privileges',
      },
      {
        rule: 'api-privilege-added',
        breaking: false,
        pointer: '/paths/~1g~1{id}/delete/x-privileges',
        oldPointer: '/paths/~1g~1{id}/delete/x-privileges',
      },
    ],
  },
  {
    name: 'a privilege added where none was needed breaks',
    old: spec({ '/g': { get: ok } }),
    new: spec({ '/g': { get: { ...ok, 'x-privileges': ['group_view'] } } }),
    want: [{ rule: 'api-privilege-added', breaking: true, pointer: '/paths/~1g/get/x-privileges' }],
  },
  {
    name: 'security on a public operation breaks',
    old: spec({ '/a': { get: ok } }),
    new: spec({ '/a': { get: { ...ok, security: [{ basic: [] }] } } }),
    want: [{ rule: 'api-security-added', breaking: true, pointer: '/paths/~1a/get/security' }],
  },
  {
    name: 'an operation that becomes public loses a requirement without breaking',
    old: spec({ '/a': { get: { ...ok, security: [{ basic: [] }] } } }),
    new: spec({ '/a': { get: { ...ok, security: [] } } }),
    want: [
      {
        rule: 'api-security-removed',
        breaking: false,
        pointer: '/paths/~1a/get/security',
        oldPointer: '/paths/~1a/get/security',
      },
    ],
  },
  {
    name: 'OpenAPI 3.1: a response type narrowed from [string, null] to string does not break',
    old: spec(
      { '/a': { get: { responses: { '200': { description: 'ok', ...jsonBody({ type: ['string', 'null'] }) } } } } },
      {},
      '3.1.0',
    ),
    new: spec(
      { '/a': { get: { responses: { '200': { description: 'ok', ...jsonBody({ type: 'string' }) } } } } },
      {},
      '3.1.0',
    ),
    want: [
      {
        rule: 'response-type-changed',
        breaking: false,
        pointer: '/paths/~1a/get/responses/200/content/application~1json/schema',
        oldPointer: '/paths/~1a/get/responses/200/content/application~1json/schema',
      },
    ],
  },
  {
    name: 'OpenAPI 3.0: a request body that drops nullable breaks',
    old: spec({ '/a': { put: { ...ok, requestBody: jsonBody({ type: 'string', nullable: true }) } } }),
    new: spec({ '/a': { put: { ...ok, requestBody: jsonBody({ type: 'string' }) } } }),
    want: [
      {
        rule: 'request-type-changed',
        breaking: true,
        pointer: '/paths/~1a/put/requestBody/content/application~1json/schema',
        oldPointer: '/paths/~1a/put/requestBody/content/application~1json/schema',
      },
    ],
  },
  {
    name: 'a recursive schema is walked once: a property added deep in it is one change',
    old: spec(
      {
        '/t': {
          get: { responses: { '200': { description: 'ok', ...jsonBody({ $ref: '#/components/schemas/Node' }) } } },
        },
      },
      {
        schemas: {
          Node: {
            type: 'object',
            properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
          },
        },
      },
    ),
    new: spec(
      {
        '/t': {
          get: { responses: { '200': { description: 'ok', ...jsonBody({ $ref: '#/components/schemas/Node' }) } } },
        },
      },
      {
        schemas: {
          Node: {
            type: 'object',
            properties: {
              children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
              name: { type: 'string' },
            },
          },
        },
      },
    ),
    want: [{ rule: 'response-property-added', breaking: false, pointer: '/components/schemas/Node/properties/name' }],
  },
  {
    name: 'allOf parts count as one schema: a property moved into a part is no change',
    old: spec({
      '/a': { post: { ...ok, requestBody: jsonBody({ type: 'object', properties: { a: { type: 'string' } } }) } },
    }),
    new: spec(
      {
        '/a': {
          post: { ...ok, requestBody: jsonBody({ allOf: [{ $ref: '#/components/schemas/A' }] }) },
        },
      },
      { schemas: { A: { type: 'object', properties: { a: { type: 'string' } } } } },
    ),
    want: [],
  },
  {
    name: 'identical documents have no changes',
    old: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'string' })] } } }),
    new: spec({ '/a': { get: { ...ok, parameters: [query('q', { type: 'string' })] } } }),
    want: [],
  },
];

describe('diffSpecs: one operation, old → new', () => {
  for (const c of CASES)
    test(c.name, () => {
      const log = diffSpecs(c.old, c.new);
      const got = log.changed.flatMap((op) =>
        op.changes.map(({ rule, breaking, pointer, oldPointer }) =>
          oldPointer === undefined || !c.want.some((w) => w.rule === rule && w.oldPointer !== undefined)
            ? { rule, breaking, pointer }
            : { rule, breaking, pointer, oldPointer },
        ),
      );
      assert.deepEqual(got, c.want);
      assert.equal(log.summary.breaking, c.want.filter((w) => w.breaking).length);
      assert.equal(log.summary.changed, c.want.length > 0 ? 1 : 0);
    });
});

describe('diffSpecs: operations', () => {
  const old = spec({
    '/b': { get: ok, delete: { ...ok, 'x-doc-source': 'docs/old/remove_b.md:3' } },
    '/a': { get: ok },
  });
  const newer = spec({
    '/a': { post: { ...ok, operationId: 'make_a', 'x-doc-source': 'docs/new/make_a.md:3' }, get: ok },
    '/b': { get: { ...ok, deprecated: true } },
    '/0': { put: { ...ok, deprecated: true } },
  });
  const log = diffSpecs(old, newer);

  test('added, removed and deprecated operations, ordered by path then method, with their doc sources', () => {
    assert.deepEqual(log.added, [
      { method: 'put', path: '/0', pointer: '/paths/~10/put' },
      {
        method: 'post',
        path: '/a',
        operationId: 'make_a',
        pointer: '/paths/~1a/post',
        source: 'docs/new/make_a.md:3',
      },
    ]);
    assert.deepEqual(log.removed, [
      {
        method: 'delete',
        path: '/b',
        breaking: true,
        rule: 'api-removed',
        oldPointer: '/paths/~1b/delete',
        oldSource: 'docs/old/remove_b.md:3',
      },
    ]);
    assert.deepEqual(
      log.deprecated.map((d) => `${d.method} ${d.path}`),
      ['put /0', 'get /b'],
    );
  });

  test('a deprecation is a non-breaking change of the operation; the summary counts each list', () => {
    assert.deepEqual(
      log.changed.map((c) => ({ op: `${c.method} ${c.path}`, rules: c.changes.map((x) => x.rule) })),
      [{ op: 'get /b', rules: ['api-deprecated'] }],
    );
    assert.deepEqual(log.summary, { added: 2, removed: 1, changed: 1, deprecated: 2, breaking: 1 });
  });

  test("changes carry both operations' x-doc-source", () => {
    const a = spec({ '/a': { get: { ...ok, 'x-privileges': ['p'], 'x-doc-source': 'old.md:7' } } });
    const b = spec({ '/a': { get: { ...ok, 'x-privileges': ['q'], 'x-doc-source': 'new.md:9' } } });
    const [entry] = diffSpecs(a, b).changed;
    assert.equal(entry?.source, 'new.md:9');
    assert.equal(entry?.oldSource, 'old.md:7');
    assert.deepEqual(
      entry?.changes.map((c) => [c.source, c.oldSource]),
      [
        ['new.md:9', 'old.md:7'],
        ['new.md:9', 'old.md:7'],
      ],
    );
  });
});
