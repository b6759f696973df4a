// Onepanel's roles (issue 23 items 1 and 11), as spec/onepanel/docs/17.06.0-rc8/overview.md:54-60 states them:
// an admin administers the deployment; a regular user only reads and changes its own account. The users file's
// users are Onepanel user resources (admin: role admin; joe: regular), so the README's client example answers,
// and currentPassword (UserModifyRequest.md:9) is the target's own or, from an admin, the admin's. Onepanel's
// 403 is documented "No Content", so it has no body.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../src/server/index.ts';
import { rawRequest } from '../helpers/raw-http.ts';
import { suiteServer } from '../helpers/suite-server.ts';
import { ADMIN, basicHeader, JOE } from '../helpers/server-fixtures.ts';

const suite = suiteServer();

const basic = (username: string, password: string) => basicHeader({ username, password, token: '', privileges: [] });
const call = (method: string, path: string, auth: Record<string, string>, body?: object) =>
  rawRequest({
    method,
    url: `${suite.url('onepanel')}${path}`,
    headers: body ? { ...auth, 'content-type': 'application/json' } : auth,
    body: body && JSON.stringify(body),
  });

describe('Onepanel roles', () => {
  test("the users file's users are Onepanel users: GET /users/admin is the README's example", async () => {
    const admin = await call('GET', '/users/admin', basicHeader(ADMIN));
    assert.equal(admin.status, 200, admin.text);
    const details = JSON.parse(admin.text);
    assert.equal(details.userRole, 'admin');
    assert.match(details.userId, /^[A-Za-z0-9_-]{20}$/);
    assert.equal(JSON.parse((await call('GET', '/users/joe', basicHeader(ADMIN))).text).userRole, 'regular');
  });

  test('a regular user reads its own account and no other', async () => {
    assert.equal((await call('GET', '/users/joe', basicHeader(JOE))).status, 200);
    const other = await call('GET', '/users/admin', basicHeader(JOE));
    assert.equal(other.status, 403);
    assert.equal(other.text, '', 'Onepanel documents its 403 as No Content');
  });

  test('only an admin creates or deletes users, and creates admins', async () => {
    const asJoe = await call('POST', '/users', basicHeader(JOE), {
      username: 'joeadmin',
      password: 'Password1',
      userRole: 'admin',
    });
    assert.equal(asJoe.status, 403);
    assert.equal((await call('GET', '/users/joeadmin', basicHeader(ADMIN))).status, 404);
    assert.equal((await call('DELETE', '/users/admin', basicHeader(JOE))).status, 403);
    assert.equal((await call('GET', '/users/admin', basicHeader(ADMIN))).status, 200, 'admin is still there');
    const created = await call('POST', '/users', basicHeader(ADMIN), {
      username: 'alice',
      password: 'Password1',
      userRole: 'regular',
    });
    assert.equal(created.status, 204, created.text);
    assert.equal((await call('DELETE', '/users/alice', basicHeader(JOE))).status, 403);
    assert.equal((await call('DELETE', '/users/alice', basicHeader(ADMIN))).status, 204);
    assert.equal((await call('GET', '/users/alice', basicHeader(ADMIN))).status, 404);
  });

  test("a regular user cannot reset another's password with its own as currentPassword", async () => {
    const reset = await call('PATCH', '/users/admin', basicHeader(JOE), {
      currentPassword: JOE.password,
      newPassword: 'Hijacked1',
    });
    assert.equal(reset.status, 403);
    assert.equal((await call('GET', '/users/admin', basic('admin', 'Hijacked1'))).status, 401);
    assert.equal((await call('GET', '/users/admin', basicHeader(ADMIN))).status, 200);
  });

  test('a user changes its own password with its current one; the old one then fails', async () => {
    await call('POST', '/users', basicHeader(ADMIN), { username: 'bob1', password: 'Password1', userRole: 'regular' });
    const wrong = await call('PATCH', '/users/bob1', basic('bob1', 'Password1'), {
      currentPassword: 'NotMine12',
      newPassword: 'Password2',
    });
    assert.equal(wrong.status, 403);
    const changed = await call('PATCH', '/users/bob1', basic('bob1', 'Password1'), {
      currentPassword: 'Password1',
      newPassword: 'Password2',
    });
    assert.equal(changed.status, 204, changed.text);
    assert.equal((await call('GET', '/users/bob1', basic('bob1', 'Password1'))).status, 401);
    assert.equal((await call('GET', '/users/bob1', basic('bob1', 'Password2'))).status, 200);
  });

  test("an admin changes a user's password with the admin's own password, on the user's behalf", async () => {
    await call('POST', '/users', basicHeader(ADMIN), { username: 'carol', password: 'Password1', userRole: 'regular' });
    const changed = await call('PATCH', '/users/carol', basicHeader(ADMIN), {
      currentPassword: ADMIN.password,
      newPassword: 'Password3',
    });
    assert.equal(changed.status, 204, changed.text);
    assert.equal((await call('GET', '/users/carol', basic('carol', 'Password3'))).status, 200);
  });

  // get_cluster_hosts.md: GET /hosts, 200 "The list of administrative cluster hosts", 403 "Forbidden request".
  test('deployment management is for admins: GET /hosts is a 403 for a regular user', async () => {
    assert.equal((await call('GET', '/hosts', basicHeader(ADMIN))).status, 200);
    const regular = await call('GET', '/hosts', basicHeader(JOE));
    assert.equal(regular.status, 403);
    assert.equal(regular.text, '');
  });

  test('a deleted file user no longer logs in', async () => {
    const local = await startServer({ port: 0, log: false });
    try {
      const url = `${local.urls.onepanel}/users/joe`;
      assert.equal((await rawRequest({ method: 'DELETE', url, headers: basicHeader(ADMIN) })).status, 204);
      assert.equal((await rawRequest({ method: 'GET', url, headers: basicHeader(JOE) })).status, 401);
    } finally {
      await local.close();
    }
  });

  // UserCreateRequest.md:9 and :11, made minLength and pattern by the rebuilder (spec/onepanel/openapi.yaml).
  test("the docs' username and password rules are the spec's, and the server enforces them", async () => {
    const create = (username: string, password: string) =>
      call('POST', '/users', basicHeader(ADMIN), { username, password, userRole: 'regular' });
    for (const [username, password, why] of [
      ['dave', 'PASSWORD1', 'no lower case letter'],
      ['dave', 'password1', 'no upper case letter'],
      ['dave', 'Password', 'no digit'],
      ['dave', 'Pass:word1', 'a colon'],
      ['dave', 'Pass1', 'shorter than 8'],
      ['dav', 'Password1', 'a username shorter than 4'],
      ['dave_1', 'Password1', 'a username not alphanumeric'],
    ]) {
      const reply = await create(username!, password!);
      assert.equal(reply.status, 400, why);
      assert.equal(JSON.parse(reply.text).error, 'badValue', why);
    }
    assert.equal((await create('dave', 'Password1')).status, 204);
  });
});
