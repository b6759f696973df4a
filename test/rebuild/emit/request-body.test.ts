// src/rebuild/emit/request-body.ts: the Body parameter → Request Body Object.
// Values: onezone add_group_handle_service.md and check_my_ports.md (17.06.0-rc8).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emitRequestBody } from '../../../src/rebuild/emit/request-body.ts';
import { ExampleSources } from '../../../src/rebuild/emit/examples.ts';
import { blankOperation, type Operation } from '../../../src/rebuild/model.ts';
import { at, example } from '../helpers.ts';

function operation(file: string, fields: Partial<Operation>): Operation {
  return { ...blankOperation({ file, text: '', release: '17.06.0-rc8', order: 0 }), ...fields };
}

const HANDLE_SERVICE = operation('operations/add_group_handle_service.md', {
  operationId: 'add_group_handle_service',
  consumes: ['application/json'],
  requestBody: {
    name: 'handleService',
    required: true,
    description: '',
    schema: { $ref: '#/components/schemas/HandleService' },
    at: at('operations/add_group_handle_service.md', 30),
  },
  requestExamples: {
    body: example({ name: 'MyCommunity Handle service' }, at('operations/add_group_handle_service.md', 62)),
  },
});

describe('emitRequestBody', () => {
  it('handleService: required, the HandleService schema under application/json, the body name kept', () => {
    const out = emitRequestBody(HANDLE_SERVICE, new ExampleSources());
    assert.deepEqual(out, {
      required: true,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/HandleService' },
          examples: {
            documented: {
              summary: 'Documented example (operations/add_group_handle_service.md:62)',
              value: { name: 'MyCommunity Handle service' },
            },
          },
        },
      },
      'x-body-name': 'handleService',
    });
  });

  it('ports of check_my_ports: optional, described, JSON when the page lists no Consumes', () => {
    const op = operation('operations/check_my_ports.md', {
      operationId: 'check_my_ports',
      requestBody: {
        name: 'ports',
        required: false,
        description: 'List of ports to check.',
        schema: { type: 'array', items: { type: 'string' } },
        at: at('operations/check_my_ports.md', 27),
      },
    });
    const out = emitRequestBody(op, new ExampleSources());
    assert.equal(out?.description, 'List of ports to check.');
    assert.equal(out?.required, false);
    assert.deepEqual(Object.keys(out?.content ?? {}), ['application/json']);
    const json = (out?.content as Record<string, object> | undefined)?.['application/json'];
    assert.equal(Object.hasOwn(json ?? {}, 'examples'), false);
  });

  it('one media type per Consumes entry, each with the example; none without a Body row', () => {
    const twoTypes = { ...HANDLE_SERVICE, consumes: ['application/json', 'application/x-yaml'] };
    const registry = new ExampleSources();
    const out = emitRequestBody(twoTypes, registry);
    assert.deepEqual(Object.keys(out?.content ?? {}), ['application/json', 'application/x-yaml']);
    assert.equal(registry.byPointer.size, 2);
    assert.equal(emitRequestBody({ ...HANDLE_SERVICE, requestBody: undefined }, new ExampleSources()), undefined);
  });
});
