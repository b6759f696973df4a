// src/rebuild/emit/response.ts: Response Objects and the order responses are listed in.
// Values: onezone add_group_handle_service.md (204 + Location), onepanel get_provider_space_sync_stats.md.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emitResponse, responsesInOrder } from '../../../src/rebuild/emit/response.ts';
import { ExampleSources } from '../../../src/rebuild/emit/examples.ts';
import { blankOperation, type Operation, type Response } from '../../../src/rebuild/model.ts';
import { at, example } from '../helpers.ts';

const FILE = 'operations/get_provider_space_sync_stats.md';

function operation(responses: Response[], produces: string[] = []): Operation {
  const op = blankOperation({ file: FILE, text: '', release: '17.06.0-rc8', order: 0 });
  return { ...op, operationId: 'get_provider_space_sync_stats', responses, produces };
}

function response(status: string, description: string, schema?: Record<string, unknown>): Response {
  return { status, description, ...(schema ? { schema } : {}), headers: [], examples: [], at: at(FILE, 26) };
}

const ERROR_500: Response = {
  ...response('500', 'Internal server error.', { $ref: '#/components/schemas/Error' }),
  examples: [
    example({ error: 'Invalid Request', description: "User role must be one of 'admin' or 'regular'." }, at(FILE, 85)),
  ],
};

describe('emitResponse', () => {
  it('500 with an Error body: one application/json media type holding the documented example', () => {
    const registry = new ExampleSources();
    const out = emitResponse(ERROR_500, operation([ERROR_500], ['application/json']), registry);
    assert.deepEqual(out, {
      description: 'Internal server error.',
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/Error' },
          examples: {
            documented: {
              summary: `Documented example (${FILE}:85)`,
              value: { error: 'Invalid Request', description: "User role must be one of 'admin' or 'regular'." },
            },
          },
        },
      },
    });
    assert.deepEqual(
      [...registry.byPointer].map(([pointer, s]) => [pointer, s.where]),
      [['/content/application~1json/examples/documented/value', 'response 500']],
    );
  });

  it('401 "No Content": a description and no content', () => {
    const r = response('401', 'Unauthorized request.');
    assert.deepEqual(emitResponse(r, operation([r]), new ExampleSources()), { description: 'Unauthorized request.' });
  });

  it('204 of add_group_handle_service: the Location header, no body', () => {
    const r: Response = {
      ...response('204', 'Request successful.'),
      headers: [
        {
          name: 'Location',
          description: 'The endpoint of the new handle service resource including the generated GUID.',
          schema: { type: 'string' },
        },
      ],
    };
    assert.deepEqual(emitResponse(r, operation([r]), new ExampleSources()), {
      description: 'Request successful.',
      headers: {
        Location: {
          description: 'The endpoint of the new handle service resource including the generated GUID.',
          schema: { type: 'string' },
        },
      },
    });
  });

  it('no Produces section: the body is application/json; an empty description becomes "HTTP <code>"', () => {
    const r = response('200', '', { type: 'array', items: { type: 'string' } });
    const out = emitResponse(r, operation([r]), new ExampleSources());
    assert.equal(out.description, 'HTTP 200');
    assert.deepEqual(Object.keys(out.content as object), ['application/json']);
  });
});

describe('responsesInOrder', () => {
  it('status codes ascending whatever the table order, default last', () => {
    const op = operation(['500', 'default', '200', '404', '401'].map((s) => response(s, s)));
    assert.deepEqual(
      responsesInOrder(op).map((r) => r.status),
      ['200', '401', '404', '500', 'default'],
    );
    assert.deepEqual(
      op.responses.map((r) => r.status),
      ['500', 'default', '200', '404', '401'],
      'the operation is left as it was',
    );
  });
});
