// startServer(): the spec-driven Onedata servers on one node:http server, used by `npm run serve` and anything
// that imports it (npm start, tests, the benchmark). By default the four APIs, each under its base path (the
// path of its spec's servers[0].url: /api/v3/onezone, /api/v3/onepanel, /api/v3/oneprovider, /api/v3/luma),
// each authenticating and answering errors as its own spec says; `{ specPath }` serves that one spec alone.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reply } from '../openapi/stub-reply.ts';
import { DEFAULT_USERS_PATH, loadUsersFile } from './accounts.ts';
import { createApp, type App, type RawRequest } from './app.ts';
import { HttpError } from './errors.ts';
import { answerClientError, requestListener } from './http.ts';
import { implementations as defaultImplementations } from './implementations/index.ts';
import type { Registry } from './implementations/types.ts';
import { batchedStdoutLog, type Log } from './log.ts';
import { API_NAMES, loadSpec, specPathOf } from './spec.ts';

export { API_NAMES, DEFAULT_SPEC_PATH, specPathOf, type ApiName } from './spec.ts';
export { DEFAULT_USERS_PATH } from './accounts.ts';
export type { Log } from './log.ts';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** One spec to serve alone; default: the four APIs' specs (spec/<api>/openapi.yaml). */
  specPath?: string;
  usersPath?: string;
  /** Largest accepted request body in bytes; larger ones get 413. */
  bodyLimit?: number;
  /** Where the per-request lines go (default: stdout); false for none. */
  log?: Log | false;
  /**
   * The hand-written implementations by API (default: the registries in implementations/). A spec is the API
   * its base path ends with (/api/v3/onezone → onezone); an API missing here has none: every operation stubs.
   */
  implementations?: Readonly<Partial<Record<string, Registry>>>;
}

export interface RunningServer {
  /** The first API's base URL, e.g. http://127.0.0.1:8080/api/v3/onezone (the only one with `specPath`). */
  url: string;
  /** Each served API's base URL by API name (onezone, onepanel, oneprovider, luma). */
  urls: Record<string, string>;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

/** Requests still running after this long on close() are cut off. */
const CLOSE_GRACE_MS = 5000;

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const {
    port = DEFAULT_PORT,
    host = DEFAULT_HOST,
    usersPath = DEFAULT_USERS_PATH,
    bodyLimit = DEFAULT_BODY_LIMIT,
  } = options;
  const stdout = batchedStdoutLog();
  const log: Log = options.log === false ? () => {} : (options.log ?? stdout.log);
  const users = loadUsersFile(usersPath);
  const registries: Readonly<Partial<Record<string, Registry>>> = options.implementations ?? defaultImplementations;
  const specs = (options.specPath ? [options.specPath] : API_NAMES.map(specPathOf)).map((path) => loadSpec(path));
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const other = seen.get(spec.basePath);
    if (other !== undefined) throw new Error(`${spec.api} and ${other} have the same base path ${spec.basePath}`);
    seen.set(spec.basePath, spec.api);
  }
  const apps = await Promise.all(specs.map((spec) => createApp(spec, users, registries[spec.api] ?? {}, log)));
  const app = dispatcher(apps);
  let closing: Promise<void> | undefined;
  const server = createServer(requestListener(app, { bodyLimit, log, draining: () => closing !== undefined }));
  server.on(
    'clientError',
    answerClientError((error) => app.errorReply(error)),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  const urls = Object.fromEntries(specs.map((spec) => [spec.api, `${origin}${spec.basePath}`]));
  return {
    url: `${origin}${specs[0]!.basePath}`,
    urls,
    close: () =>
      (closing ??= new Promise((resolve, reject) => {
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
        server.close((error) => {
          clearTimeout(force);
          stdout.flush();
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      })),
  };
}

/**
 * The apps behind one listener: a request goes to the API whose base path its path starts with (the longest
 * one); a path outside every base path is a 404 in the first API's Error shape, like its errors outside any
 * operation (413, malformed HTTP).
 */
function dispatcher(apps: App[]): Pick<App, 'handle' | 'errorReply'> {
  const first = apps[0]!;
  if (apps.length === 1) return first;
  const byLength = [...apps].sort((a, b) => b.basePath.length - a.basePath.length);
  const owner = (url: string): App | undefined => {
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    return byLength.find((app) => app.basePath === '' || path === app.basePath || path.startsWith(`${app.basePath}/`));
  };
  return {
    handle(request: RawRequest): Reply {
      const app = owner(request.url);
      if (app) return app.handle(request);
      return first.errorReply(
        new HttpError(404, 'notFound', 'path', `No operation at ${request.url.split('?')[0]}: no API is served there.`),
      );
    },
    errorReply: (error, url) => (url === undefined ? first : (owner(url) ?? first)).errorReply(error),
  };
}
