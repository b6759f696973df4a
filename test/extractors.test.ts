// Unit tests of the page extractors on small swagger2markup pages written here (shaped like spec/source/000_*.txt
// and the 17.06.0-rc8 corpus pages), plus the plain-text onedata.org page spec/source/003_*.txt and the Schema
// column grammar. Expected values are the ones the pages state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.ts';
import { SEED_MANIFEST } from './helpers/corpus.ts';
import { loadManifest } from '../src/rebuild/docs/manifest.ts';
import { newParseMemo } from '../src/rebuild/extract/context.ts';
import { extractPage, readPage } from '../src/rebuild/extract/page.ts';
import { Findings, type Finding } from '../src/rebuild/findings.ts';
import {
  emptyDocModel,
  type DocModel,
  type Operation,
  type Response,
  type SchemaDefinition,
} from '../src/rebuild/model.ts';
import { parseTypeExpr, TypeSyntaxError } from '../src/rebuild/schema-grammar.ts';
import type { Span } from '../src/rebuild/markdown/blocks.ts';
import { markdownBlocks } from '../src/rebuild/markdown/markdown-blocks.ts';

const F = '```';
const BASE_PATH = '/api/v3/onezone';
const MANIFEST = loadManifest(SEED_MANIFEST);

interface Extracted {
  model: DocModel;
  findings: Finding[];
}

function extract(file: string, text: string): Extracted {
  const findings = new Findings();
  const model = emptyDocModel();
  extractPage(readPage({ file, text, release: 'test', order: 0 }, findings), model, {
    basePath: BASE_PATH,
    statusByDescription: MANIFEST.statusByDescription,
  });
  return { model, findings: findings.all };
}

function onlyOperation(x: Extracted): Operation {
  assert.equal(x.model.operations.length, 1, 'the page holds one operation');
  return x.model.operations[0]!;
}

function response(op: Operation, status: string): Response {
  const r = op.responses.find((x) => x.status === status);
  assert.ok(r, `response ${status} exists`);
  return r;
}

function definition(x: Extracted, name: string): SchemaDefinition {
  const d = x.model.definitions.find((def) => def.name === name);
  assert.ok(d, `definition ${name} exists`);
  return d;
}

/** 1-based line of the first line of `text` that contains `needle` (used to state expected finding lines). */
function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`"${needle}" is not on the page`);
}

