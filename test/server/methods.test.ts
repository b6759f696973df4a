// Methods and encodings beside the documented operations (issue 23 item 6): HEAD is a GET route's (RFC 9110
// §9.3.2), CONNECT a 405 with Allow instead of a dropped socket, a content-coded body a 415 with
// Accept-Encoding: identity (no doc names a coding), and a query parameter without a name refused like any
// other undocumented one. In-process server on a free port; values from Onezone's 17.06.0-rc8 docs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { rawExchange, rawRequest } from '../helpers/raw-http.ts';
import { suiteServer } from '../helpers/suite-server.ts';
import { ADMIN, tokenHeader } from '../helpers/server-fixtures.ts';

const suite = suiteServer();

describe('HEAD', () => {
  // get_user.md: GET /user returns the current user's details.
  test('HEAD /user answers as GET /user does, with its headers and no body', async () => {
    const get = await rawRequest({ method: 'GET', url: `${suite.url('onezone')}/user`, headers: tokenHeader(ADMIN) });
    const head = await rawRequest({ method: 'HEAD', url: `${suite.url('onezone')}/user`, headers: tokenHeader(ADMIN) });
    assert.equal(get.status, 200);
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
    assert.equal(head.headers['content-length'], get.headers['content-length']);
    assert.equal(head.headers['content-type'], 'application/json');
  });

  test('HEAD needs the same authentication as GET', async () => {
    const head = await rawRequest({ method: 'HEAD', url: `${suite.url('onezone')}/user` });
    assert.equal(head.status, 401);
  });

  // join_group.md documents POST /user/groups/join only.
  test('HEAD where no GET is documented is a 405 naming the path methods', async () => {
    const head = await rawRequest({
      method: 'HEAD',
      url: `${suite.url('onezone')}/user/groups/join`,
      headers: tokenHeader(ADMIN),
    });
    assert.equal(head.status, 405);
    assert.equal(head.headers.allow, 'POST');
  });
});

describe('CONNECT', () => {
  test('CONNECT to an operation path is a 405 in the Error shape, Allow naming its methods', async () => {
    const path = new URL(`${suite.url('onezone')}/user`).pathname;
    const reply = await rawExchange(suite.url('onezone'), `CONNECT ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(reply.status, 405);
    // get_user.md, remove_user.md, modify_user.md: GET, DELETE and PATCH /user.
    assert.equal(reply.headers.allow, 'GET, DELETE, PATCH, HEAD');
    assert.match(JSON.parse(reply.text).error, /CONNECT is not supported/);
  });

  test('CONNECT to a host (a tunnel request) is a 405 with an empty Allow', async () => {
    const reply = await rawExchange(
      suite.url('onezone'),
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n',
    );
    assert.equal(reply.status, 405);
    assert.equal(reply.headers.allow, '');
  });
});

describe('request bodies with a content coding', () => {
  for (const coding of ['gzip', 'deflate', 'br']) {
    test(`Content-Encoding: ${coding} is a 415 with Accept-Encoding: identity`, async () => {
      const reply = await rawRequest({
        method: 'POST',
        url: `${suite.url('onezone')}/groups`,
        headers: { ...tokenHeader(ADMIN), 'content-type': 'application/json', 'content-encoding': coding },
        body: gzipSync('{"name":"new_group","type":"role"}'),
      });
      assert.equal(reply.status, 415);
      assert.equal(reply.headers['accept-encoding'], 'identity');
      assert.match(JSON.parse(reply.text).error, new RegExp(`Content-Encoding ${coding} is not supported`));
    });
  }

  test('Content-Encoding: identity is the body as sent', async () => {
    const reply = await rawRequest({
      method: 'POST',
      url: `${suite.url('onezone')}/groups`,
      headers: { ...tokenHeader(ADMIN), 'content-type': 'application/json', 'content-encoding': 'identity' },
      body: '{"name":"new_group","type":"role"}',
    });
    assert.equal(reply.status, 201);
  });
});

describe('query parameters', () => {
  // list_user_spaces.md documents no query parameter.
  test('a parameter without a name is refused as an undocumented one is', async () => {
    for (const query of ['?=', '?=x', '?discovered=false&=']) {
      const reply = await rawRequest({
        method: 'GET',
        url: `${suite.url('onezone')}/user/spaces${query}`,
        headers: tokenHeader(ADMIN),
      });
      assert.equal(reply.status, 400, query);
      assert.match(JSON.parse(reply.text).error, /query has no parameter ""/, query);
    }
    const plain = await rawRequest({
      method: 'GET',
      url: `${suite.url('onezone')}/user/spaces?`,
      headers: tokenHeader(ADMIN),
    });
    assert.equal(plain.status, 200);
  });
});
