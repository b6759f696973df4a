// The server's router answers as openapi-backend's own router does, on every operation of the four specs: its
// routes are compiled once and tried within the request's first path segment only, so this pins the choice
// (exact paths before templates, the most specific template first) to the library's.
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
      assert.throws(
        () => ours.match('trace', url),
        (e: HttpError) => e.status === 405 && e.headers?.Allow === [...new Set(methods)].join(', '),
      );
    });
  });
}
