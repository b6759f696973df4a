// The server's router answers as openapi-backend's own router does, on every operation of the four specs: its
// routes are compiled once and tried within the request's first path segment only, so this pins the choice
// (exact paths before templates, the most specific template first) to the library's. Where they differ, it
// follows OpenAPI 3.1: the path is matched before the method, and HEAD is a GET route's (RFC 9110).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenAPIBackend, OpenAPIRouter } from 'openapi-backend';
import { toBackendDocument } from '../../src/server/backend-document.ts';
import { CachedRouter } from '../../src/server/router.ts';
import { API_NAMES, loadSpec, specPathOf } from '../../src/server/spec.ts';
import type { HttpError } from '../../src/server/errors.ts';

type Definition = ConstructorParameters<typeof OpenAPIBackend>[0]['definition'];

/** A concrete request path for a template: each parameter filled with a value no literal segment has. */
const concrete = (template: string) => template.replace(/\{[^}]+\}/g, 'p-1');

for (const api of API_NAMES) {
  describe(`router of the ${api} spec`, async () => {
    const spec = loadSpec(specPathOf(api));
    const backend = new OpenAPIBackend({
      definition: toBackendDocument(spec.document) as unknown as Definition,
      validate: false,
    });
    await backend.init();
    const options = { definition: backend.definition, apiRoot: backend.apiRoot };
    const library = new OpenAPIRouter(options);
    const ours = new CachedRouter(options);
    const root = backend.apiRoot.replace(/\/$/, '');

    test('every operation path, filled in, goes where openapi-backend sends it', () => {
      const operations = library.getOperations();
      assert.ok(operations.length >= 17, `${operations.length} operations`);
      for (const { method, path } of operations) {
        const url = root + concrete(path);
        const expected = library.matchOperation({ method, path: url, headers: {} })?.operationId;
        assert.equal(ours.match(method, url).operation.operationId, expected, `${method} ${url}`);
      }
    });

    test('a path no operation has is a 404; a known path with another method is a 405 naming its methods', () => {
      assert.throws(
        () => ours.match('get', `${root}/no-such-segment/p-1`),
        (e: HttpError) => e.status === 404,
      );
      const [first] = library.getOperations();
      const url = root + concrete(first!.path);
      const methods = library
        .getOperations()
        .filter((o) => library.matchOperation({ method: o.method, path: url, headers: {} })?.path === o.path)
        .map((o) => o.method.toUpperCase());
      const allow = [...new Set(methods.includes('GET') ? [...methods, 'HEAD'] : methods)].join(', ');
      assert.throws(
        () => ours.match('trace', url),
        (e: HttpError) => e.status === 405 && e.headers?.Allow === allow,
      );
    });
  });
}

describe('router: the path is matched before the method (OpenAPI 3.1), HEAD is GET', async () => {
  const spec = loadSpec(specPathOf('onezone'));
  const backend = new OpenAPIBackend({
    definition: toBackendDocument(spec.document) as unknown as Definition,
    validate: false,
  });
  await backend.init();
  const router = new CachedRouter({ definition: backend.definition, apiRoot: backend.apiRoot });
  const root = backend.apiRoot.replace(/\/$/, '');
  const notSupported = (allow: string) => (e: HttpError) => e.status === 405 && e.headers?.Allow === allow;

  // join_group.md documents POST /user/groups/join only; get_user_group.md and leave_group.md GET and DELETE
  // /user/groups/{gid}.
  test('GET /user/groups/join is a 405 allowing POST, not GET /user/groups/{gid} with gid "join"', () => {
    assert.throws(() => router.match('GET', `${root}/user/groups/join`), notSupported('POST'));
    assert.equal(router.match('POST', `${root}/user/groups/join`).operation.path, '/user/groups/join');
    assert.deepEqual(router.match('GET', `${root}/user/groups/g1`).params, { gid: 'g1' });
    assert.deepEqual(router.methodsAt(`${root}/user/groups/join`), ['POST']);
  });

  test('DELETE /provider/spaces/support and GET /user/spaces/join are 405s allowing POST', () => {
    assert.throws(() => router.match('DELETE', `${root}/provider/spaces/support`), notSupported('POST'));
    assert.throws(() => router.match('GET', `${root}/user/spaces/join`), notSupported('POST'));
  });

  test('HEAD is answered by the GET operation of its path and listed beside GET', () => {
    const head = router.match('HEAD', `${root}/user/groups/g1`);
    assert.equal(head.operation.method, 'get');
    assert.equal(head.operation.path, '/user/groups/{gid}');
    assert.deepEqual(router.methodsAt(`${root}/user/groups/g1`), ['GET', 'DELETE', 'HEAD']);
    assert.throws(() => router.match('HEAD', `${root}/user/groups/join`), notSupported('POST'));
  });
});
