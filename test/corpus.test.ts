// The rebuilder on the full Onezone 17.06.0-rc8 doc set (spec/onezone/docs/17.06.0-rc8): what the spec must say, as read in the
// pages themselves (overview.md, paths.md, security.md, operations/*.md, definitions/*.md).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { docSetDir, PROJECT_ROOT } from '../src/paths.ts';
import { SEED_MANIFEST } from './helpers/corpus.ts';
import { buildSpec, type BuildResult } from '../src/rebuild/build.ts';

const addFormats = formats as unknown as (ajv: Ajv2020) => void;
const corpusDir = docSetDir('onezone');

// biome-ignore lint/suspicious/noExplicitAny: the corpus walks rebuilt documents of any shape
type Json = any;

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const ALL_CODES = ['400', '401', '403', '404', '500'];

let result: BuildResult;
let doc: Json;

function op(path: string, method: string): Json {
  const o = doc.paths?.[path]?.[method];
  assert.ok(o, `${method.toUpperCase()} ${path} is in the spec`);
  return o;
}

function params(o: Json): [string, string, boolean, string, Json][] {
  return (o.parameters ?? []).map((p: Json) => [p.name, p.in, p.required, p.description, p.schema]);
}

function jsonSchema(o: Json, status: string): Json {
  return o.responses[status]?.content?.['application/json']?.schema;
}

function assertErrorResponses(o: Json, codes = ALL_CODES): void {
  for (const status of codes)
    assert.deepEqual(jsonSchema(o, status), ERROR_REF, `${o.operationId} ${status} is an Error`);
}

function allOperations(): Json[] {
  return Object.values(doc.paths as Record<string, Record<string, Json>>).flatMap((methods) => Object.values(methods));
}

