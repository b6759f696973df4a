// The seed sample (test/fixtures/seed/sources.yaml: the five seed pages in spec/source/ alone): what the spec
// rebuilt from them says, checked against what those pages say.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { PROJECT_ROOT } from '../src/paths.ts';
import { buildSpec, type BuildResult } from '../src/rebuild/build.ts';
import { specYaml } from '../src/rebuild/emit/yaml.ts';
import { schemaWalker } from '../src/rebuild/validate/schema-check.ts';
import { parse } from 'yaml';
import { SEED_MANIFEST } from './helpers/corpus.ts';

const addFormats = formats as unknown as (ajv: Ajv2020) => void;

const FILE_000 = 'spec/source/000_d8da2475d781711b.txt';
const FILE_001 = 'spec/source/001_f0c0a98369f4e66d.txt';
const FILE_002 = 'spec/source/002_faa8913b9677d56f.txt';
const FILE_003 = 'spec/source/003_4dc6ab7dad006d71.txt';
const FILE_004 = 'spec/source/004_870268f2ce8b9bf7.txt';

// Error examples as the pages print them.
const OLD_ERROR_000 = { error: 'Provided data could not be understood by the server' }; // 000, 001
const OLD_ERROR_002 = { error: 'invalid_token', error_description: 'Provided token could not be validated.' }; // 002, 004
const NEW_ERROR_003 = {
  error: {
    id: 'badValueString',
    details: { key: 'name' },
    description: 'Bad value: provided "name" must be a string.',
  },
};

// biome-ignore lint/suspicious/noExplicitAny: the golden comparison walks documents of any shape
type Json = any;

let result: BuildResult;
let doc: Json;

function op(path: string, method: string): Json {
  const o = doc.paths?.[path]?.[method];
  assert.ok(o, `${method.toUpperCase()} ${path} is in the spec`);
  return o;
}

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://seed.test/openapi', components: doc.components });
  return ajv;
}

function rebased(schema: Json): Json {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/schemas/', '"https://seed.test/openapi#/components/schemas/'),
  );
}

/** Every example kept in the document, with the schema it documents. */
function examplesWithSchemas(root: Json): { where: string; schema: Json; value: unknown }[] {
  const out: { where: string; schema: Json; value: unknown }[] = [];
  const walk = (node: Json, where: string): void => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) walk(n, `${where}/${i}`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (node.schema && node.examples && typeof node.examples === 'object') {
      for (const [k, ex] of Object.entries(node.examples as Record<string, Json>))
        out.push({ where: `${where}/examples/${k}`, schema: node.schema, value: ex.value });
    }
    if (node.schema && 'example' in node)
      out.push({ where: `${where}/example`, schema: node.schema, value: node.example });
    for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
  };
  walk(root.paths, '#/paths');
  for (const [name, schema] of Object.entries(root.components.schemas as Record<string, Json>)) {
    if ('example' in schema)
      out.push({
        where: `#/components/schemas/${name}/example`,
        schema: { $ref: `#/components/schemas/${name}` },
        value: schema.example,
      });
  }
  return out;
}

