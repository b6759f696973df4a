// The cURL reader behind x-codeSamples, the endpoint cross-check and the documented outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchTemplate, parseCurl } from '../src/rebuild/extract/curl.ts';

test('create_space.md sample: method, URL, body, command; no output', () => {
  // operations/create_space.md of the corpus, verbatim.
  const sample = [
    'curl -u username:password  -H "Content-type: application/json" \\',
    `-X POST -d '{ "name" : "new_space" }' \\`,
    'https://$HOST:8443/api/v3/onezone/spaces',
  ].join('\n');
  assert.deepEqual(parseCurl(sample), {
    method: 'POST',
    url: 'https://$HOST:8443/api/v3/onezone/spaces',
    urlPath: '/api/v3/onezone/spaces',
    origin: 'https://{host}:8443',
    data: '{ "name" : "new_space" }',
    command: sample,
    output: '',
    outputLine: 3,
  });
});

test('the printed response after the first blank line is the output, with the line it starts on', () => {
  const sample = [
    'curl -H "X-Auth-Token: $TOKEN" -X GET \\',
    'https://$HOST:8443/api/v3/onezone/user/spaces/default',
    '',
    '{',
    '  "spaceId": "S1"',
    '}',
    '',
  ].join('\n');
  const curl = parseCurl(sample)!;
  assert.equal(curl.method, 'GET');
  assert.equal(curl.urlPath, '/api/v3/onezone/user/spaces/default');
  assert.equal(
    curl.command,
    'curl -H "X-Auth-Token: $TOKEN" -X GET \\\nhttps://$HOST:8443/api/v3/onezone/user/spaces/default',
  );
  assert.equal(curl.output, '{\n  "spaceId": "S1"\n}');
  assert.equal(curl.outputLine, 3);
});

test('shell quoting: escaped quotes in double quotes, backslashes kept in single quotes, non-ASCII spaces split words', () => {
  const curl = parseCurl(
    `curl\u00a0-X put -d "{\\"name\\": \\"a b\\"}" --data-raw 'c\\d' https://\${ONEZONE_HOST}/api/x?y=1`,
  )!;
  assert.equal(curl.method, 'PUT');
  assert.equal(curl.data, 'c\\d'); // the last -d/--data wins
  assert.equal(curl.origin, 'https://{host}');
  assert.equal(curl.urlPath, '/api/x');
  const first = parseCurl(`curl -d "{\\"name\\": \\"a b\\"}" https://h/p`)!;
  assert.equal(first.data, '{"name": "a b"}');
  assert.equal(first.method, 'POST'); // data without -X
});

test('not a cURL command, or one without a URL: undefined', () => {
  assert.equal(parseCurl('onezone-rest-cli getUserSpaces'), undefined);
  assert.equal(parseCurl('curl -X GET'), undefined);
  assert.equal(parseCurl(''), undefined);
});

test('matchTemplate: the URL tail matches the path template; what precedes it is the base path', () => {
  assert.deepEqual(matchTemplate('/api/v3/onezone/spaces/S1/users/U1', '/spaces/{id}/users/{uid}'), {
    base: '/api/v3/onezone',
    values: { id: 'S1', uid: 'U1' },
  });
  assert.deepEqual(matchTemplate('/api/v3/onezone/user/spaces/', '/user/spaces'), {
    base: '/api/v3/onezone',
    values: {},
  });
  assert.deepEqual(matchTemplate('/spaces', '/spaces'), { base: '', values: {} });
  // seed 002: the sample calls …/user/spaces/default, the page declares /user/spaces/join
  assert.equal(matchTemplate('/api/v3/onezone/user/spaces/default', '/user/spaces/join'), undefined);
  assert.equal(matchTemplate('/spaces', '/api/spaces/{id}'), undefined);
  // `{}` names no parameter: it is a literal segment
  assert.equal(matchTemplate('/a/x', '/a/{}'), undefined);
  assert.deepEqual(matchTemplate('/a/{}', '/a/{}'), { base: '', values: {} });
});
