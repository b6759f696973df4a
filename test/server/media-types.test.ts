// Every documented media type (issue 23 item 5): Onepanel's configure_zone consumes application/x-yaml
// (configure_zone.md, "Consumes"), parsed with limits and validated like JSON; Oneprovider's get_space_index
// produces application/javascript (get_space_index.md), so its stub answers the documented example in it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import type { Operation } from 'openapi-backend';
import { toBackendDocument } from '../../src/server/backend-document.ts';
import type { HttpError } from '../../src/server/errors.ts';
import { assertSupportedMediaType } from '../../src/server/media-type.ts';
import { rawRequest } from '../helpers/raw-http.ts';
import { suiteServer } from '../helpers/suite-server.ts';
import { ADMIN, basicHeader, tokenHeader } from '../helpers/server-fixtures.ts';

const suite = suiteServer();

// configure_zone.md's example request body.
const ZONE = {
  cluster: {
    domainName: 'onezone.onedata.example.com',
    nodes: { node1: { hostname: 'node1' } },
    manager: { mainNode: 'node1', nodes: ['node1'] },
    worker: { nodes: ['node1'] },
    database: { nodes: ['node1'] },
  },
  onezone: { domainName: 'example.com', name: 'example' },
};

const configureZone = (body: string, type = 'application/x-yaml') =>
  rawRequest({
    method: 'POST',
    url: `${suite.url('onepanel')}/zone/configuration`,
    headers: { ...basicHeader(ADMIN), 'content-type': type },
    body,
  });

describe('application/x-yaml request bodies', () => {
  test("YAML is answered as JSON is: the docs' example, and the one its definitions describe", async () => {
    // configure_zone.md:57-64 writes manager, worker and database; ZoneClusterConfiguration.md requires
    // managers, workers and databases: the example as written is a 400 in either media type.
    for (const [body, type] of [
      [stringify(ZONE), 'application/x-yaml'],
      [JSON.stringify(ZONE), 'application/json'],
    ] as const) {
      const reply = await configureZone(body, type);
      assert.equal(reply.status, 400, type);
      assert.match(JSON.parse(reply.text).description, /Missing required value: (databases|managers|workers)/);
    }
    const { manager, worker, database, ...cluster } = ZONE.cluster;
    const fixed = { ...ZONE, cluster: { ...cluster, managers: manager, workers: worker, databases: database } };
    const yaml = await configureZone(stringify(fixed));
    assert.equal(yaml.status, 201, yaml.text);
    assert.equal((await configureZone(JSON.stringify(fixed), 'application/json')).status, 201);
  });

  test('a YAML body is validated like a JSON one: ZoneConfiguration requires cluster', async () => {
    const reply = await configureZone(stringify({ onezone: ZONE.onezone }));
    assert.equal(reply.status, 400);
    assert.match(JSON.parse(reply.text).description, /cluster/);
  });

  test('malformed YAML is a 400 in Onepanel’s Error shape', async () => {
    const reply = await configureZone('cluster: [node1\n');
    assert.equal(reply.status, 400);
    const body = JSON.parse(reply.text);
    assert.deepEqual(Object.keys(body).sort(), ['description', 'error']);
    assert.match(body.description, /not valid YAML/);
  });

  test('a billion-laughs body is a 400, answered at once', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const reply = await configureZone(`${lines.join('\n')}\ncluster: *j\n`);
    assert.equal(reply.status, 400);
    assert.match(JSON.parse(reply.text).description, /not valid YAML: .*alias/i);
  });

  test('flow collections nested 100 000 deep are a 400 before any parsing', async () => {
    const reply = await configureZone(`cluster: ${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    assert.equal(reply.status, 400);
    assert.match(JSON.parse(reply.text).description, /nests deeper than 64 levels/);
  });

  test('a body in YAML where only JSON is documented is still a 415', async () => {
    // create_cluster.md (POST /hosts) consumes application/json only.
    const reply = await rawRequest({
      method: 'POST',
      url: `${suite.url('onepanel')}/hosts`,
      headers: { ...basicHeader(ADMIN), 'content-type': 'application/x-yaml' },
      body: 'cookie: x\n',
    });
    assert.equal(reply.status, 415);
  });

  test('a body documented in YAML alone is validated against that schema and JSON is refused', () => {
    const schema = { type: 'object', required: ['name'] };
    const document = toBackendDocument({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/x': {
          post: {
            requestBody: { content: { 'application/x-yaml': { schema } } },
            responses: { '204': { description: 'ok' } },
          },
        },
      },
    }) as { paths: { '/x': { post: { requestBody: Record<string, unknown> } } } };
    const body = document.paths['/x'].post.requestBody;
    assert.deepEqual(body['x-declared-media-types'], ['application/x-yaml']);
    assert.deepEqual((body.content as Record<string, { schema: unknown }>)['application/json']!.schema, schema);
    const operation = { requestBody: body } as unknown as Operation;
    assert.doesNotThrow(() => assertSupportedMediaType(operation, 'application/x-yaml', undefined, true));
    assert.throws(
      () => assertSupportedMediaType(operation, 'application/json', undefined, true),
      (e: HttpError) => e.status === 415 && /send application\/x-yaml\.$/.test(e.message),
    );
  });
});

describe('documented non-JSON responses', () => {
  test('GET /index/{iid} answers its documented example as application/javascript', async () => {
    const reply = await rawRequest({
      method: 'GET',
      url: `${suite.url('oneprovider')}/index/i1`,
      headers: tokenHeader(ADMIN),
    });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.headers['content-type'], 'application/javascript');
    // get_space_index.md:69, the documented example.
    assert.equal(reply.text, 'string');
    assert.equal(reply.headers['content-length'], '6');
  });
});
