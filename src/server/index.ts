// startServer(): the spec-driven Onezone server on node:http, used by `npm run serve` and anything that
// imports it (npm start, tests, the benchmark).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_USERS_PATH, loadUsersFile } from './accounts.ts';
import { createApp } from './app.ts';
import { answerClientError, requestListener } from './http.ts';
import { implementations as defaultImplementations } from './implementations/index.ts';
import type { Implementations } from './implementations/types.ts';
import { batchedStdoutLog, type Log } from './log.ts';
import { DEFAULT_SPEC_PATH, loadSpec } from './spec.ts';

export { DEFAULT_SPEC_PATH } from './spec.ts';
export { DEFAULT_USERS_PATH } from './accounts.ts';
export type { Log } from './log.ts';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  specPath?: string;
  usersPath?: string;
  /** Largest accepted request body in bytes; larger ones get 413. */
  bodyLimit?: number;
  /** Where the per-request lines go (default: stdout); false for none. */
  log?: Log | false;
  /** The hand-written implementations (default: the registry in implementations/index.ts). */
  implementations?: Implementations;
}

export interface RunningServer {
  /** Base URL including the spec's base path, e.g. http://127.0.0.1:8080/api/v3/onezone. */
  url: string;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

/** Requests still running after this long on close() are cut off. */
const CLOSE_GRACE_MS = 5000;

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const {
    port = DEFAULT_PORT,
    host = DEFAULT_HOST,
    specPath = DEFAULT_SPEC_PATH,
    usersPath = DEFAULT_USERS_PATH,
    bodyLimit = DEFAULT_BODY_LIMIT,
  } = options;
  const stdout = batchedStdoutLog();
  const log: Log = options.log === false ? () => {} : (options.log ?? stdout.log);
  const spec = loadSpec(specPath);
  const app = await createApp(spec, loadUsersFile(usersPath), options.implementations ?? defaultImplementations, log);
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
  return {
    url: `${origin}${spec.basePath}`,
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
