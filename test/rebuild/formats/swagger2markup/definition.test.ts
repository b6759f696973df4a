// src/rebuild/formats/swagger2markup/definition.ts: a definition unit → a named schema with its example.
// Pages: onepanel definitions/SpaceSupportRequest.md and luma definitions/ceph.md (17.06.0-rc8).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDefinition } from '../../../../src/rebuild/formats/swagger2markup/definition.ts';
import { fixture, lineOf, onlyUnit, readText } from '../../helpers.ts';
import {
  extract,
  definition,
  SPACE_DEFINITION,
  PRIVILEGES_DEFINITION,
  USER_DEFINITION,
  OBJECT_TYPE_DEFINITION,
  POLYMORPHIC_DEFINITION,
} from '../../pages.ts';

function definitionOf(name: string, edit: (text: string) => string = (t) => t) {
  const file = `swagger2markup/${name}`;
  const text = edit(fixture(file));
  const read = readText(file, text);
  return { def: extractDefinition(read.ctx, onlyUnit(read, 'definition')), text, findings: read.findings };
}

describe('onepanel definitions/SpaceSupportRequest.md', () => {
  const { def, text } = definitionOf('onepanel-SpaceSupportRequest.md');

  it('name from the ### heading, description from the paragraph under it', () => {
    assert.equal(def.name, 'SpaceSupportRequest');
    assert.equal(def.description, 'The configuration details required to create or support a space by a provider.');
    assert.equal(def.schema.description, def.description);
    assert.equal(def.at.line, lineOf(text, '### SpaceSupportRequest'));
  });

  it('size, storageId and token are *required*; the seven rows are the properties', () => {
    assert.deepEqual(def.schema.required, ['size', 'storageId', 'token']);
    const properties = def.schema.properties as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(properties), [
      'mountInRoot',
      'name',
      'size',
      'storageId',
      'storageImport',
      'storageUpdate',
      'token',
    ]);
    assert.equal(properties.size?.type, 'integer');
    assert.deepEqual(properties.storageImport, { $ref: '#/components/schemas/StorageImportDetails' });
  });

  it('"**Default** : `false`" in the description cell becomes a boolean default, cut from the description', () => {
    const mountInRoot = (def.schema.properties as Record<string, Record<string, unknown>>).mountInRoot;
    assert.deepEqual(mountInRoot, {
      type: 'boolean',
      description: 'Defines whether space will be mounted in / or /{SpaceId}/ path.',
      default: false,
    });
  });

  it('the **Example** block is the example, located at its first JSON line', () => {
    assert.deepEqual(
      def.examples.map((e) => [e.value, e.at.line]),
      [
        [
          { token: 'ASDJNASD87687ASDMNBMNASD87786asd', size: 1024000, storageId: 'x7It3cpgNgLZ8RwOrOoW' },
          lineOf(text, '"token" : "ASDJNASD87687ASDMNBMNASD87786asd"') - 1,
        ],
      ],
    );
  });

  it('an example that is not JSON is reported as invalid-json and dropped', () => {
    const broken = definitionOf('onepanel-SpaceSupportRequest.md', (t) => t.replace('"size" : 1024000,', '"size" : ,'));
    assert.deepEqual(broken.def.examples, []);
    assert.deepEqual(
      broken.findings.map((f) => [f.code, f.line]),
      [['invalid-json', lineOf(broken.text, '"size" : ,')]],
    );
  });
});

describe('luma definitions/ceph.md', () => {
  const { def } = definitionOf('luma-ceph.md');

  it('"*Polymorphism* : Inheritance / *Discriminator* : type" → the definition\'s polymorphism, no description', () => {
    assert.equal(def.polymorphism?.kind, 'Inheritance');
    assert.equal(def.polymorphism?.discriminator, 'type');
    assert.equal(def.schema['x-polymorphism'], undefined);
    assert.equal(def.description, '');
    assert.equal(def.schema.description, undefined);
  });

  it('type is enum (posix, ceph, s3, swift, glusterfs); key, type and username are required', () => {
    const properties = def.schema.properties as Record<string, Record<string, unknown>>;
    assert.deepEqual(properties.type?.enum, ['posix', 'ceph', 's3', 'swift', 'glusterfs']);
    assert.deepEqual(def.schema.required, ['key', 'type', 'username']);
    assert.equal(properties.aclName?.description, 'User ACL name.');
  });
});

