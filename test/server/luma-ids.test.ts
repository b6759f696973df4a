// LUMA ids are exact (issue 23 item 2): the docs type `lid` `integer`, so an id is read as decimal digits a JSON
// number holds exactly, and a POST never hands out an id a PUT already took. On today's main before the fix,
// `PUT /admin/users/99999999999999999999999` made every later POST answer `Location: /admin/users/1e+23`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawRequest } from '../helpers/raw-http.ts';
import { suiteServer } from '../helpers/suite-server.ts';
import { ADMIN, tokenHeader } from '../helpers/server-fixtures.ts';

const suite = suiteServer();

const admin = { ...tokenHeader(ADMIN), 'content-type': 'application/json' };
const put = (lid: string, details: object) =>
  rawRequest({
    method: 'PUT',
    url: `${suite.url('luma')}/admin/users/${lid}`,
    headers: admin,
    body: JSON.stringify(details),
  });
const post = (details: object) =>
  rawRequest({
    method: 'POST',
    url: `${suite.url('luma')}/admin/users`,
    headers: admin,
    body: JSON.stringify(details),
  });
const get = (lid: string) =>
  rawRequest({ method: 'GET', url: `${suite.url('luma')}/admin/users/${lid}`, headers: admin });

describe('LUMA ids', () => {
  test("an id that is not decimal digits, or beyond 2^53 − 1, is a 400 in LUMA's Error shape", async () => {
    for (const lid of ['99999999999999999999999', '9007199254740993', '1e3', '0x10', '%207', '007', '1.0']) {
      const reply = await put(lid, { name: 'x' });
      assert.equal(reply.status, 400, `PUT ${lid}: ${reply.text}`);
      const body = JSON.parse(reply.text);
      assert.deepEqual(Object.keys(body).sort(), ['error', 'errorDescription'], lid);
      assert.match(body.errorDescription, /lid must be an integer in decimal digits/, lid);
      assert.equal((await get(lid)).status, 400, `GET ${lid}`);
    }
  });

  test('the largest exact integer is an id like any other', async () => {
    assert.equal((await put('9007199254740991', { name: 'Last' })).status, 204);
    const got = await get('9007199254740991');
    assert.equal(got.status, 200);
    assert.deepEqual(JSON.parse(got.text), { name: 'Last' });
    assert.equal((await get('9007199254740990')).status, 404);
  });

  test('POST never hands out an id a PUT took, and every POST gets an id of its own', async () => {
    assert.equal((await put('2', { name: 'Put two' })).status, 204);
    const locations: string[] = [];
    for (const name of ['One', 'Three', 'Four']) {
      const created = await post({ name });
      assert.equal(created.status, 201, created.text);
      locations.push(String(created.headers.location));
    }
    assert.deepEqual(locations, ['/admin/users/1', '/admin/users/3', '/admin/users/4']);
    assert.deepEqual(JSON.parse((await get('2')).text), { name: 'Put two' });
    assert.deepEqual(JSON.parse((await get('3')).text), { name: 'Three' });
  });

  test("replacing a user's details charges the new size instead of adding it", async () => {
    const big = { name: 'x'.repeat(3_000) };
    assert.equal((await put('50', big)).status, 204);
    const once = suite.server.usage().bytes;
    for (let i = 0; i < 5; i++) assert.equal((await put('50', big)).status, 204);
    assert.equal(suite.server.usage().bytes, once);
    assert.equal((await put('50', { name: 'small' })).status, 204);
    assert.ok(suite.server.usage().bytes < once - 2_900, `${suite.server.usage().bytes} < ${once} − 2900`);
  });
});
