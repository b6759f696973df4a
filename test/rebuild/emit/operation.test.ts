// src/rebuild/emit/operation.ts: Operation Object with x-privileges, x-codeSamples and x-doc-source.
// Values: onezone operations/check_my_ports.md and add_group_handle_service.md (17.06.0-rc8).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emitOperation } from '../../../src/rebuild/emit/operation.ts';
import { ExampleSources } from '../../../src/rebuild/emit/examples.ts';
import { blankOperation, type Operation, type Response } from '../../../src/rebuild/model.ts';
import { at } from '../helpers.ts';

const PORTS_FILE = 'operations/check_my_ports.md';
const HS_FILE = 'operations/add_group_handle_service.md';

function errorResponse(file: string, status: string, description: string): Response {
  return {
    status,
    description,
    schema: { $ref: '#/components/schemas/Error' },
    headers: [],
    examples: [],
    at: at(file, 35),
  };
}

const CHECK_MY_PORTS: Operation = {
  ...blankOperation({ file: PORTS_FILE, text: '', release: '17.06.0-rc8', order: 0 }),
  operationId: 'check_my_ports',
  method: 'post',
  path: '/provider/test/check_my_ports',
  summary: 'Check ports availability',
  description: 'Checks if all given ports are reachable from Onezone.\n\nThis operation has public access.',
  public: true,
  responses: [
    errorResponse(PORTS_FILE, '500', 'Internal server Error.'),
    {
      status: '200',
      description: 'Returns the list of ports (with URLs) and their status.',
      schema: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
      headers: [],
      examples: [],
      at: at(PORTS_FILE, 34),
    },
    errorResponse(PORTS_FILE, '400', 'Invalid request.'),
  ],
  codeSamples: [
    {
      label: 'Check provider ports',
      lang: 'cURL',
      source: "curl -i --tlsv1.2 -X POST -H 'Content-type: application/json' \\\n-d '[ \"https://provider1.com:80\" ]'",
      at: at(PORTS_FILE, 17),
    },
  ],
  at: at(PORTS_FILE, 3),
};

const ADD_HANDLE_SERVICE: Operation = {
  ...blankOperation({ file: HS_FILE, text: '', release: '17.06.0-rc8', order: 0 }),
  operationId: 'add_group_handle_service',
  method: 'post',
  path: '/groups/{id}/handle_services',
  summary: 'Add group handle service',
  tags: ['Group'],
  privileges: ['oz_handle_services_create'],
  parameters: [
    {
      name: 'id',
      in: 'path',
      required: true,
      description: 'Group ID.',
      schema: { type: 'string' },
      at: at(HS_FILE, 29),
    },
  ],
  responses: [errorResponse(HS_FILE, '400', 'Invalid request.')],
  at: at(HS_FILE, 3),
};

describe('emitOperation', () => {
  it('check_my_ports: id, summary, description; public access → an empty security requirement', () => {
    const out = emitOperation(CHECK_MY_PORTS, new ExampleSources());
    assert.equal(out.operationId, 'check_my_ports');
    assert.equal(out.summary, 'Check ports availability');
    assert.match(out.description as string, /This operation has public access\.$/);
    assert.deepEqual(out.security, []);
    assert.deepEqual(out['x-privileges'], []);
  });

  it('responses keyed by status in ascending order, whatever the model order (500, 200, 400)', () => {
    const out = emitOperation(CHECK_MY_PORTS, new ExampleSources());
    assert.deepEqual(Object.keys(out.responses as object), ['200', '400', '500']);
    assert.equal(
      (out.responses as Record<string, { description: string }>)['500']?.description,
      'Internal server Error.',
    );
  });

  it('x-codeSamples carry lang, label and source; x-doc-source is page:line of the heading', () => {
    const out = emitOperation(CHECK_MY_PORTS, new ExampleSources());
    assert.deepEqual(out['x-codeSamples'], [
      { lang: 'cURL', label: 'Check provider ports', source: CHECK_MY_PORTS.codeSamples[0]!.source },
    ]);
    assert.equal(out['x-doc-source'], 'operations/check_my_ports.md:3');
    assert.equal('parameters' in out, false);
    assert.equal('requestBody' in out, false);
  });

  it('add_group_handle_service: tags, x-privileges, the id parameter; no security override', () => {
    const out = emitOperation(ADD_HANDLE_SERVICE, new ExampleSources());
    assert.deepEqual(out.tags, ['Group']);
    assert.deepEqual(out['x-privileges'], ['oz_handle_services_create']);
    assert.deepEqual(
      (out.parameters as { name: string; in: string }[]).map((p) => [p.name, p.in]),
      [['id', 'path']],
    );
    assert.equal('security' in out, false);
    assert.equal('description' in out, false, 'no description section: no description');
    assert.equal('deprecated' in out, false);
  });

  it('a deprecated operation (the onedata.org page) is marked deprecated: true', () => {
    const out = emitOperation({ ...ADD_HANDLE_SERVICE, deprecated: true }, new ExampleSources());
    assert.equal(out.deprecated, true);
  });
});