describe('seed build (test/fixtures/seed/sources.yaml)', () => {
  before(() => {
    result = buildSpec({ manifestPath: SEED_MANIFEST, displayRoot: PROJECT_ROOT });
    doc = result.document;
  });

  it('serialises to YAML that reads back as the same document', () => {
    assert.deepEqual(parse(specYaml(result.document, 'npm run build:spec')), JSON.parse(JSON.stringify(doc)));
  });

  it('reads the five seed pages and reports no error', () => {
    assert.deepEqual(result.sources.map((s) => s.file).sort(), [FILE_000, FILE_001, FILE_002, FILE_003, FILE_004]);
    assert.deepEqual(
      result.findings.all.filter((f) => f.severity === 'error'),
      [],
    );
    assert.deepEqual(
      result.findings.all.filter((f) => f.code === 'unmapped-block' || f.code === 'unknown-section'),
      [],
    );
  });

  it('is OpenAPI 3.1 with the four operations the pages document', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(result.operations.length, 4);
    const endpoints = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    assert.deepEqual(endpoints.sort(), [
      'POST /groups/{id}/users/token',
      'POST /spaces/{id}/users/token',
      'POST /user/spaces',
      'POST /user/spaces/join',
    ]);
  });

  it('create_space_user_invite_token (000): privilege, path parameter, responses', () => {
    const o = op('/spaces/{id}/users/token', 'post');
    assert.equal(o.operationId, 'create_space_user_invite_token');
    assert.equal(o.summary, 'Create space user invite token');
    assert.deepEqual(o['x-privileges'], ['space_invite_user']);
    assert.deepEqual(o.tags, ['Space']);
    assert.equal(o.deprecated, undefined);
    assert.deepEqual(
      o.parameters.map((p: Json) => [p.name, p.in, p.required, p.description]),
      [['id', 'path', true, 'Space ID.']],
    );
    assert.deepEqual(Object.keys(o.responses), ['200', '400', '401', '403', '404', '500']);
    assert.deepEqual(o.responses['200'].content['application/json'].schema, {
      $ref: '#/components/schemas/SpaceInviteToken',
    });
    assert.equal(o.responses['200'].description, 'The token for joining a specific group.');
  });

  it("the group invite token operation, merged from 001 and 003, is deprecated with 003's operationId and privileges", () => {
    const o = op('/groups/{id}/users/token', 'post');
    assert.equal(o.operationId, 'createUserGroupInviteToken');
    assert.equal(o.deprecated, true);
    assert.equal(o.summary, 'Create user invite token for group');
    assert.deepEqual(o['x-privileges'], ['group_add_user', 'oz_groups_add_relationships']);
    assert.deepEqual(o.tags, ['Group']);
    assert.equal(
      o.description,
      [
        'This enpoint is deprecated and will be removed in future release, please use one of:',
        'Creates a token allowing new user to join the group.',
        'This operation requires group_add_user privilege.',
        'For administrator who does not belong to this group',
        'oz_groups_add_relationships privilege is required.',
      ].join('\n'),
    );
    // 003 prints no body; 001's optional GroupInviteTokenRequest body stays.
    assert.equal(o.requestBody.required, false);
    assert.deepEqual(o.requestBody.content['application/json'].schema, {
      $ref: '#/components/schemas/GroupInviteTokenRequest',
    });
    assert.deepEqual(
      o.parameters.map((p: Json) => [p.name, p.in, p.required]),
      [['id', 'path', true]],
    );
    assert.deepEqual(Object.keys(o.responses), ['200', '400', '401', '403', '404', '500']);
    assert.deepEqual(o.responses['200'].content['application/json'].schema, {
      $ref: '#/components/schemas/GroupInviteToken',
    });
    const sources = o['x-codeSamples'].map((s: Json) => s.source);
    assert.ok(sources.includes('onezone-rest-cli createUserGroupInviteToken id=a4d3bc73aada63052310652d421609f1'));
  });

  it('join_space (002): required SpaceInviteToken body, 201 with a Location header and no content', () => {
    const o = op('/user/spaces/join', 'post');
    assert.equal(o.operationId, 'join_space');
    assert.deepEqual(o['x-privileges'], []);
    assert.equal(o.requestBody.required, true);
    assert.deepEqual(o.requestBody.content['application/json'].schema, {
      $ref: '#/components/schemas/SpaceInviteToken',
    });
    const created = o.responses['201'];
    assert.ok(created, '201 response');
    assert.deepEqual(created.headers, {
      Location: { description: 'ID of the joined space.', schema: { type: 'string' } },
    });
    assert.equal(created.content, undefined);
    assert.deepEqual(Object.keys(o.responses), ['201', '400', '401', '403', '404', '500']);
  });

  it('create_user_space (004): required Space body, 201 with a Location header', () => {
    const o = op('/user/spaces', 'post');
    assert.equal(o.operationId, 'create_user_space');
    assert.equal(o.summary, 'Create a new space');
    assert.equal(o.requestBody.required, true);
    assert.deepEqual(o.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/Space' });
    assert.deepEqual(o.responses['201'].headers, {
      Location: { description: 'ID of the created space.', schema: { type: 'string' } },
    });
  });

  it("reports 002's cURL sample (PUT /user/spaces/default) as curl-mismatch at line 18", () => {
    const f = result.findings.all.filter((x) => x.code === 'curl-mismatch' && x.file === FILE_002);
    assert.equal(f.length, 1);
    assert.equal(f[0]!.line, 18);
    assert.equal(f[0]!.severity, 'warning');
    assert.match(f[0]!.message, /PUT/);
    assert.match(f[0]!.message, /\/user\/spaces\/default/);
  });

  it('reports what 003 changed over 001 as merged-change findings naming both files', () => {
    const changes = result.findings.all.filter((x) => x.code === 'merged-change');
    assert.ok(changes.length > 0);
    for (const c of changes) {
      assert.equal(c.file, FILE_003);
      assert.equal(c.related?.file, FILE_001);
    }
    const fields = changes.map((c) => c.message);
    for (const field of ['operationId', 'description', 'deprecated', 'privileges']) {
      assert.ok(
        fields.some((m) => m.includes(`: ${field} changed`)),
        `${field} change reported`,
      );
    }
    const opId = changes.find((c) => c.message.includes(': operationId changed'))!;
    assert.equal(opId.before, 'create_user_group_invite_token');
    assert.equal(opId.after, 'createUserGroupInviteToken');
    const privileges = changes.find((c) => c.message.includes(': privileges changed'))!;
    assert.deepEqual(privileges.before, ['group_invite_user']);
    assert.deepEqual(privileges.after, ['group_add_user', 'oz_groups_add_relationships']);
  });

  it('infers the schemas no page defines, each marked x-inferred', () => {
    const schemas = doc.components.schemas;
    for (const name of ['Space', 'SpaceInviteToken', 'GroupInviteToken', 'GroupInviteTokenRequest', 'Error']) {
      assert.ok(schemas[name], `${name} exists`);
      assert.equal(schemas[name]['x-inferred'], true, `${name} is x-inferred`);
    }
    // 004's request body example: name, token, size 150.
    assert.equal(schemas.Space.type, 'object');
    assert.deepEqual(schemas.Space.properties, {
      name: { type: 'string' },
      token: { type: 'string' },
      size: { type: 'integer' },
    });
    // One example is no evidence that every value holds all three: no page says any is required (before the fix
    // all three were, and POST /user/spaces {"name": …} was refused with "Missing required value: token").
    assert.equal(schemas.Space.required, undefined);
    const walker = schemaWalker(schemas);
    assert.equal(walker.checker.check({ $ref: '#/components/schemas/Space' }, { name: 'My space' }), undefined);
    assert.deepEqual(schemas.SpaceInviteToken.properties, { token: { type: 'string' } });
    assert.equal(schemas.SpaceInviteToken.required, undefined);
    // 003 describes the token property: "The token for joining a group."
    assert.deepEqual(schemas.GroupInviteToken.properties, {
      token: { type: 'string', description: 'The token for joining a group.' },
    });
    assert.equal(schemas.GroupInviteTokenRequest.type, 'object');
  });

  it('Error is an anyOf whose variants accept the old string errors and the new object errors', () => {
    const error = doc.components.schemas.Error;
    assert.ok(Array.isArray(error.anyOf));
    assert.equal(error.anyOf.length, 2);
    const validate = newAjv().compile(rebased({ $ref: '#/components/schemas/Error' }));
    for (const example of [OLD_ERROR_000, OLD_ERROR_002, NEW_ERROR_003]) {
      assert.equal(validate(example), true, `${JSON.stringify(example)}: ${JSON.stringify(validate.errors)}`);
    }
    assert.equal(validate({ error: 42 }), false);
    // Each variant accepts one of the shapes, not the other.
    const variants = error.anyOf.map((v: Json) => newAjv().compile(rebased(v)));
    assert.deepEqual(
      variants
        .map((v: (x: unknown) => boolean) => [v(OLD_ERROR_002), v(NEW_ERROR_003)])
        .map(String)
        .sort(),
      ['false,true', 'true,false'],
    );
  });

  it('keeps the documented error examples of every release', () => {
    const kept = (path: string, status: string) =>
      Object.values(
        op(path, 'post').responses[status].content['application/json'].examples as Record<string, Json>,
      ).map((e) => e.value);
    assert.deepEqual(kept('/spaces/{id}/users/token', '400'), [OLD_ERROR_000]);
    assert.deepEqual(kept('/user/spaces/join', '404'), [OLD_ERROR_002]);
    assert.deepEqual(kept('/user/spaces', '500'), [OLD_ERROR_002]);
    assert.deepEqual(kept('/groups/{id}/users/token', '403'), [NEW_ERROR_003]);
  });

  it('every example kept in the document validates against its schema', () => {
    const ajv = newAjv();
    const examples = examplesWithSchemas(doc);
    assert.ok(examples.length >= 20, `found ${examples.length} examples`);
    for (const ex of examples) {
      const validate = ajv.compile(rebased(ex.schema));
      assert.equal(validate(ex.value), true, `${ex.where}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('servers come from the cURL samples: https://{host}:8443/api/v3/onezone', () => {
    const urls = doc.servers.map((s: Json) => s.url);
    assert.ok(urls.includes('https://{host}:8443/api/v3/onezone'), JSON.stringify(urls));
    assert.equal(urls[0], 'https://{host}:8443/api/v3/onezone');
    assert.equal(doc.servers[0].variables.host.default, 'localhost');
  });

  it('security schemes api_key (X-Auth-Token header) and basic (http basic), either one required', () => {
    assert.deepEqual(doc.components.securitySchemes, {
      api_key: { type: 'apiKey', name: 'X-Auth-Token', in: 'header' },
      basic: { type: 'http', scheme: 'basic' },
    });
    assert.deepEqual(doc.security, [{ api_key: [] }, { basic: [] }]);
  });

  it('info comes from the manifest (the seed has no overview.md)', () => {
    assert.equal(doc.info.title, 'Onezone REST API');
    assert.equal(doc.info.version, '20.02');
  });
});