function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** Spans of one Schema cell, read through the same Markdown parser the pages go through. */
function cellSpans(cell: string): Span[] {
  const table = markdownBlocks(`|Schema|\n|---|\n|${cell}|\n`).find((b) => b.kind === 'table');
  assert.ok(table && table.kind === 'table');
  return table.rows[0]![0]!.spans;
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

const TOKEN_PAGE = `
<a name="create_space_user_invite_token"></a>
#### Create space user invite token
${F}
POST /spaces/{id}/users/token
${F}


##### Description
Creates a token allowing new user to join a space.

This operation requires \`space_invite_user\` privilege.

***Example cURL requests***

**Create space user invite token**
${F}bash
curl -u username:password -X POST \\
https://$HOST:8443/api/v3/onezone/spaces/9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc/users/token

{
  "token": "MDAxNmxvY2F00aW9uIHJlZ2lzdHJ5"
}
${F}


##### Parameters

|Type|Name|Description|Schema|Default|
|---|---|---|---|---|
|**Path**|**id**  <br>*required*|Space ID.|string|--|


##### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**200**|The token for joining a specific group.|[SpaceInviteToken](../definitions/SpaceInviteToken.md#spaceinvitetoken)|
|**400**|Invalid request.|[Error](../definitions/Error.md#error)|
|**500**|Internal server Error.|[Error](../definitions/Error.md#error)|


##### Produces

* \`application/json\`


##### Example HTTP request

###### Request path
${F}
json :
"/spaces/string/users/token"
${F}


##### Example HTTP response

###### Response 200
${F}
json :
{
  "token" : "JKAxNWxvY2F0aW9uIG9uZXpvbmUK"
}
${F}


###### Response 400
${F}
json :
{
  "error" : "Provided data could not be understood by the server"
}
${F}


###### Response 409
${F}
json :
{
  "error" : "Conflict"
}
${F}


###### Response 500
${F}
json :
{
  "error" : "Internal error"
}
${F}

`;

const LIST_PAGE = `
<a name="list_space_users"></a>
#### List space users
${F}
GET /spaces/{id}/users
${F}


##### Description
Returns the list of users of a specific space.

This operation requires \`space_view\` or \`oz_spaces_list_users\` privilege.


##### Parameters

|Type|Name|Description|Schema|Default|
|---|---|---|---|---|
|**Path**|**id**  <br>*required*|Space ID.|string|--|
|**Query**|**fields**  <br>*optional*|Fields to return.|< string > array|--|
|**Query**|**order**  <br>*optional*|Sort order.|enum (asc, desc)|\`"asc"\`|
|**Query**|**limit**  <br>*required*|Page size.|integer (int32)|\`100\`|
|**Header**|**X-Request-Id**  <br>*optional*|Request correlation ID.|string|--|


##### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**200**|The list of space users.|[Users](../definitions/Users.md#users)|
|**206**|Storage used by each user, in bytes.|< string, integer > map|
|**404**|Resource not found.|[Error](../definitions/Error.md#error)|


##### Consumes

* \`application/json\`
* \`application/x-yaml\`


##### Produces

* \`application/json\`


##### Example HTTP request

###### Request path
${F}
json :
"/spaces/string/users"
${F}

`;

// Shaped like the corpus's operations/create_space.md: the body is an inline object `[name](#create_space-name)`.
const CREATE_SPACE_PAGE = `
<a name="create_space"></a>
#### Create new space
${F}
POST /spaces
${F}


##### Description
When called by a regular user, creates a new space and sets the current
user as its owner.

This operation does not require any specific privileges.


##### Parameters

|Type|Name|Description|Schema|Default|
|---|---|---|---|---|
|**Body**|**name**  <br>*optional*|Space name.|[name](#create_space-name)|--|

<a name="create_space-name"></a>
**name**

|Name|Description|Schema|
|---|---|---|
|**name**  <br>*optional*|The name of the new space.|string|
|**size**  <br>*required*|Requested size in bytes.|integer (int64)|


##### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**201**|ID of the created space in the form /spaces/{id} is returned in the response \`Location\` header.  <br>**Headers** :   <br>\`Location\` (string) : ID of the created space.|No Content|
|**400**|Invalid request.|[Error](../definitions/Error.md#error)|


##### Consumes

* \`application/json\`


##### Example HTTP request

###### Request path
${F}
json :
"/spaces"
${F}


###### Request body
${F}
json :
{
  "name" : "string",
  "size" : 1024
}
${F}

`;

// Shaped like spec/source/002_*.txt: the cURL sample calls PUT /user/spaces/default, the page declares POST /user/spaces/join.
const JOIN_SPACE_PAGE = `
<a name="join_space"></a>
#### Join space
${F}
POST /user/spaces/join
${F}


##### Description
Join existing space using inivitation token.

This operation can be invoked on behalf of current user only.

***Example cURL requests***

**Join existing space**
${F}bash
curl -k -u admin:password  -H "Content-type: application/json" -X PUT \\
-d '{ "token" : "MDAxNmxvY2F00aW9uRVM2TVo5UlZ5cGFjZV9jcmLciFsOgyUkPI3f02le6PM01IX8go" }'  \\
https://$HOST:8443/api/v3/onezone/user/spaces/default
${F}


##### Parameters

|Type|Name|Description|Schema|Default|
|---|---|---|---|---|
|**Body**|**spaceinvitetoken**  <br>*required*|Token for joining a space.|[SpaceInviteToken](../definitions/SpaceInviteToken.md#spaceinvitetoken)|--|


##### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**201**|ID of the joined space in the form /user/spaces/{id} is  returned in the response \`Location\` header.  <br>**Headers** :   <br>\`Location\` (string) : ID of the joined space.|No Content|
|**400**|Invalid request.|[Error](../definitions/Error.md#error)|


##### Consumes

* \`application/json\`


##### Example HTTP request

###### Request path
${F}
json :
"/user/spaces/join"
${F}


###### Request body
${F}
json :
{
  "token" : "JKAxNWxvY2F0aW9uIG9uZXpvbmUK"
}
${F}

`;

// Same method, wrong path (shaped like the corpus's operations/remove_user_handle.md).
const WRONG_PATH_PAGE = `
<a name="remove_user_handle"></a>
#### Remove user handle
${F}
DELETE /user/handles/{hid}
${F}


##### Description
Removes a specific handle from the user.

***Example cURL requests***

**Remove user handle**
${F}bash
curl -u username:password -X DELETE \\
https://$HOST:8443/api/v3/onezone/user/spaces/oOVF-KrO1P6rpA0LFgNVI8NxuhxyQMUnrYzjAnKiyAY
${F}


##### Parameters

|Type|Name|Description|Schema|Default|
|---|---|---|---|---|
|**Path**|**hid**  <br>*required*|Handle ID.|string|--|


##### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**202**|The handle will be removed.|No Content|

`;

// Shaped like the corpus's operations/list_user_spaces.md: the 200 response is an inline object.
const LIST_USER_SPACES_PAGE = `
<a name="list_user_spaces"></a>
#### List user spaces
${F}
GET /user/spaces
${F}


##### Description
Returns the list of users' spaces.

This operation can be invoked on behalf of current user only.


##### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**200**|Returns the list of user spaces, including information which space is default.|[Response 200](#list_user_spaces-response-200)|
|**400**|Invalid request.|[Error](../definitions/Error.md#error)|

<a name="list_user_spaces-response-200"></a>
**Response 200**

|Name|Description|Schema|
|---|---|---|
|**default**  <br>*optional*|The ID of the default user space.|string|
|**spaces**  <br>*optional*|The list of all user spaces ID's.|< string > array|


##### Produces

* \`application/json\`

`;

// Shaped like the corpus's operations/register_provider.md.
const PUBLIC_PAGE = `
<a name="register_provider"></a>
#### Register provider
${F}
POST /provider
${F}


##### Description
Registers a Oneprovider in Onezone service.

This operation has public access.


##### Parameters

|Type|Name|Description|Schema|Default|
|---|---|---|---|---|
|**Body**|**data**  <br>*required*|Provider reqistration request including CSR.|[ProviderRegistrationRequest](../definitions/ProviderRegistrationRequest.md#providerregistrationrequest)|--|


##### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**200**|Provider registered successfully.|[ProviderRegistrationResponse](../definitions/ProviderRegistrationResponse.md#providerregistrationresponse)|

`;

const SPACE_DEFINITION = `
<a name="space"></a>
### Space
User space parameters.


|Name|Description|Schema|
|---|---|---|
|**name**  <br>*required*|The name of the space.|string|
|**providersSupports**  <br>*required*|The map of providers Ids supporting this space and the size of provisioned storage in bytes.|< string, integer > map|
|**spaceId**  <br>*required*|Unique ID of the space.|string|

**Example**
${F}
{
  "spaceId" : "Xnp1JVpWfL8_stHJgct76AFALjRsI0W3rNs1nfMwqnY",
  "name" : "My Private space",
  "providersSupports" : {
    "hxfMCWmquqAIjG1GeG2eZY8qvs8iRIn09HzjCJilnSE" : 5368709120
  }
}
${F}

`;

const PRIVILEGES_DEFINITION = `
<a name="spaceprivileges"></a>
### SpacePrivileges
The list of space privileges.


|Name|Description|Schema|
|---|---|---|
|**operation**  <br>*optional*|This field determines how the included privileges are handled.  <br>**Default** : \`"set"\`|enum (set, grant, revoke)|
|**privileges**  <br>*required*||< enum (space_view, space_update, space_delete) > array|

`;

const USER_DEFINITION = `
<a name="user"></a>
### User
Describes a user account.


|Name|Description|Schema|
|---|---|---|
|**alias**  <br>*optional*|User alias|string|
|**connectedAccounts**  <br>*optional*|The list of accounts connected to this user.|< [ConnectedAccount](ConnectedAccount.md#connectedaccount) > array|
|**emailList**  <br>*optional*||< string > array|
|**name**  <br>*required*|The user friendly name of storage resource.|string|
|**userId**  <br>*required*|Unique user ID.|string|

`;

const OBJECT_TYPE_DEFINITION = `
<a name="groupinvitetokenrequest"></a>
### GroupInviteTokenRequest
Group invitation token request.

*Type* : object

`;

const POLYMORPHIC_DEFINITION = `
<a name="doiserviceproperties"></a>
### DOIServiceProperties
The properties of a [DOI](http://doi.org) registration service.

*Polymorphism* : Inheritance  
*Discriminator* : type


|Name|Description|Schema|
|---|---|---|
|**allowTemplateOverride**  <br>*optional*|Specifies whether users can override the DOI suffix template.|boolean|
|**type**  <br>*required*|The type of handle service.|enum (DOI, PID)|

`;

const PATHS_PAGE = `
<a name="paths"></a>
## Paths

<a name="group_resource"></a>
### Group
Group management operations


|Path|Method|Description|
|---|---|---|
|[/groups](operations/create_group.md)|POST|Create new group|
|[/groups/{id}](operations/get_group.md)|GET|Get group details|


<a name="space_resource"></a>
### Space
Space management operations


|Path|Method|Description|
|---|---|---|
|[/spaces](#create_space)|POST|Create new space|

`;

const SECURITY_PAGE = `
<a name="securityscheme"></a>
## Security

<a name="api_key"></a>
### api_key
*Type* : apiKey  
*Name* : X-Auth-Token  
*In* : HEADER


<a name="basic"></a>
### basic
*Type* : basic

`;

const OVERVIEW_PAGE = `# Onezone


<a name="overview"></a>
## Overview
This is the RESTful API definition of Onezone.


### Version information
*Version* : 17.06.0-rc8


### Contact information
*Contact* : Onedata support  
*Contact Email* : info@onedata.org


### License information
*License* : Apache 2.0  
*License URL* : http://www.apache.org/licenses/LICENSE-2.0.html


### URI scheme
*BasePath* : /api/v3/onezone


### Tags

* User : Regular user operations
* Space : Space management operations

`;

// ---------------------------------------------------------------------------------------------------------------

describe('endpoint extractor', () => {
  it('reads operationId from the anchor, summary from the heading, method and path from the fence', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.operationId, 'create_space_user_invite_token');
    assert.equal(op.summary, 'Create space user invite token');
    assert.equal(op.method, 'post');
    assert.equal(op.path, '/spaces/{id}/users/token');
    assert.equal(op.deprecated, false);
    assert.deepEqual(op.at, {
      file: 'operations/create_space_user_invite_token.md',
      line: lineOf(TOKEN_PAGE, '#### Create space user invite token'),
    });
  });

  it('reads GET and DELETE endpoints too', () => {
    const get = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    assert.deepEqual(
      [get.operationId, get.method, get.path, get.summary],
      ['list_space_users', 'get', '/spaces/{id}/users', 'List space users'],
    );
    const del = onlyOperation(extract('operations/remove_user_handle.md', WRONG_PATH_PAGE));
    assert.deepEqual([del.operationId, del.method, del.path], ['remove_user_handle', 'delete', '/user/handles/{hid}']);
  });

  it('maps every block of a well-formed page (no unmapped blocks, no unknown sections)', () => {
    for (const [file, page] of [
      ['a.md', TOKEN_PAGE],
      ['b.md', LIST_PAGE],
      ['c.md', CREATE_SPACE_PAGE],
      ['d.md', JOIN_SPACE_PAGE],
      ['e.md', LIST_USER_SPACES_PAGE],
      ['f.md', PUBLIC_PAGE],
      ['g.md', WRONG_PATH_PAGE],
    ] as const) {
      const x = extract(file, page);
      const bad = x.findings.filter(
        (f) =>
          f.code === 'unmapped-block' ||
          f.code === 'unknown-section' ||
          f.code === 'broken-table' ||
          f.code === 'unknown-type',
      );
      assert.deepEqual(bad, [], `${file} maps cleanly`);
    }
  });
});

