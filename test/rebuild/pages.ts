// Small swagger2markup pages written for the extractor tests (shaped like the seed pages spec/source/000_*.txt and
// the 17.06.0-rc8 doc sets), and the helpers that take a page through the format registry into a doc model.
// Expected values in the tests are the ones the pages state.
import assert from 'node:assert/strict';
import { SEED_MANIFEST } from '../helpers/corpus.ts';
import { loadManifest } from '../../src/rebuild/docs/manifest.ts';
import { extractPage, readPage } from '../../src/rebuild/extract/page.ts';
import { Findings, type Finding } from '../../src/rebuild/findings.ts';
import {
  emptyDocModel,
  type DocModel,
  type Operation,
  type Response,
  type SchemaDefinition,
} from '../../src/rebuild/model.ts';
import type { Span } from '../../src/rebuild/markdown/blocks.ts';
import { markdownBlocks } from '../../src/rebuild/markdown/markdown-blocks.ts';

const F = '```';
export const BASE_PATH = '/api/v3/onezone';
export const MANIFEST = loadManifest(SEED_MANIFEST);

export interface Extracted {
  model: DocModel;
  findings: Finding[];
}

export function extract(file: string, text: string): Extracted {
  const findings = new Findings();
  const model = emptyDocModel();
  extractPage(readPage({ file, text, release: 'test', order: 0 }, findings), model, {
    basePath: BASE_PATH,
    statusByDescription: MANIFEST.statusByDescription,
  });
  return { model, findings: findings.all };
}

export function onlyOperation(x: Extracted): Operation {
  assert.equal(x.model.operations.length, 1, 'the page holds one operation');
  return x.model.operations[0]!;
}

export function response(op: Operation, status: string): Response {
  const r = op.responses.find((x) => x.status === status);
  assert.ok(r, `response ${status} exists`);
  return r;
}

export function definition(x: Extracted, name: string): SchemaDefinition {
  const d = x.model.definitions.find((def) => def.name === name);
  assert.ok(d, `definition ${name} exists`);
  return d;
}

export function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** Spans of one Schema cell, read through the same Markdown parser the pages go through. */
export function cellSpans(cell: string): Span[] {
  const table = markdownBlocks(`|Schema|\n|---|\n|${cell}|\n`).find((b) => b.kind === 'table');
  assert.ok(table && table.kind === 'table');
  return table.rows[0]![0]!.spans;
}

export const TOKEN_PAGE = `
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

export const LIST_PAGE = `
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
export const CREATE_SPACE_PAGE = `
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
export const JOIN_SPACE_PAGE = `
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
export const WRONG_PATH_PAGE = `
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
export const LIST_USER_SPACES_PAGE = `
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
export const PUBLIC_PAGE = `
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

export const SPACE_DEFINITION = `
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

export const PRIVILEGES_DEFINITION = `
<a name="spaceprivileges"></a>
### SpacePrivileges
The list of space privileges.


|Name|Description|Schema|
|---|---|---|
|**operation**  <br>*optional*|This field determines how the included privileges are handled.  <br>**Default** : \`"set"\`|enum (set, grant, revoke)|
|**privileges**  <br>*required*||< enum (space_view, space_update, space_delete) > array|

`;

export const USER_DEFINITION = `
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

export const OBJECT_TYPE_DEFINITION = `
<a name="groupinvitetokenrequest"></a>
### GroupInviteTokenRequest
Group invitation token request.

*Type* : object

`;

export const POLYMORPHIC_DEFINITION = `
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

export const PATHS_PAGE = `
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

export const SECURITY_PAGE = `
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

export const OVERVIEW_PAGE = `# Onezone


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
