// src/rebuild/extract/swagger2markup/operation/: the rule chain over one operation unit (endpoint, description,
// parameters, responses, media types, examples). Pages: test/fixtures/swagger2markup/, 17.06.0-rc8 doc sets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sectionsOf } from '../../../../src/rebuild/markdown/units.ts';
import { blankOperation, type Operation, type Response } from '../../../../src/rebuild/model.ts';
import { operationRules } from '../../../../src/rebuild/extract/swagger2markup/operation/index.ts';
import type { Finding } from '../../../../src/rebuild/findings.ts';
import { fixture, lineOf, onlyUnit, readText } from '../../helpers.ts';

interface Ran {
  op: Operation;
  text: string;
  findings: Finding[];
  unclaimed: string[];
}

function run(name: string, edit: (text: string) => string = (t) => t): Ran {
  const file = `swagger2markup/${name}`;
  const text = edit(fixture(file));
  const read = readText(file, text);
  const unit = onlyUnit(read, 'operation');
  const sections = sectionsOf(unit);
  const op = blankOperation(read.ctx.source);
  for (const [, rule] of operationRules) rule({ ctx: read.ctx, unit, sections, op });
  return { op, text, findings: read.findings, unclaimed: sections.filter((s) => !s.claimed).map((s) => s.title) };
}

function response(op: Operation, status: string): Response {
  const r = op.responses.find((x) => x.status === status);
  assert.ok(r, `response ${status}`);
  return r;
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };

describe('onezone operations/check_my_ports.md', () => {
  const { op, text, findings, unclaimed } = run('onezone-check_my_ports.md');

  it('endpoint: POST /provider/test/check_my_ports, id from the anchor, summary from the heading', () => {
    assert.equal(op.method, 'post');
    assert.equal(op.path, '/provider/test/check_my_ports');
    assert.equal(op.operationId, 'check_my_ports');
    assert.equal(op.summary, 'Check ports availability');
    assert.equal(op.fieldAt.path?.line, lineOf(text, 'POST /provider/test/check_my_ports') - 1, 'the fence');
  });

  it('"This operation has public access." makes it public, with no privileges', () => {
    assert.equal(op.public, true);
    assert.deepEqual(op.privileges, []);
    assert.ok(op.description.startsWith('Checks if all given ports are reachable from Onezone.'));
  });

  it('the Body row "ports" (optional, < string > array) is the request body, not a parameter', () => {
    assert.deepEqual(op.parameters, []);
    assert.equal(op.requestBody?.name, 'ports');
    assert.equal(op.requestBody?.required, false);
    assert.equal(op.requestBody?.description, 'List of ports to check.');
    assert.deepEqual(op.requestBody?.schema, { type: 'array', items: { type: 'string' } });
  });

  it('responses 200 (< < string > array > array) and 400, 401, 403, 404, 500 (Error)', () => {
    assert.deepEqual(
      op.responses.map((r) => r.status),
      ['200', '400', '401', '403', '404', '500'],
    );
    assert.deepEqual(response(op, '200').schema, {
      type: 'array',
      items: { type: 'array', items: { type: 'string' } },
    });
    assert.equal(response(op, '200').description, 'Returns the list of ports (with URLs) and their status.');
    for (const s of ['400', '401', '403', '404', '500']) assert.deepEqual(response(op, s).schema, ERROR_REF);
    assert.equal(response(op, '500').description, 'Internal server Error.');
  });

  it('Produces application/json; no Consumes section, so no consumes', () => {
    assert.deepEqual(op.produces, ['application/json']);
    assert.deepEqual(op.consumes, []);
  });

  it('request examples: path "/provider/test/check_my_ports" and the two-URL body, at their JSON lines', () => {
    assert.equal(op.requestExamples.path?.value, '/provider/test/check_my_ports');
    assert.deepEqual(op.requestExamples.body?.value, ['https://provider1.com:80', 'https://provider1.com:443']);
    assert.equal(op.requestExamples.body?.at.line, lineOf(text, '[ "https://provider1.com:80"', 30));
    assert.deepEqual(response(op, '401').examples[0]?.value, {
      error: 'Provided data could not be understood by the server',
    });
  });

  it('the cURL sample: labelled "Check provider ports", sent to https://{host}:8443 under /api/v3/onezone', () => {
    assert.equal(op.codeSamples.length, 1);
    assert.equal(op.codeSamples[0]!.label, 'Check provider ports');
    assert.ok(op.codeSamples[0]!.source.startsWith('curl -i --tlsv1.2 -X POST'));
    assert.deepEqual(
      op.curlTargets.map((t) => [t.origin, t.base]),
      [['https://{host}:8443', '/api/v3/onezone']],
    );
    assert.deepEqual(op.curlOutputs, [], 'the sample prints no output');
  });

  it('every section is claimed and nothing is reported', () => {
    assert.deepEqual(unclaimed, []);
    assert.deepEqual(findings, []);
  });
});

describe('onezone operations/add_group_handle_service.md (cut down)', () => {
  const { op } = run('onezone-add_group_handle_service.cut.md');

  it('privilege oz_handle_services_create, from the code span of the description', () => {
    assert.deepEqual(op.privileges, ['oz_handle_services_create']);
    assert.equal(op.public, false);
  });

  it('path parameter id and the required Body handleService → HandleService', () => {
    assert.deepEqual(
      op.parameters.map((p) => [p.name, p.in, p.required, p.description, p.schema]),
      [['id', 'path', true, 'Group ID.', { type: 'string' }]],
    );
    assert.deepEqual(
      [op.requestBody?.name, op.requestBody?.required, op.requestBody?.schema],
      ['handleService', true, { $ref: '#/components/schemas/HandleService' }],
    );
    assert.deepEqual(op.consumes, ['application/json']);
  });

  it('204 "Request successful." has no body but a Location (string) header', () => {
    const r = response(op, '204');
    assert.equal(r.description, 'Request successful.');
    assert.equal(r.schema, undefined);
    assert.deepEqual(r.headers, [
      {
        name: 'Location',
        description: 'The endpoint of the new handle service resource including the generated GUID.',
        schema: { type: 'string' },
      },
    ]);
  });

  it('the sample URL leaves out /onezone: the target base is /api/v3, as the page prints it', () => {
    assert.deepEqual(
      op.curlTargets.map((t) => t.base),
      ['/api/v3'],
    );
    assert.equal(
      op.requestExamples.body && (op.requestExamples.body.value as { name: string }).name,
      'MyCommunity Handle service',
    );
  });
});