describe('description extractor', () => {
  it('keeps the Description section verbatim, cURL sample included', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(
      op.description,
      [
        'Creates a token allowing new user to join a space.',
        '',
        'This operation requires `space_invite_user` privilege.',
        '',
        '***Example cURL requests***',
        '',
        '**Create space user invite token**',
        '```bash',
        'curl -u username:password -X POST \\',
        'https://$HOST:8443/api/v3/onezone/spaces/9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc/users/token',
        '',
        '{',
        '  "token": "MDAxNmxvY2F00aW9uIHJlZ2lzdHJ5"',
        '}',
        '```',
      ].join('\n'),
    );
  });

  it('keeps a multi-line paragraph verbatim (line break included)', () => {
    const op = onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE));
    assert.equal(
      op.description,
      'When called by a regular user, creates a new space and sets the current\nuser as its owner.\n\nThis operation does not require any specific privileges.',
    );
  });

  it('reads the privilege named in the description', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.deepEqual(op.privileges, ['space_invite_user']);
    assert.equal(op.public, false);
  });

  it('gives both privileges of an "or" alternative', () => {
    const op = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    assert.deepEqual(op.privileges, ['space_view', 'oz_spaces_list_users']);
  });

  it('gives no privilege where the page requires none', () => {
    assert.deepEqual(onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE)).privileges, []);
    assert.deepEqual(onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE)).privileges, []);
  });

  it('"This operation has public access." marks the operation public', () => {
    const op = onlyOperation(extract('operations/register_provider.md', PUBLIC_PAGE));
    assert.equal(op.public, true);
    assert.deepEqual(op.privileges, []);
    assert.equal(onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE)).public, false);
  });

  it('turns the cURL sample into a code sample with its label, and its printed output into a cURL output', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.codeSamples.length, 1);
    assert.equal(op.codeSamples[0]!.label, 'Create space user invite token');
    assert.equal(op.codeSamples[0]!.lang, 'cURL');
    assert.equal(
      op.codeSamples[0]!.source,
      'curl -u username:password -X POST \\\nhttps://$HOST:8443/api/v3/onezone/spaces/9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc/users/token',
    );
    assert.deepEqual(
      op.curlOutputs.map((e) => e.value),
      [{ token: 'MDAxNmxvY2F00aW9uIHJlZ2lzdHJ5' }],
    );
    assert.equal(op.curlOutputs[0]!.at.line, lineOf(TOKEN_PAGE, '"token": "MDAxNmxvY2F00aW9uIHJlZ2lzdHJ5"') - 1);
  });

  it('records where the cURL sample sends the request (origin and base path)', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.curlTargets.length, 1);
    assert.equal(op.curlTargets[0]!.origin, 'https://{host}:8443');
    assert.equal(op.curlTargets[0]!.base, '/api/v3/onezone');
  });
});

