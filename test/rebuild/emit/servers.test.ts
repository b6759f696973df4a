// src/rebuild/emit/servers.ts: servers from where the cURL samples send requests.
// Targets: the samples of onezone check_my_ports.md (https://$HOST:8443/api/v3/onezone/...) and
// add_group_handle_service.md (https://$HOST:8443/api/v3/groups/..., /onezone left out).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emitServers } from '../../../src/rebuild/emit/servers.ts';
import { Findings } from '../../../src/rebuild/findings.ts';
import { blankOperation, type Operation } from '../../../src/rebuild/model.ts';
import { at } from '../helpers.ts';

function operation(operationId: string, file: string, targets: Operation['curlTargets']): Operation {
  const op = blankOperation({ file, text: '', release: '17.06.0-rc8', order: 0 });
  return { ...op, operationId, curlTargets: targets };
}

const PORTS = operation('check_my_ports', 'operations/check_my_ports.md', [
  { origin: 'https://{host}:8443', base: '/api/v3/onezone', at: at('operations/check_my_ports.md', 18) },
]);
const HANDLE_SERVICE = operation('add_group_handle_service', 'operations/add_group_handle_service.md', [
  { origin: 'https://{host}:8443', base: '/api/v3', at: at('operations/add_group_handle_service.md', 20) },
]);

describe('emitServers', () => {
  it('https://$HOST:8443/api/v3/onezone/... → https://{host}:8443/api/v3/onezone with a host variable', () => {
    const servers = emitServers([PORTS], '/api/v3/onezone', 'localhost', new Findings());
    assert.deepEqual(servers, [
      {
        url: 'https://{host}:8443/api/v3/onezone',
        variables: {
          host: { default: 'localhost', description: 'Value of $HOST in the documented cURL samples.' },
        },
      },
    ]);
  });

  it('a sample off the base path (/api/v3) is reported at its line and makes no server', () => {
    const findings = new Findings();
    const servers = emitServers([PORTS, HANDLE_SERVICE], '/api/v3/onezone', 'localhost', findings);
    assert.deepEqual(
      servers.map((s) => s.url),
      ['https://{host}:8443/api/v3/onezone'],
    );
    assert.deepEqual(
      findings.all.map((f) => [f.code, f.file, f.line, f.subject]),
      [['curl-mismatch', 'operations/add_group_handle_service.md', 20, 'add_group_handle_service']],
    );
  });

  it('no base path given: the base most samples use; no samples at all: https://{host}<base>', () => {
    const ports2 = operation('check_my_ports', 'operations/check_my_ports.md', PORTS.curlTargets);
    const inferred = emitServers([PORTS, ports2, HANDLE_SERVICE], undefined, 'localhost', new Findings());
    assert.equal(inferred[0]?.url, 'https://{host}:8443/api/v3/onezone');
    const none = emitServers([], '/api/v3/onezone', 'onezone.example.com', new Findings());
    assert.deepEqual(none, [
      {
        url: 'https://{host}/api/v3/onezone',
        variables: {
          host: { default: 'onezone.example.com', description: 'Value of $HOST in the documented cURL samples.' },
        },
      },
    ]);
  });
});