describe('corpus onezone-17.06.0-rc8', () => {
  before(() => {
    assert.ok(existsSync(corpusDir), `corpus at ${corpusDir}`);
    result = buildSpec({
      manifestPath: SEED_MANIFEST,
      docsDir: corpusDir,
      displayRoot: corpusDir,
    });
    doc = result.document;
  });

  describe('coverage', () => {
    it('has the 213 operations of operations/ and paths.md', () => {
      assert.equal(readdirSync(join(corpusDir, 'operations')).length, 213);
      assert.equal(result.operations.length, 213);
      assert.equal(allOperations().length, 213);
      const ids = new Set(allOperations().map((o) => o.operationId));
      assert.equal(ids.size, 213);
      for (const f of readdirSync(join(corpusDir, 'operations')))
        assert.ok(ids.has(f.replace(/\.md$/, '')), `${f} is an operation`);
    });

    it('has the 49 definitions of definitions/, the one no operation uses kept and reported', () => {
      const names = Object.keys(doc.components.schemas);
      const pages = readdirSync(join(corpusDir, 'definitions')).map((f) => f.replace(/\.md$/, ''));
      assert.equal(pages.length, 49);
      // No operation page links definitions/ProviderUpdateRequest.md (modify_provider takes ProviderDetails); every
      // definition page is a component all the same (it was left out before).
      assert.deepEqual([...names].sort(), [...pages].sort());
      const unused = result.findings.all.filter((f) => f.code === 'unused-definition');
      assert.deepEqual(
        unused.map((f) => `${f.file}:${f.line} ${f.subject}`),
        ['definitions/ProviderUpdateRequest.md:3 ProviderUpdateRequest'],
      );
      for (const name of names)
        assert.equal(doc.components.schemas[name]['x-inferred'], undefined, `${name} is defined by a page`);
    });

    it('maps every block of every page and reports no error', () => {
      const unmapped = result.findings.all.filter((f) => f.code === 'unmapped-block' || f.code === 'unknown-section');
      assert.deepEqual(unmapped, []);
      assert.deepEqual(
        result.findings.all.filter((f) => f.severity === 'error'),
        [],
      );
      assert.deepEqual(
        result.findings.all.filter(
          (f) => f.code === 'dangling-reference' || f.code === 'unknown-type' || f.code === 'broken-table',
        ),
        [],
      );
    });
  });

  describe('overview.md, security.md, paths.md', () => {
    it('info: title, version, contact, license', () => {
      assert.equal(doc.openapi, '3.1.0');
      assert.equal(doc.info.title, 'Onezone');
      assert.equal(doc.info.version, '17.06.0-rc8');
      assert.equal(doc.info.contact.name, 'Onedata support');
      assert.equal(doc.info.contact.email, 'info@onedata.org');
      assert.equal(doc.info.license.name, 'Apache 2.0');
      assert.equal(doc.info.license.url, 'http://www.apache.org/licenses/LICENSE-2.0.html');
      assert.match(
        doc.info.description,
        /This is the RESTful API definition of Onezone component of Onedata data management system/,
      );
    });

    it("the server is the BasePath /api/v3/onezone on the cURL samples' https://$HOST:8443", () => {
      assert.equal(doc.servers[0].url, 'https://{host}:8443/api/v3/onezone');
      assert.ok(doc.servers[0].variables.host);
      for (const s of doc.servers) assert.ok(s.url.endsWith('/api/v3/onezone'), s.url);
    });

    it('security schemes from security.md: api_key (X-Auth-Token header) and basic', () => {
      assert.deepEqual(doc.components.securitySchemes, {
        api_key: { type: 'apiKey', name: 'X-Auth-Token', in: 'header' },
        basic: { type: 'http', scheme: 'basic' },
      });
      assert.deepEqual(doc.security, [{ api_key: [] }, { basic: [] }]);
    });

    it('tags with the paths.md group descriptions', () => {
      const tags = Object.fromEntries(doc.tags.map((t: Json) => [t.name, t.description]));
      assert.deepEqual(tags, {
        Group: 'Group management operations',
        Handle: 'Operations for managing Handle system service and identifier generation.',
        Provider: 'Provider management operations',
        Space: 'Space management operations',
        User: 'Regular user operations',
        Users: 'User management operations',
      });
    });

    it('every operation carries the one tag whose paths.md table lists it (Group 54, Handle 48, Provider 20, Space 36, User 51, Users 4)', () => {
      const counts: Record<string, number> = {};
      for (const o of allOperations()) {
        assert.equal(o.tags?.length, 1, `${o.operationId} has one tag`);
        counts[o.tags[0]] = (counts[o.tags[0]] ?? 0) + 1;
      }
      assert.deepEqual(counts, { Group: 54, Handle: 48, Provider: 20, Space: 36, User: 51, Users: 4 });
    });

    it('exactly the operations the overview names as needing no authentication are public (security: [])', () => {
      const open = allOperations()
        .filter((o) => Array.isArray(o.security) && o.security.length === 0)
        .map((o) => o.operationId)
        .sort();
      assert.deepEqual(open, ['authorize_user', 'check_my_ip', 'check_my_ports', 'register_provider']);
      assert.equal(op('/user/authorize', 'post').operationId, 'authorize_user');
      assert.equal(op('/provider/test/check_my_ports', 'post').operationId, 'check_my_ports');
      assert.equal(op('/provider/test/check_my_ip', 'get').operationId, 'check_my_ip');
    });
  });

  describe('operations', () => {
    it('create_space: optional inline body {name}, 201 with Location', () => {
      const o = op('/spaces', 'post');
      assert.equal(o.operationId, 'create_space');
      assert.equal(o.summary, 'Create new space');
      assert.deepEqual(o.tags, ['Space']);
      assert.deepEqual(o['x-privileges'], []);
      assert.equal(o.parameters, undefined);
      assert.equal(o.requestBody.required, false);
      assert.equal(o.requestBody.description, 'Space name.');
      assert.deepEqual(o.requestBody.content['application/json'].schema, {
        type: 'object',
        properties: { name: { type: 'string', description: 'The name of the new space.' } },
      });
      assert.deepEqual(Object.keys(o.responses), ['201', ...ALL_CODES]);
      assert.equal(
        o.responses['201'].description,
        'ID of the created space in the form /spaces/{id} is returned in the response `Location` header.',
      );
      assert.deepEqual(o.responses['201'].headers, {
        Location: { description: 'ID of the created space.', schema: { type: 'string' } },
      });
      assert.equal(o.responses['201'].content, undefined);
      assertErrorResponses(o);
      assert.match(o.description, /creates a new space and sets the current\nuser as its owner/);
    });

    it('list_user_spaces: inline 200 object with default and spaces', () => {
      const o = op('/user/spaces', 'get');
      assert.equal(o.operationId, 'list_user_spaces');
      assert.deepEqual(o.tags, ['User']);
      assert.equal(o.requestBody, undefined);
      assert.deepEqual(Object.keys(o.responses), ['200', ...ALL_CODES]);
      assert.equal(
        o.responses['200'].description,
        'Returns the list of user spaces, including information which space is default.',
      );
      assert.deepEqual(jsonSchema(o, '200'), {
        type: 'object',
        properties: {
          default: { type: 'string', description: 'The ID of the default user space.' },
          spaces: { type: 'array', items: { type: 'string' }, description: "The list of all user spaces ID's." },
        },
      });
      assertErrorResponses(o);
      // The page's documented 200 example is the string "object", which is no such object: only the cURL output stays.
      const examples = Object.values(
        o.responses['200'].content['application/json'].examples as Record<string, Json>,
      ).map((e) => e.value);
      assert.deepEqual(examples, [{ spaces: ['IkHB2CCoAFm5FCswhAJynbFU4fj26yiE1lhpK3p-0Y8'], default: 'undefined' }]);
      const invalid = result.findings.all.filter(
        (f) => f.code === 'example-invalid' && f.file === 'operations/list_user_spaces.md',
      );
      assert.equal(invalid.length, 1);
    });

    it('join_space: required SpaceInviteToken body, 201 with Location', () => {
      const o = op('/user/spaces/join', 'post');
      assert.equal(o.operationId, 'join_space');
      assert.deepEqual(o.tags, ['User']);
      assert.equal(o.requestBody.required, true);
      assert.equal(o.requestBody.description, 'Token for joining a space.');
      assert.deepEqual(o.requestBody.content['application/json'].schema, {
        $ref: '#/components/schemas/SpaceInviteToken',
      });
      assert.deepEqual(Object.keys(o.responses), ['201', ...ALL_CODES]);
      assert.deepEqual(o.responses['201'].headers, {
        Location: { description: 'ID of the joined space.', schema: { type: 'string' } },
      });
      assert.equal(o.responses['201'].content, undefined);
      const bodyExamples = Object.values(
        o.requestBody.content['application/json'].examples as Record<string, Json>,
      ).map((e) => e.value);
      assert.deepEqual(bodyExamples, [
        {
          token:
            'JKAxNWxvY2F0aW9uIG9uZXpvbmUKMDAzYmlkZW50aWZpZXIgOEhmSEFSSGdrbHFCa1pWSTRsNk1CVHZTU3Z0OThwcHA2OTQ4czhRN1NPawowMDFhY2lkIHRpbWUgPCAxNDk2MTQwMTQ0CjAwMmZzaWduYXR1cmUg88OIBmav38YI0Z2-dw-fvrZ3XP-J0HjCN0taT3_WungK',
        },
      ]);
    });

    it('get_group: group_view or oz_groups_list, path id, 200 Group', () => {
      const o = op('/groups/{id}', 'get');
      assert.equal(o.operationId, 'get_group');
      assert.equal(o.summary, 'Get group details');
      assert.deepEqual(o.tags, ['Group']);
      assert.deepEqual(o['x-privileges'], ['group_view', 'oz_groups_list']);
      assert.deepEqual(params(o), [['id', 'path', true, 'Group ID.', { type: 'string' }]]);
      assert.deepEqual(Object.keys(o.responses), ['200', ...ALL_CODES]);
      assert.equal(o.responses['200'].description, 'Information about a group.');
      assert.deepEqual(jsonSchema(o, '200'), { $ref: '#/components/schemas/Group' });
      assertErrorResponses(o);
      const examples = Object.values(
        o.responses['200'].content['application/json'].examples as Record<string, Json>,
      ).map((e) => e.value);
      assert.deepEqual(examples, [
        { groupId: 'ALSKDHLASD8ASDNjasd99', name: 'Test group', type: 'role' },
        { groupId: 'HwUpk8jrwxKOe45uzLFX2GVa8lKEasj4q253sptVqF8', name: 'new_group', type: 'role' },
      ]);
      assert.equal(o.security, undefined);
    });

    it('register_provider: public (security: []), required ProviderRegistrationRequest body, 200 ProviderRegistrationResponse', () => {
      const o = op('/provider', 'post');
      assert.equal(o.operationId, 'register_provider');
      assert.deepEqual(o.tags, ['Provider']);
      assert.deepEqual(o.security, []);
      assert.deepEqual(o['x-privileges'], []);
      assert.equal(o.requestBody.required, true);
      assert.equal(o.requestBody.description, 'Provider reqistration request including CSR.');
      assert.deepEqual(o.requestBody.content['application/json'].schema, {
        $ref: '#/components/schemas/ProviderRegistrationRequest',
      });
      assert.deepEqual(Object.keys(o.responses), ['200', ...ALL_CODES]);
      assert.deepEqual(jsonSchema(o, '200'), { $ref: '#/components/schemas/ProviderRegistrationResponse' });
      assert.equal(o.responses['200'].description, 'Provider registered successfully.');
    });

    it('set_space_user_privileges: PATCH, id and uid, required SpacePrivileges body, 204', () => {
      const o = op('/spaces/{id}/users/{uid}/privileges', 'patch');
      assert.equal(o.operationId, 'set_space_user_privileges');
      assert.equal(o.summary, 'Set user privileges to space');
      assert.deepEqual(o.tags, ['Space']);
      assert.deepEqual(o['x-privileges'], ['space_set_privileges']);
      assert.deepEqual(params(o), [
        ['id', 'path', true, 'Space ID.', { type: 'string' }],
        ['uid', 'path', true, 'User ID.', { type: 'string' }],
      ]);
      assert.equal(o.requestBody.required, true);
      assert.equal(o.requestBody.description, 'User privileges.');
      assert.deepEqual(o.requestBody.content['application/json'].schema, {
        $ref: '#/components/schemas/SpacePrivileges',
      });
      assert.deepEqual(Object.keys(o.responses), ['204', ...ALL_CODES]);
      assert.equal(o.responses['204'].description, 'The user privileges have been updated.');
      assert.equal(o.responses['204'].content, undefined);
      assertErrorResponses(o);
    });

    it('create_user_group_invite_token: optional GroupInviteTokenRequest body, 200 GroupInviteToken, not deprecated in rc8', () => {
      const o = op('/groups/{id}/users/token', 'post');
      assert.equal(o.operationId, 'create_user_group_invite_token');
      assert.equal(o.summary, 'Create user invite token for group');
      assert.deepEqual(o.tags, ['Group']);
      assert.deepEqual(o['x-privileges'], ['group_invite_user']);
      assert.equal(o.deprecated, undefined);
      assert.deepEqual(params(o), [['id', 'path', true, 'Group ID.', { type: 'string' }]]);
      assert.equal(o.requestBody.required, false);
      assert.equal(o.requestBody.description, 'Group invite token attributes.');
      assert.deepEqual(o.requestBody.content['application/json'].schema, {
        $ref: '#/components/schemas/GroupInviteTokenRequest',
      });
      assert.deepEqual(Object.keys(o.responses), ['200', ...ALL_CODES]);
      assert.deepEqual(jsonSchema(o, '200'), { $ref: '#/components/schemas/GroupInviteToken' });
      assert.equal(o.responses['200'].description, 'The token for joining a specific group.');
      assertErrorResponses(o);
    });

    it('remove_space_group: DELETE, gid and id, 202, member or administrator privilege', () => {
      const o = op('/spaces/{id}/groups/{gid}', 'delete');
      assert.equal(o.operationId, 'remove_space_group');
      assert.deepEqual(o.tags, ['Space']);
      assert.deepEqual(o['x-privileges'], ['space_remove_group', 'oz_spaces_remove_members']);
      assert.deepEqual(params(o), [
        ['gid', 'path', true, 'Group ID.', { type: 'string' }],
        ['id', 'path', true, 'Space ID.', { type: 'string' }],
      ]);
      assert.equal(o.requestBody, undefined);
      assert.deepEqual(Object.keys(o.responses), ['202', ...ALL_CODES]);
      assert.equal(o.responses['202'].description, 'A group will be removed from space.');
      assert.equal(o.responses['202'].content, undefined);
    });

    it('set_user_space_alias: PUT, sid, required SpaceAlias body, 200 SpaceAlias', () => {
      const o = op('/user/spaces/{sid}/alias', 'put');
      assert.equal(o.operationId, 'set_user_space_alias');
      assert.deepEqual(o.tags, ['User']);
      assert.deepEqual(params(o), [['sid', 'path', true, 'Space ID.', { type: 'string' }]]);
      assert.equal(o.requestBody.required, true);
      assert.deepEqual(o.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/SpaceAlias' });
      assert.deepEqual(jsonSchema(o, '200'), { $ref: '#/components/schemas/SpaceAlias' });
      assert.equal(
        doc.paths['/user/spaces/{sid}/alias'].post,
        undefined,
        "the cURL sample's POST does not become an operation",
      );
    });

    it('get_current_user: the responses the page lists (no 401), 200 User', () => {
      const o = op('/user', 'get');
      assert.equal(o.operationId, 'get_current_user');
      assert.deepEqual(Object.keys(o.responses), ['200', '400', '403', '404', '500']);
      assert.deepEqual(jsonSchema(o, '200'), { $ref: '#/components/schemas/User' });
      assert.equal(o.responses['403'].description, 'Forbidden request.');
      assert.equal(o.responses['500'].description, 'Internal server error.');
    });
  });

  describe('definitions', () => {
    it('Space: providersSupports is a map of integers; name, providersSupports, spaceId required', () => {
      const s = doc.components.schemas.Space;
      assert.equal(s.type, 'object');
      assert.equal(s.description, 'User space parameters.');
      assert.deepEqual(s.properties.providersSupports, {
        type: 'object',
        additionalProperties: { type: 'integer' },
        description: 'The map of providers Ids supporting this space and the size of provisioned storage in bytes.',
      });
      assert.deepEqual(s.properties.name, { type: 'string', description: 'The name of the space.' });
      assert.deepEqual(s.properties.spaceId, { type: 'string', description: 'Unique ID of the space.' });
      assert.deepEqual([...s.required].sort(), ['name', 'providersSupports', 'spaceId']);
      assert.deepEqual(s.example, {
        spaceId: 'Xnp1JVpWfL8_stHJgct76AFALjRsI0W3rNs1nfMwqnY',
        name: 'My Private space',
        providersSupports: { hxfMCWmquqAIjG1GeG2eZY8qvs8iRIn09HzjCJilnSE: 5368709120 },
      });
    });

    it('SpacePrivileges: privileges is an array of an enum of 12 values; operation defaults to "set"', () => {
      const s = doc.components.schemas.SpacePrivileges;
      assert.equal(s.description, 'The list of space privileges.');
      assert.deepEqual(s.properties.privileges, {
        type: 'array',
        items: {
          type: 'string',
          enum: [
            'space_delete',
            'space_invite_group',
            'space_invite_provider',
            'space_invite_user',
            'space_manage_shares',
            'space_remove_group',
            'space_remove_provider',
            'space_remove_user',
            'space_set_privileges',
            'space_update',
            'space_view',
            'space_write_data',
          ],
        },
      });
      assert.equal(s.properties.privileges.items.enum.length, 12);
      assert.equal(s.properties.operation.type, 'string');
      assert.deepEqual(s.properties.operation.enum, ['set', 'grant', 'revoke']);
      assert.equal(s.properties.operation.default, 'set');
      assert.deepEqual(s.required, ['privileges']);
    });

    it('User: connectedAccounts is an array of ConnectedAccount; name and userId required', () => {
      const s = doc.components.schemas.User;
      assert.equal(s.description, 'Describes a user account.');
      assert.deepEqual(s.properties.connectedAccounts, {
        type: 'array',
        items: { $ref: '#/components/schemas/ConnectedAccount' },
        description: 'The list of accounts connected to this user.',
      });
      assert.deepEqual(s.properties.emailList, { type: 'array', items: { type: 'string' } });
      assert.deepEqual([...s.required].sort(), ['name', 'userId']);
      assert.deepEqual(Object.keys(doc.components.schemas.ConnectedAccount.properties), ['accountId', 'providerId']);
    });

    it('Error: one optional string property error', () => {
      const s = doc.components.schemas.Error;
      assert.equal(s.description, 'Generic error model for REST requests.');
      assert.deepEqual(s.properties, { error: { type: 'string', description: 'Description of the error.' } });
      assert.equal(s.required, undefined);
    });

    it('GroupInviteTokenRequest: `*Type* : object` without properties', () => {
      const s = doc.components.schemas.GroupInviteTokenRequest;
      assert.equal(s.type, 'object');
      assert.equal(s.description, 'Group invitation token request.');
    });

    it('every example kept in the document validates against its schema', () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema({ $id: 'https://corpus.test/openapi', components: doc.components });
      const compile = (schema: Json) =>
        ajv.compile(
          JSON.parse(
            JSON.stringify(schema).replaceAll(
              '"#/components/schemas/',
              '"https://corpus.test/openapi#/components/schemas/',
            ),
          ),
        );
      let checked = 0;
      const walk = (node: Json, where: string): void => {
        if (Array.isArray(node)) {
          for (const [i, n] of node.entries()) walk(n, `${where}/${i}`);
          return;
        }
        if (!node || typeof node !== 'object') return;
        if (node.schema && node.examples) {
          for (const [k, ex] of Object.entries(node.examples as Record<string, Json>)) {
            const validate = compile(node.schema);
            assert.equal(validate(ex.value), true, `${where}/examples/${k}: ${JSON.stringify(validate.errors)}`);
            checked++;
          }
        }
        if (node.schema && 'example' in node) {
          const validate = compile(node.schema);
          assert.equal(validate(node.example), true, `${where}/example`);
          checked++;
        }
        for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
      };
      walk(doc.paths, '#/paths');
      for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, Json>)) {
        if (!('example' in schema)) continue;
        const validate = compile({ $ref: `#/components/schemas/${name}` });
        assert.equal(validate(schema.example), true, `${name} example: ${JSON.stringify(validate.errors)}`);
        checked++;
      }
      assert.ok(checked > 100, `${checked} examples checked`);
    });
  });

  describe('doc inconsistencies are reported', () => {
    it('set_user_space_alias: the cURL sample POSTs while the page declares PUT', () => {
      const f = result.findings.all.filter(
        (x) => x.code === 'curl-mismatch' && x.file === 'operations/set_user_space_alias.md',
      );
      assert.equal(f.length, 1);
      assert.equal(f[0]!.line, 18);
      assert.equal(f[0]!.severity, 'warning');
      assert.match(f[0]!.message, /POST/);
      assert.match(f[0]!.message, /PUT \/user\/spaces\/\{sid\}\/alias/);
    });

    it('set_space_user_privileges: the cURL sample PUTs while the page declares PATCH', () => {
      const f = result.findings.all.filter(
        (x) => x.code === 'curl-mismatch' && x.file === 'operations/set_space_user_privileges.md',
      );
      assert.equal(f.length, 1);
      assert.equal(f[0]!.line, 18);
      assert.match(f[0]!.message, /PUT/);
      assert.match(f[0]!.message, /PATCH \/spaces\/\{id\}\/users\/\{uid\}\/privileges/);
    });

    it('join_space: the cURL sample PUTs while the page declares POST', () => {
      const f = result.findings.all.filter((x) => x.code === 'curl-mismatch' && x.file === 'operations/join_space.md');
      assert.equal(f.length, 1);
      assert.equal(f[0]!.line, 18);
      assert.match(f[0]!.message, /PUT/);
    });

    it('an invalid example repeated on many pages is dropped and reported at every copy (HandleService prefix 10.5072)', () => {
      // The docs print the handle prefix as the number 10.5072; HandleService.md types it as a string.
      const copies = new Map<string, number>();
      for (const dir of ['operations', 'definitions']) {
        for (const f of readdirSync(join(corpusDir, dir))) {
          const n = readFileSync(join(corpusDir, dir, f), 'utf8').match(/"prefix" ?: ?10\.5072/g)?.length ?? 0;
          if (n > 0) copies.set(`${dir}/${f}`, n);
        }
      }
      assert.equal(
        [...copies.values()].reduce((a, b) => a + b, 0),
        16,
      );
      const reported = new Map<string, number>();
      for (const f of result.findings.all) {
        if (f.code === 'example-invalid' && f.message.includes('/serviceProperties/prefix must be string'))
          reported.set(f.file, (reported.get(f.file) ?? 0) + 1);
      }
      assert.deepEqual(reported, copies);
      assert.doesNotMatch(JSON.stringify(doc), /"prefix":10\.5072/);
    });

    it('a cURL sample that matches its page is not reported (create_space, get_group)', () => {
      for (const file of ['operations/create_space.md', 'operations/get_group.md']) {
        assert.deepEqual(
          result.findings.all.filter((x) => x.code === 'curl-mismatch' && x.file === file),
          [],
          file,
        );
      }
    });
  });

  describe('CLI', () => {
    let outDir = '';
    before(() => {
      outDir = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
    });
    after(() => {
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    });

    it('build-spec on the corpus exits 0 and writes a YAML with the 213 operations', () => {
      const out = join(outDir, 'openapi.yaml');
      const run = spawnSync(process.execPath, ['src/cli/bundled.mjs', 'build-spec', corpusDir, '--out', out], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(run.status, 0, `exit ${run.status}\n${run.stderr}`);
      assert.ok(existsSync(out));
      const text = readFileSync(out, 'utf8');
      assert.match(text, /^# Generated by `npm run build:spec -- /);
      const spec = parse(text);
      const count = Object.values(spec.paths as Record<string, object>).reduce(
        (n, methods) => n + Object.keys(methods).length,
        0,
      );
      assert.equal(count, 213);
      assert.equal(spec.info.version, '17.06.0-rc8');
      // What the CLI wrote is the document the in-process build makes.
      assert.deepEqual(spec, JSON.parse(JSON.stringify(result.document)));
      // The report lands beside --out, not in the project's spec/ folder.
      assert.ok(existsSync(join(outDir, 'REPORT.md')));
      assert.ok(existsSync(join(outDir, 'report.json')));
    });
  });
});