describe('cURL check', () => {
  it('a cURL sample that matches the declared endpoint raises no curl-mismatch', () => {
    const x = extract('operations/create_space_user_invite_token.md', TOKEN_PAGE);
    assert.equal(x.findings.filter((f) => f.code === 'curl-mismatch').length, 0);
  });

  it('a cURL sample with another method and path is reported as curl-mismatch at the curl line', () => {
    const x = extract('operations/join_space.md', JOIN_SPACE_PAGE);
    const mismatches = x.findings.filter((f) => f.code === 'curl-mismatch');
    assert.equal(mismatches.length, 1);
    const f = mismatches[0]!;
    assert.equal(f.file, 'operations/join_space.md');
    assert.equal(f.line, lineOf(JOIN_SPACE_PAGE, 'curl -k -u admin:password'));
    assert.equal(f.subject, 'join_space');
    assert.match(f.message, /PUT/);
    assert.match(f.message, /\/user\/spaces\/default/);
    assert.match(f.message, /POST \/user\/spaces\/join/);
  });

  it('a cURL sample with the right method but another path is reported too', () => {
    const x = extract('operations/remove_user_handle.md', WRONG_PATH_PAGE);
    const mismatches = x.findings.filter((f) => f.code === 'curl-mismatch');
    assert.equal(mismatches.length, 1);
    assert.equal(mismatches[0]!.line, lineOf(WRONG_PATH_PAGE, 'curl -u username:password -X DELETE'));
    assert.match(mismatches[0]!.message, /\/user\/spaces\/oOVF-KrO1P6rpA0LFgNVI8NxuhxyQMUnrYzjAnKiyAY/);
    assert.match(mismatches[0]!.message, /DELETE \/user\/handles\/\{hid\}/);
  });
});