describe('onepanel definitions/PanelConfiguration.md: a map of an inline object', () => {
  const { def, text, findings } = definitionOf('onepanel-PanelConfiguration.md');

  it("users is a map (additionalProperties) of the sub-table's object, nested in place", () => {
    // Failed before the fix: "a map of inline objects is not supported", users typed as any value, and the
    // sub-table (anchor, title, table) reported as unmapped blocks.
    const users = (def.schema.properties as Record<string, Record<string, unknown>>).users;
    assert.deepEqual(users, {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          password: { type: 'string', description: 'The user password.' },
          userRole: {
            type: 'string',
            enum: ['admin', 'regular'],
            description: "The user role, one of 'admin' or 'regular'.",
          },
        },
        required: ['password', 'userRole'],
      },
      description: 'The collection of user names associated with users properties.',
    });
    assert.deepEqual(
      def.nested.map((n) => [n.anchor, n.at.line]),
      [['panelconfiguration-users', lineOf(text, '<a name="panelconfiguration-users">')]],
    );
    assert.deepEqual(findings, []);
  });
});

describe('definition extractor', () => {
  it('reads properties, types, required, map and description from a definition page', () => {
    const x = extract('definitions/Space.md', SPACE_DEFINITION);
    assert.deepEqual(x.findings, []);
    assert.equal(x.model.operations.length, 0);
    const d = definition(x, 'Space');
    assert.equal(d.description, 'User space parameters.');
    assert.deepEqual(d.schema, {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'The name of the space.' },
        providersSupports: {
          type: 'object',
          additionalProperties: { type: 'integer' },
          description: 'The map of providers Ids supporting this space and the size of provisioned storage in bytes.',
        },
        spaceId: { type: 'string', description: 'Unique ID of the space.' },
      },
      required: ['name', 'providersSupports', 'spaceId'],
      description: 'User space parameters.',
    });
    assert.deepEqual(d.at, { file: 'definitions/Space.md', line: lineOf(SPACE_DEFINITION, '### Space') });
  });

  it('reads the **Example** block', () => {
    const d = definition(extract('definitions/Space.md', SPACE_DEFINITION), 'Space');
    assert.equal(d.examples.length, 1);
    assert.deepEqual(d.examples[0]!.value, {
      spaceId: 'Xnp1JVpWfL8_stHJgct76AFALjRsI0W3rNs1nfMwqnY',
      name: 'My Private space',
      providersSupports: { hxfMCWmquqAIjG1GeG2eZY8qvs8iRIn09HzjCJilnSE: 5368709120 },
    });
  });

  it('reads an enum with its **Default** and an array of enums', () => {
    const d = definition(extract('definitions/SpacePrivileges.md', PRIVILEGES_DEFINITION), 'SpacePrivileges');
    assert.deepEqual(d.schema, {
      type: 'object',
      properties: {
        operation: {
          type: 'string',
          enum: ['set', 'grant', 'revoke'],
          description: 'This field determines how the included privileges are handled.',
          default: 'set',
        },
        privileges: { type: 'array', items: { type: 'string', enum: ['space_view', 'space_update', 'space_delete'] } },
      },
      required: ['privileges'],
      description: 'The list of space privileges.',
    });
    assert.deepEqual(d.examples, []);
  });

  it('reads an array of $refs', () => {
    const d = definition(extract('definitions/User.md', USER_DEFINITION), 'User');
    const props = d.schema.properties as Record<string, unknown>;
    assert.deepEqual(props.connectedAccounts, {
      type: 'array',
      items: { $ref: '#/components/schemas/ConnectedAccount' },
      description: 'The list of accounts connected to this user.',
    });
    assert.deepEqual(props.emailList, { type: 'array', items: { type: 'string' } });
    assert.deepEqual(Object.keys(props), ['alias', 'connectedAccounts', 'emailList', 'name', 'userId']);
    assert.deepEqual(d.schema.required, ['name', 'userId']);
  });

  it('reads a tableless `*Type* : object` page as an object', () => {
    const x = extract('definitions/GroupInviteTokenRequest.md', OBJECT_TYPE_DEFINITION);
    assert.deepEqual(x.findings, []);
    const d = definition(x, 'GroupInviteTokenRequest');
    assert.equal(d.description, 'Group invitation token request.');
    assert.equal(d.schema.type, 'object');
    assert.equal(d.schema.description, 'Group invitation token request.');
    assert.equal(d.schema.properties, undefined);
  });

  it('keeps the polymorphism note', () => {
    const x = extract('definitions/DOIServiceProperties.md', POLYMORPHIC_DEFINITION);
    assert.deepEqual(x.findings, []);
    const d = definition(x, 'DOIServiceProperties');
    assert.equal(d.description, 'The properties of a [DOI](http://doi.org) registration service.');
    assert.deepEqual(
      { ...d.polymorphism, at: undefined },
      { kind: 'Inheritance', discriminator: 'type', at: undefined },
    );
    assert.equal(d.schema['x-polymorphism'], undefined);
    assert.deepEqual(d.schema.required, ['type']);
    assert.deepEqual((d.schema.properties as Record<string, unknown>).type, {
      type: 'string',
      enum: ['DOI', 'PID'],
      description: 'The type of handle service.',
    });
  });
});
