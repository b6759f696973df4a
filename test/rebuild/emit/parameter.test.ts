// src/rebuild/emit/parameter.ts: Parameter Object, with path parameter examples from the documented request path.
// Values: onezone add_group_handle_service.md, onepanel get_provider_space_sync_stats.md and the onedata.org page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emitParameter } from '../../../src/rebuild/emit/parameter.ts';
import { ExampleSources } from '../../../src/rebuild/emit/examples.ts';
import { blankOperation, type Operation, type Parameter } from '../../../src/rebuild/model.ts';
import { at, example } from '../helpers.ts';

const FILE = 'operations/get_provider_space_sync_stats.md';

function operation(path: string, requestPath: unknown, parameters: Parameter[]): Operation {
  const op = blankOperation({ file: FILE, text: '', release: '17.06.0-rc8', order: 0 });
  return {
    ...op,
    operationId: 'get_provider_space_sync_stats',
    method: 'get',
    path,
    parameters,
    requestExamples: {
      path: requestPath === undefined ? undefined : example(requestPath, at(FILE, 42)),
    },
  };
}

const ID: Parameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The ID of a space for which sync stats should be returned.',
  schema: { type: 'string' },
  at: at(FILE, 17),
};
const PERIOD: Parameter = {
  name: 'period',
  in: 'query',
  required: false,
  description: 'Predefined time period for which the statistics should be fetched',
  schema: { type: 'string', enum: ['minute', 'hour', 'day'] },
  at: at(FILE, 19),
};

describe('emitParameter', () => {
  it('path id: name, in, required, description, schema; example "string" from "/provider/spaces/string/sync"', () => {
    const op = operation('/provider/spaces/{id}/sync', '/provider/spaces/string/sync', [ID, PERIOD]);
    const registry = new ExampleSources();
    assert.deepEqual(emitParameter(ID, op, registry), {
      name: 'id',
      in: 'path',
      required: true,
      description: 'The ID of a space for which sync stats should be returned.',
      schema: { type: 'string' },
      example: 'string',
    });
    assert.deepEqual(
      [...registry.byPointer].map(([pointer, s]) => [pointer, s.where, s.at.line]),
      [['/example', 'parameter id', 42]],
    );
  });

  it('query period: the enum schema as is, and no example from a request path', () => {
    const op = operation('/provider/spaces/{id}/sync', '/provider/spaces/string/sync', [ID, PERIOD]);
    const out = emitParameter(PERIOD, op, new ExampleSources());
    assert.deepEqual(out, {
      name: 'period',
      in: 'query',
      required: false,
      description: 'Predefined time period for which the statistics should be fetched',
      schema: { type: 'string', enum: ['minute', 'hour', 'day'] },
    });
  });

  it('rest-cli arguments (id=a4d3bc73…) are the example of the parameter of that name', () => {
    const groupId = { ...ID, description: 'Group Id.' };
    const op = operation('/groups/{id}/users/token', { id: 'a4d3bc73aada63052310652d421609f1' }, [groupId]);
    assert.equal(emitParameter(groupId, op, new ExampleSources()).example, 'a4d3bc73aada63052310652d421609f1');
  });

  it('no documented request path: no example, and no empty description', () => {
    const op = operation('/provider/spaces/{id}/sync', undefined, [ID]);
    const out = emitParameter({ ...ID, description: '' }, op, new ExampleSources());
    assert.equal('example' in out, false);
    assert.equal('description' in out, false);
  });
});