describe('parameters extractor', () => {
  it('reads a path parameter: always required, string', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.parameters.length, 1);
    const p = op.parameters[0]!;
    assert.deepEqual(
      { name: p.name, in: p.in, required: p.required, description: p.description, schema: p.schema },
      { name: 'id', in: 'path', required: true, description: 'Space ID.', schema: { type: 'string' } },
    );
    assert.equal(p.at.line, lineOf(TOKEN_PAGE, '|**Path**|**id**'));
  });

  it('reads path, query and header rows with their required flags, arrays, enums, formats and defaults', () => {
    const op = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    const byName = Object.fromEntries(
      op.parameters.map((p) => [
        p.name,
        { in: p.in, required: p.required, description: p.description, schema: p.schema },
      ]),
    );
    assert.deepEqual(byName, {
      id: { in: 'path', required: true, description: 'Space ID.', schema: { type: 'string' } },
      fields: {
        in: 'query',
        required: false,
        description: 'Fields to return.',
        schema: { type: 'array', items: { type: 'string' } },
      },
      order: {
        in: 'query',
        required: false,
        description: 'Sort order.',
        schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
      },
      limit: {
        in: 'query',
        required: true,
        description: 'Page size.',
        schema: { type: 'integer', format: 'int32', default: 100 },
      },
      'X-Request-Id': {
        in: 'header',
        required: false,
        description: 'Request correlation ID.',
        schema: { type: 'string' },
      },
    });
    assert.deepEqual(
      op.parameters.map((p) => p.name),
      ['id', 'fields', 'order', 'limit', 'X-Request-Id'],
    );
    assert.equal(op.requestBody, undefined);
  });

  it('turns a required Body row into a required request body with a $ref schema', () => {
    const op = onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE));
    assert.deepEqual(op.parameters, []);
    assert.ok(op.requestBody);
    assert.equal(op.requestBody.name, 'spaceinvitetoken');
    assert.equal(op.requestBody.required, true);
    assert.equal(op.requestBody.description, 'Token for joining a space.');
    assert.deepEqual(op.requestBody.schema, { $ref: '#/components/schemas/SpaceInviteToken' });
  });

  it('turns an optional Body row with an inline [name](#create_space-name) object into an optional body with that object', () => {
    const op = onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE));
    assert.ok(op.requestBody);
    assert.equal(op.requestBody.name, 'name');
    assert.equal(op.requestBody.required, false);
    assert.equal(op.requestBody.description, 'Space name.');
    assert.deepEqual(op.requestBody.schema, {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'The name of the new space.' },
        size: { type: 'integer', format: 'int64', description: 'Requested size in bytes.' },
      },
      required: ['size'],
    });
  });

  it('a Body row whose inline schema anchor is not on the page is reported as a dangling reference', () => {
    const page = CREATE_SPACE_PAGE.replace('<a name="create_space-name"></a>', '<a name="something-else"></a>');
    const x = extract('operations/create_space.md', page);
    const dangling = x.findings.filter((f) => f.code === 'dangling-reference');
    assert.equal(dangling.length, 1);
    assert.equal(dangling[0]!.line, lineOf(page, '|**Body**|**name**'));
    assert.match(dangling[0]!.message, /#create_space-name/);
  });
});

describe('responses extractor', () => {
  it('reads codes, descriptions and $ref schemas in table order', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.deepEqual(
      op.responses.map((r) => [r.status, r.description, r.schema]),
      [
        ['200', 'The token for joining a specific group.', { $ref: '#/components/schemas/SpaceInviteToken' }],
        ['400', 'Invalid request.', { $ref: '#/components/schemas/Error' }],
        ['500', 'Internal server Error.', { $ref: '#/components/schemas/Error' }],
      ],
    );
    assert.equal(response(op, '400').at.line, lineOf(TOKEN_PAGE, '|**400**|'));
  });

  it('reads a < string, integer > map response schema', () => {
    const op = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    assert.deepEqual(
      op.responses.map((r) => r.status),
      ['200', '206', '404'],
    );
    assert.deepEqual(response(op, '200').schema, { $ref: '#/components/schemas/Users' });
    assert.deepEqual(response(op, '206').schema, { type: 'object', additionalProperties: { type: 'integer' } });
    assert.equal(response(op, '206').description, 'Storage used by each user, in bytes.');
  });

  it('No Content gives no schema; the 201 Location header is read with its type and description', () => {
    const op = onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE));
    const created = response(op, '201');
    assert.equal(created.schema, undefined);
    assert.equal(
      created.description,
      'ID of the joined space in the form /user/spaces/{id} is  returned in the response `Location` header.',
    );
    assert.deepEqual(created.headers, [
      { name: 'Location', description: 'ID of the joined space.', schema: { type: 'string' } },
    ]);
    assert.deepEqual(response(op, '400').headers, []);
  });

  it('reads the 201 Location header of create_space', () => {
    const op = onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE));
    const created = response(op, '201');
    assert.equal(created.schema, undefined);
    assert.deepEqual(created.headers, [
      { name: 'Location', description: 'ID of the created space.', schema: { type: 'string' } },
    ]);
  });

  it('reads an inline response object ([Response 200](#list_user_spaces-response-200))', () => {
    const op = onlyOperation(extract('operations/list_user_spaces.md', LIST_USER_SPACES_PAGE));
    const ok = response(op, '200');
    assert.equal(ok.description, 'Returns the list of user spaces, including information which space is default.');
    assert.deepEqual(ok.schema, {
      type: 'object',
      properties: {
        default: { type: 'string', description: 'The ID of the default user space.' },
        spaces: { type: 'array', items: { type: 'string' }, description: "The list of all user spaces ID's." },
      },
    });
  });

  it('reads a $ref response of a public operation', () => {
    const op = onlyOperation(extract('operations/register_provider.md', PUBLIC_PAGE));
    assert.deepEqual(response(op, '200').schema, { $ref: '#/components/schemas/ProviderRegistrationResponse' });
    assert.ok(op.requestBody);
    assert.equal(op.requestBody.required, true);
    assert.deepEqual(op.requestBody.schema, { $ref: '#/components/schemas/ProviderRegistrationRequest' });
  });
});

describe('media types extractor', () => {
  it('reads Produces', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.deepEqual(op.produces, ['application/json']);
    assert.deepEqual(op.consumes, []);
  });

  it('reads Consumes with several media types, and Produces', () => {
    const op = onlyOperation(extract('operations/list_space_users.md', LIST_PAGE));
    assert.deepEqual(op.consumes, ['application/json', 'application/x-yaml']);
    assert.deepEqual(op.produces, ['application/json']);
  });

  it('reads Consumes alone', () => {
    const op = onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE));
    assert.deepEqual(op.consumes, ['application/json']);
    assert.deepEqual(op.produces, []);
  });
});