describe('oneprovider operations/replicate_file.md', () => {
  const { op } = run('oneprovider-replicate_file.md');

  it('"[Response 200](#replicate_file-response-200)" is read from the inline table on the page', () => {
    assert.deepEqual(response(op, '200').schema, {
      type: 'object',
      properties: { transferId: { type: 'string', description: 'Transfer ID.' } },
    });
  });

  it('two labelled cURL samples, each with its printed transferId output', () => {
    assert.deepEqual(
      op.codeSamples.map((s) => s.label),
      [
        'Replicate file by path to any provider',
        'Replicate file by path to specific storage provider with URL callback',
      ],
    );
    assert.deepEqual(
      op.curlOutputs.map((o) => o.value),
      [{ transferId: '4f674576-4c63-443b-b3d5-2f74a40724a0' }, { transferId: 'b3c85b99-44db-4277-8c66-2ccd50888565' }],
    );
  });

  it('query provider_id is optional; Body callback is optional and refers to Callback', () => {
    const q = op.parameters.find((p) => p.name === 'provider_id');
    assert.deepEqual([q?.in, q?.required], ['query', false]);
    assert.deepEqual(
      [op.requestBody?.name, op.requestBody?.required, op.requestBody?.schema],
      ['callback', false, { $ref: '#/components/schemas/Callback' }],
    );
    assert.deepEqual(op.requestExamples.body?.value, { url: 'http://monitoring.example.com:8080/notifications' });
  });
});

describe('onepanel get_provider_space_sync_stats.md and oneprovider get_all_transfers.md', () => {
  it('query period is enum (minute, hour, day); 401 and 403 are "No Content"', () => {
    const { op } = run('onepanel-get_provider_space_sync_stats.md');
    const period = op.parameters.find((p) => p.name === 'period');
    assert.deepEqual(period?.schema, { type: 'string', enum: ['minute', 'hour', 'day'] });
    assert.equal(period?.required, false);
    assert.equal(response(op, '401').schema, undefined);
    assert.equal(response(op, '403').description, 'Forbidden request.');
    assert.equal(
      (response(op, '200').examples[0]?.value as { importStatus: string } | undefined)?.importStatus,
      'done',
    );
  });

  it('query status is an array of enum values; the cURL output (three transfer IDs) is kept', () => {
    const { op } = run('oneprovider-get_all_transfers.md');
    assert.deepEqual(op.parameters.find((p) => p.name === 'status')?.schema, {
      type: 'array',
      items: { type: 'string', enum: ['scheduled', 'active', 'completed', 'cancelled', 'failed'] },
    });
    assert.deepEqual(op.parameters.find((p) => p.name === 'limit')?.schema, { type: 'integer' });
    assert.equal((op.curlOutputs[0]?.value as string[] | undefined)?.[2], 'da426f74-5770-42a1-b799-354a3c4c154b');
  });

  it('an example for a status the Responses table lacks is reported, not placed', () => {
    const { op, findings } = run('onezone-check_my_ports.md', (t) =>
      t.replace('|**404**|Resource not found.|[Error](../definitions/Error.md#error)|\n', ''),
    );
    assert.equal(
      op.responses.find((r) => r.status === '404'),
      undefined,
    );
    assert.deepEqual(
      findings.map((f) => f.code),
      ['example-without-response'],
    );
  });

  it('"###### Request query" (34 onepanel/oneprovider pages) is a swagger2markup section the rules know', () => {
    const { op, text, unclaimed, findings } = run('onepanel-get_provider_space_sync_stats.md');
    assert.deepEqual(unclaimed, []);
    assert.deepEqual(
      findings.filter((f) => f.code === 'unknown-section'),
      [],
    );
    // Its object of query parameter values is the request's query example.
    assert.equal(op.requestExamples.query?.at.line, lineOf(text, '###### Request query') + 3);
    assert.equal(typeof op.requestExamples.query?.value, 'object');
  });

  it('a quoted boolean default (`"true"`) becomes the boolean true, as the column types it', () => {
    // Failed before the fix: the default was the string "true" (13 Onepanel and 3 Oneprovider parameters).
    const { op, text, findings } = run('onepanel-start_stop_zone_worker.md');
    const started = op.parameters.find((p) => p.name === 'started');
    assert.deepEqual(started?.schema, { type: 'boolean', default: true });
    assert.deepEqual(op.requestExamples.query?.value, { started: true });
    assert.equal(op.requestExamples.query?.at.line, lineOf(text, '"started" : true') - 1);
    assert.deepEqual(findings, []);
  });

  it("a default that is not of the column's type is reported and left out", () => {
    const { op, findings } = run('onepanel-start_stop_zone_worker.md', (t) => t.replace('|`"true"`|', '|`"yes"`|'));
    assert.deepEqual(op.parameters.find((p) => p.name === 'started')?.schema, { type: 'boolean' });
    assert.deepEqual(
      findings.map((f) => f.code),
      ['unknown-type'],
    );
  });
});