describe('examples extractor', () => {
  it('reads the example request path', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.equal(op.requestExamples.path?.value, '/spaces/string/users/token');
    assert.equal(op.requestExamples.body, undefined);
  });

  it('reads the example request path and body', () => {
    const op = onlyOperation(extract('operations/join_space.md', JOIN_SPACE_PAGE));
    assert.equal(op.requestExamples.path?.value, '/user/spaces/join');
    assert.deepEqual(op.requestExamples.body?.value, { token: 'JKAxNWxvY2F0aW9uIG9uZXpvbmUK' });
    const create = onlyOperation(extract('operations/create_space.md', CREATE_SPACE_PAGE));
    assert.deepEqual(create.requestExamples.body?.value, { name: 'string', size: 1024 });
  });

  it('attaches each example response to its status code', () => {
    const op = onlyOperation(extract('operations/create_space_user_invite_token.md', TOKEN_PAGE));
    assert.deepEqual(
      response(op, '200').examples.map((e) => e.value),
      [{ token: 'JKAxNWxvY2F0aW9uIG9uZXpvbmUK' }],
    );
    assert.deepEqual(
      response(op, '400').examples.map((e) => e.value),
      [{ error: 'Provided data could not be understood by the server' }],
    );
    assert.deepEqual(
      response(op, '500').examples.map((e) => e.value),
      [{ error: 'Internal error' }],
    );
    assert.equal(response(op, '200').examples[0]!.origin, 'example');
  });

  it('an example for a code missing from the Responses table is reported as example-without-response', () => {
    const x = extract('operations/create_space_user_invite_token.md', TOKEN_PAGE);
    const op = onlyOperation(x);
    assert.equal(
      op.responses.some((r) => r.status === '409'),
      false,
    );
    const orphans = x.findings.filter((f) => f.code === 'example-without-response');
    assert.equal(orphans.length, 1);
    assert.equal(orphans[0]!.file, 'operations/create_space_user_invite_token.md');
    assert.equal(orphans[0]!.line, lineOf(TOKEN_PAGE, '###### Response 409'));
    assert.equal(orphans[0]!.subject, 'create_space_user_invite_token');
    assert.match(orphans[0]!.message, /409/);
    assert.deepEqual(codes(x.findings), ['example-without-response']);
  });

  it('an example that is not JSON is reported as invalid-json at the offending line, and not kept', () => {
    const page = TOKEN_PAGE.replace('"error" : "Internal error"', '"error" : Internal error');
    const x = extract('operations/create_space_user_invite_token.md', page);
    const bad = x.findings.filter((f) => f.code === 'invalid-json');
    assert.equal(bad.length, 1);
    assert.deepEqual(response(onlyOperation(x), '500').examples, []);
    assert.equal(bad[0]!.line, lineOf(page, '"error" : Internal error'));
  });

  it('invalid-json points at the offending line when JSON.parse reports a position', () => {
    const page = TOKEN_PAGE.replace('"error" : "Internal error"', '"error" : "Internal error",');
    const x = extract('operations/create_space_user_invite_token.md', page);
    const bad = x.findings.filter((f) => f.code === 'invalid-json');
    assert.equal(bad.length, 1);
    assert.deepEqual(response(onlyOperation(x), '500').examples, []);
    // The trailing comma is only an error at the closing brace on the next line.
    assert.equal(bad[0]!.line, lineOf(page, '"error" : "Internal error",') + 1);
  });

  it('the same text that is not JSON on two pages of one build is reported on each, at its own line', () => {
    const page = TOKEN_PAGE.replace('"error" : "Internal error"', '"error" : Internal error');
    const shifted = `\n\n${page}`;
    const findings = new Findings();
    const memo = newParseMemo();
    const model = emptyDocModel();
    const options = { basePath: BASE_PATH, statusByDescription: MANIFEST.statusByDescription };
    for (const [file, text] of [
      ['operations/first.md', page],
      ['operations/second.md', shifted],
    ] as const)
      extractPage(readPage({ file, text, release: 'test', order: 0 }, findings, memo), model, options);
    const bad = findings.all.filter((f) => f.code === 'invalid-json');
    assert.deepEqual(
      bad.map((f) => [f.file, f.line]),
      [
        ['operations/first.md', lineOf(page, '"error" : Internal error')],
        ['operations/second.md', lineOf(shifted, '"error" : Internal error')],
      ],
    );
    assert.deepEqual(
      model.operations.map((op) => response(op, '500').examples),
      [[], []],
    );
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

describe('tag extractor (paths.md groups)', () => {
  it('reads each group name, description and the operations its table links', () => {
    const x = extract('paths.md', PATHS_PAGE);
    assert.deepEqual(x.findings, []);
    assert.deepEqual(
      x.model.tags.map((t) => ({
        name: t.name,
        description: t.description,
        operationIds: t.operationIds,
        line: t.at.line,
      })),
      [
        {
          name: 'Group',
          description: 'Group management operations',
          operationIds: ['create_group', 'get_group'],
          line: lineOf(PATHS_PAGE, '### Group'),
        },
        {
          name: 'Space',
          description: 'Space management operations',
          operationIds: ['create_space'],
          line: lineOf(PATHS_PAGE, '### Space'),
        },
      ],
    );
    assert.equal(x.model.operations.length, 0);
  });
});

describe('security extractor (security.md)', () => {
  it('reads the apiKey header scheme and maps basic to http basic', () => {
    const x = extract('security.md', SECURITY_PAGE);
    assert.deepEqual(x.findings, []);
    assert.deepEqual(
      x.model.securitySchemes.map((s) => [s.key, s.scheme]),
      [
        ['api_key', { type: 'apiKey', name: 'X-Auth-Token', in: 'header' }],
        ['basic', { type: 'http', scheme: 'basic' }],
      ],
    );
  });
});

describe('overview extractor (overview.md)', () => {
  it('reads title, version, contact, license, base path and tag texts', () => {
    const x = extract('overview.md', OVERVIEW_PAGE);
    assert.deepEqual(x.findings, []);
    const info = x.model.info;
    assert.equal(info.title, 'Onezone');
    assert.equal(info.description, 'This is the RESTful API definition of Onezone.');
    assert.equal(info.version, '17.06.0-rc8');
    assert.deepEqual(info.contact, { name: 'Onedata support', email: 'info@onedata.org' });
    assert.deepEqual(info.license, { name: 'Apache 2.0', url: 'http://www.apache.org/licenses/LICENSE-2.0.html' });
    assert.equal(info.basePath, '/api/v3/onezone');
    assert.deepEqual(info.tagDescriptions, { User: 'Regular user operations', Space: 'Space management operations' });
  });
});

describe('plain-text onedata.org extractor (spec/source/003_*.txt)', () => {
  const file = 'spec/source/003_4dc6ab7dad006d71.txt';
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  const x = extract(file, text);
  const op = onlyOperation(x);
  const errorExample = {
    error: {
      id: 'badValueString',
      details: { key: 'name' },
      description: 'Bad value: provided "name" must be a string.',
    },
  };

  it('reads the title with its Deprecated badge, and the operationId from the rest-cli line', () => {
    assert.equal(op.summary, 'Create user invite token for group');
    assert.equal(op.deprecated, true);
    assert.equal(op.operationId, 'createUserGroupInviteToken');
  });

  it('reads method and path from the cURL sample, base path stripped and $GROUP_ID named after the path parameter', () => {
    assert.equal(op.method, 'post');
    assert.equal(op.path, '/groups/{id}/users/token');
  });

  it('keeps the description verbatim and reads both privileges', () => {
    assert.equal(
      op.description,
      [
        'This enpoint is deprecated and will be removed in future release, please use one of:',
        'Creates a token allowing new user to join the group.',
        'This operation requires group_add_user privilege.',
        'For administrator who does not belong to this group',
        'oz_groups_add_relationships privilege is required.',
      ].join('\n'),
    );
    assert.deepEqual(op.privileges, ['group_add_user', 'oz_groups_add_relationships']);
    assert.equal(op.public, false);
  });

  it('reads the path parameter', () => {
    assert.deepEqual(
      op.parameters.map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required,
        description: p.description,
        schema: p.schema,
      })),
      [{ name: 'id', in: 'path', required: true, description: 'Group Id.', schema: { type: 'string' } }],
    );
    assert.equal(op.parameters[0]!.at.line, 17);
  });

  it('reads the six responses the page prints, status codes from their descriptions', () => {
    assert.deepEqual(
      op.responses.map((r) => [r.status, r.description]),
      [
        ['200', 'The token for joining a specific group.'],
        ['400', 'Invalid request.'],
        ['401', 'Authentication error.'],
        ['403', 'Authorization error.'],
        ['404', 'Resource not found.'],
        ['500', 'Internal server Error.'],
      ],
    );
    assert.deepEqual(
      op.responses.map((r) => r.at.line),
      [20, 27, 41, 55, 69, 83],
    );
  });

  it('reads the response property tables and examples', () => {
    assert.deepEqual(response(op, '200').schema, {
      type: 'object',
      properties: { token: { type: 'string', description: 'The token for joining a group.' } },
    });
    assert.deepEqual(
      response(op, '200').examples.map((e) => e.value),
      [
        {
          token:
            'JKAxNWxvY2F0aW9uIG9uZXpvbmUKMDAzYmlkZW50aWZpZXIgOEhmSEFSSGdrbHFCa1pWSTRsNk1CVHZTU3Z0OThwcHA2OTQ4czhRN1NPawowMDFhY2lkIHRpbWUgPCAxNDk2MTQwMTQ0CjAwMmZzaWduYXR1cmUg88OI1d24c36707d99197c6cd995810a43aca',
        },
      ],
    );
    for (const status of ['400', '401', '403', '404', '500']) {
      assert.deepEqual(response(op, status).schema, {
        type: 'object',
        properties: { error: { type: 'object', description: 'Object describing an error.' } },
      });
      assert.deepEqual(
        response(op, status).examples.map((e) => e.value),
        [errorExample],
        `example of ${status}`,
      );
    }
    assert.deepEqual(
      op.responses.map((r) => r.examples[0]!.at.line),
      [25, 33, 47, 61, 75, 89],
    );
  });

  it('reads the cURL sample, its output, and the rest-cli request example', () => {
    assert.deepEqual(
      op.codeSamples.map((s) => [s.lang, s.label, s.source]),
      [
        [
          'cURL',
          'Generate user group invite token',
          'curl -u username:password -X POST \\\nhttps://$HOST/api/v3/onezone/groups/$GROUP_ID/users/token',
        ],
        [
          'Shell',
          'onezone-rest-cli',
          'onezone-rest-cli createUserGroupInviteToken id=a4d3bc73aada63052310652d421609f1',
        ],
      ],
    );
    assert.deepEqual(
      op.curlOutputs.map((e) => e.value),
      [{ token: 'MDAxNmxvY2F00aW9uIHJlZlFTUbnZpdGVthHo8xmai4RqqBO2MZM00mrYGgo' }],
    );
    assert.deepEqual(op.requestExamples.path?.value, { id: 'a4d3bc73aada63052310652d421609f1' });
    assert.deepEqual(
      op.curlTargets.map((t) => t.origin),
      ['https://{host}'],
    );
  });

  it('maps every line of the page', () => {
    assert.deepEqual(
      x.findings.filter((f) => f.code === 'unmapped-block' || f.code === 'unknown-section' || f.code === 'no-endpoint'),
      [],
    );
  });
});

describe('type grammar (parseTypeExpr)', () => {
  const parse = (cell: string) => parseTypeExpr(cellSpans(cell));

  it('primitives', () => {
    assert.deepEqual(parse('string'), { kind: 'schema', schema: { type: 'string' } });
    assert.deepEqual(parse('boolean'), { kind: 'schema', schema: { type: 'boolean' } });
    assert.deepEqual(parse('object'), { kind: 'schema', schema: { type: 'object' } });
  });

  it('primitive with a format', () => {
    assert.deepEqual(parse('integer (int64)'), { kind: 'schema', schema: { type: 'integer', format: 'int64' } });
    assert.deepEqual(parse('integer (int32)'), { kind: 'schema', schema: { type: 'integer', format: 'int32' } });
    assert.deepEqual(parse('number (float)'), { kind: 'schema', schema: { type: 'number', format: 'float' } });
  });

  it('enum', () => {
    assert.deepEqual(parse('enum (a, b)'), { kind: 'schema', schema: { type: 'string', enum: ['a', 'b'] } });
    assert.deepEqual(parse('enum (set, grant, revoke)'), {
      kind: 'schema',
      schema: { type: 'string', enum: ['set', 'grant', 'revoke'] },
    });
  });

  it('arrays and maps', () => {
    assert.deepEqual(parse('< string > array'), {
      kind: 'schema',
      schema: { type: 'array', items: { type: 'string' } },
    });
    assert.deepEqual(parse('< string, integer > map'), {
      kind: 'schema',
      schema: { type: 'object', additionalProperties: { type: 'integer' } },
    });
    assert.deepEqual(parse('< < string > array > array'), {
      kind: 'schema',
      schema: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
    });
    assert.deepEqual(parse('< enum (DOI, PID) > array'), {
      kind: 'schema',
      schema: { type: 'array', items: { type: 'string', enum: ['DOI', 'PID'] } },
    });
  });

  it('a link to a definition is a $ref named after the link text', () => {
    assert.deepEqual(parse('[Space](../definitions/Space.md#space)'), {
      kind: 'schema',
      schema: { $ref: '#/components/schemas/Space' },
    });
    assert.deepEqual(parseTypeExpr([{ kind: 'link', text: 'Space', href: '../definitions/Space.md#space' }]), {
      kind: 'schema',
      schema: { $ref: '#/components/schemas/Space' },
    });
    assert.deepEqual(parse('< [ConnectedAccount](ConnectedAccount.md#connectedaccount) > array'), {
      kind: 'schema',
      schema: { type: 'array', items: { $ref: '#/components/schemas/ConnectedAccount' } },
    });
  });

  it('a link to an anchor on the page is a local (inline) schema', () => {
    assert.deepEqual(parse('[name](#create_space-name)'), {
      kind: 'local',
      anchor: 'create_space-name',
      shape: 'object',
    });
    assert.deepEqual(
      parseTypeExpr([
        { kind: 'text', text: '< ' },
        { kind: 'link', text: 'item', href: '#op-item' },
        { kind: 'text', text: ' > array' },
      ]),
      {
        kind: 'local',
        anchor: 'op-item',
        shape: 'array',
      },
    );
  });

  it('a map of inline objects: `< string, [users](#panelconfiguration-users) > map`', () => {
    // Failed before the fix: "a map of inline objects is not supported" (PanelConfiguration.users was any value).
    assert.deepEqual(
      parseTypeExpr([
        { kind: 'text', text: '< string, ' },
        { kind: 'link', text: 'users', href: '#panelconfiguration-users' },
        { kind: 'text', text: ' > map' },
      ]),
      { kind: 'local', anchor: 'panelconfiguration-users', shape: 'map' },
    );
  });

  it('No Content', () => {
    assert.deepEqual(parse('No Content'), { kind: 'none' });
    assert.deepEqual(parseTypeExpr([{ kind: 'text', text: 'No Content' }]), { kind: 'none' });
  });

  it('garbage throws a TypeSyntaxError', () => {
    for (const cell of ['foo', 'string string', '< string >', '< string > list', 'enum (a, b', 'integer (', 'No']) {
      assert.throws(() => parse(cell), TypeSyntaxError, cell);
    }
    assert.throws(() => parseTypeExpr([]), TypeSyntaxError);
    assert.throws(() => parseTypeExpr([{ kind: 'text', text: '< No Content > array' }]), TypeSyntaxError);
  });

  it('an unreadable Schema cell on a page is reported as unknown-type and typed as any value', () => {
    const page = LIST_PAGE.replace('|Fields to return.|< string > array|', '|Fields to return.|< string > list|');
    const x = extract('operations/list_space_users.md', page);
    const unknown = x.findings.filter((f) => f.code === 'unknown-type');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0]!.line, lineOf(page, '|**Query**|**fields**'));
    assert.deepEqual(onlyOperation(x).parameters.find((p) => p.name === 'fields')?.schema, {});
  });
});
