// startServer(): the spec-driven Onedata servers on one node:http server, used by `npm run serve` and anything
// that imports it (npm start, tests, the benchmark). By default every API with a profile (src/apis/), each under
// its base path (the path of its spec's servers[0].url, e.g. /api/v3/onezone), each authenticating and answering
// errors as its own spec says; `{ release }` serves that release's specs instead, `{ specPath }` one spec alone.
// Bounded: one byte budget for the state of all APIs, per-user quotas and token expiry (limits.ts); header,
// request and keep-alive timeouts; CORS for the documentation portal (cors.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reply } from '../openapi/stub-reply.ts';
import { DEFAULT_USERS_PATH, loadUsersFile, type UsersFile } from './accounts.ts';
import { createApp, type App, type RawRequest } from './app.ts';
import { corsPolicy, DEFAULT_CORS_ORIGINS } from './cors.ts';
import { HttpError } from './errors.ts';
import { type StatusGap, undocumentedStatuses } from './undocumented-statuses.ts';
import { answerClientError, answerConnect, answerExpectation, requestListener } from './http.ts';
import { DEFAULT_STATE_LIMITS, StateBudget, type StateLimits } from './limits.ts';
import type { Registry } from '../apis/implementation-types.ts';
import { plainProfile, type ApiProfile } from '../apis/profile.ts';
import { profileOf } from '../apis/registry.ts';
import { batchedStdoutLog, type Log } from './log.ts';
import { privilegeRenames, renamePrivileges } from './release-privileges.ts';
import { releaseSpecs } from './releases.ts';
import { API_NAMES, loadSpec, specPathOf, type LoadedSpec } from './spec.ts';

export { API_NAMES, specPathOf } from './spec.ts';
export { DEFAULT_USERS_PATH } from './accounts.ts';
export { DEFAULT_CORS_ORIGINS, siteOrigins } from './cors.ts';
export { DEFAULT_STATE_LIMITS } from './limits.ts';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** node:http's timeouts, in milliseconds. */
export interface Timeouts {
  /** From a connection's (or keep-alive request's) first byte to the end of its request headers. */
  headersMs: number;
  /** From the first byte to the end of the whole request, body included. */
  requestMs: number;
  /** How long an idle keep-alive connection stays open after a response. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** One spec to serve alone; default: every API's spec of `release` (spec/<api>/openapi.yaml by default). */
  specPath?: string;
  /**
   * A release of spec/releases.yaml: its specs (spec/<api>/releases/<release>/openapi.yaml), the users file's
   * privileges renamed as that release's spec names them. Default: the default release.
   */
  release?: string;
  usersPath?: string;
  /** Largest accepted request body in bytes; larger ones get 413. */
  bodyLimit?: number;
  /** Where the per-request lines go (default: stdout); false for none. */
  log?: Log | false;
  /**
   * The hand-written implementations by API, instead of its profile's. A spec is the API its base path ends
   * with (/api/v3/onezone → onezone).
   */
  implementations?: Readonly<Partial<Record<string, Registry>>>;
  /** The state's byte budget, per-user quotas and token TTL; each one missing takes its default. */
  state?: Partial<StateLimits>;
  /** Each one missing takes its default (DEFAULT_TIMEOUTS). */
  timeouts?: Partial<Timeouts>;
  /**
   * The origins (scheme://host[:port]) browsers may call from; ['*'] for any (then without credentials); []
   * for none. Default: the documentation portal of `npm start`, DEFAULT_CORS_ORIGINS.
   */
  corsOrigins?: readonly string[];
}

export interface RunningServer {
  /** The first API's base URL, e.g. http://127.0.0.1:8080/api/v3/onezone (the only one with `specPath`). */
  url: string;
  /** Each served API's base URL by API name (onezone, onepanel, oneprovider, luma), in serve order. */
  urls: Record<string, string>;
  /** What the in-memory state takes now: its bytes against the budget, the invite tokens it remembers. */
  usage(): { bytes: number; budget: number; inviteTokens: number };
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
  const { specs, usersOf, absent } = servedSpecs(options, users);
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const other = seen.get(spec.basePath);
    if (other !== undefined) throw new Error(`${spec.api} and ${other} have the same base path ${spec.basePath}`);
    seen.set(spec.basePath, spec.api);
  }
  const limits: StateLimits = { ...DEFAULT_STATE_LIMITS, ...definedOnly(options.state) };
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...definedOnly(options.timeouts) };
  checkTimeouts(timeouts);
  for (const [name, value] of Object.entries(limits))
    if (!Number.isFinite(value) || value < 0 || (name === 'tokenTtlMs' && value === 0))
      throw new Error(`state limit ${name} must be a number above 0, got ${value}`);
  const cors = corsPolicy(options.corsOrigins ?? DEFAULT_CORS_ORIGINS);
  const budget = new StateBudget(limits.budgetBytes);
  const apps = await Promise.all(
    specs.map((spec) => {
      const profile = profileOf(spec.api) ?? plainProfile(spec.api, spec.basePath);
      const registry = options.implementations?.[spec.api];
      const served: ApiProfile = registry ? { ...profile, implementations: registry } : profile;
      return createApp(spec, usersOf(spec), served, log, { budget, limits });
    }),
  );
  const app = dispatcher(apps, absent);
  let closing: Promise<void> | undefined;
  const listening = { log, cors, draining: () => closing !== undefined };
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // node checks the header and request timeouts every this many ms (default 30 s, far past them).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeouts.headersMs / 10))),
      // Answered by the listener, in the Error shape (node's own 400 has no body).
      requireHostHeader: false,
    },
    requestListener(app, { bodyLimit, ...listening }),
  );
  server.on(
    'clientError',
    answerClientError((error) => app.errorReply(error)),
  );
  server.on('checkExpectation', answerExpectation(app, listening));
  server.on('connect', answerConnect(app, log));
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
    usage: () => ({
      bytes: budget.bytes,
      budget: budget.limit,
      inviteTokens: apps.reduce((n, a) => n + a.inviteTokens(), 0),
    }),
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

/** An API the served release has no spec of: requests under its base path get a 404 saying why. */
interface AbsentApi {
  basePath: string;
  why: string;
}

/** The specs to serve, in their profiles' order; the users file as each one names privileges. */
/** Per served API, the statuses the server can send that its docs do not list (`serve --statuses`). */
export function undocumentedStatusesOf(
  options: Pick<ServerOptions, 'release' | 'specPath'>,
): { api: string; operations: number; gaps: StatusGap[] }[] {
  const users: UsersFile = { users: [], groups: [] };
  return servedSpecs(options, users).specs.map((spec) => ({
    api: spec.api,
    operations: Object.values(spec.document.paths).flatMap((item) => Object.values(item)).length,
    gaps: undocumentedStatuses(spec.document, { roles: profileOf(spec.api)?.roles !== undefined }),
  }));
}

function servedSpecs(
  options: ServerOptions,
  users: UsersFile,
): { specs: LoadedSpec[]; usersOf: (spec: LoadedSpec) => UsersFile; absent: AbsentApi[] } {
  if (options.specPath) return { specs: [loadSpec(options.specPath)], usersOf: () => users, absent: [] };
  if (options.release === undefined)
    return { specs: API_NAMES.map((api) => loadSpec(specPathOf(api))), usersOf: () => users, absent: [] };
  const release = releaseSpecs(options.release);
  const order = (api: string) => profileOf(api)?.serveOrder ?? Number.MAX_SAFE_INTEGER;
  const entries = [...release.specs].sort((a, b) => order(a.api) - order(b.api));
  const specs = entries.map((entry) => loadSpec(entry.path));
  const renamed = new Map(
    specs.map((spec, i) => {
      const { path, defaultPath } = entries[i]!;
      if (release.isDefault || path === defaultPath) return [spec, users];
      const renames = privilegeRenames(loadSpec(defaultPath).document, spec.document);
      return [spec, renamePrivileges(users, renames)];
    }),
  );
  const absent = release.missing.flatMap(({ api, reason }) => {
    const basePath = profileOf(api)?.basePath;
    return basePath ? [{ basePath, why: `${api} has no ${release.release} spec: ${reason}` }] : [];
  });
  return { specs, usersOf: (spec) => renamed.get(spec) ?? users, absent };
}

/**
 * The apps behind one listener: a request goes to the API whose base path its path starts with (the longest
 * one); a path outside every base path is a 404 in the first API's Error shape, like its errors outside any
 * operation (413, malformed HTTP), saying why when the release lacks the API of that path.
 */
function dispatcher(apps: App[], absent: readonly AbsentApi[]): Pick<App, 'handle' | 'errorReply' | 'methodsAt'> {
  const first = apps[0]!;
  if (apps.length === 1 && absent.length === 0) return first;
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
      const path = request.url.split('?')[0]!;
      const missing = absent.find(({ basePath }) => path === basePath || path.startsWith(`${basePath}/`));
      return first.errorReply(
        new HttpError(404, 'notFound', 'path', `No operation at ${path}: ${missing?.why ?? 'no API is served there.'}`),
      );
    },
    errorReply: (error, url) => (url === undefined ? first : (owner(url) ?? first)).errorReply(error),
    methodsAt: (url) => owner(url)?.methodsAt(url),
  };
}

/** The options given, without the ones set to undefined (which would hide the defaults in a spread). */
function definedOnly<T extends object>(values: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** node refuses a header timeout longer than the request timeout with a cryptic range error: say it plainly. */
function checkTimeouts({ headersMs, requestMs, keepAliveMs }: Timeouts): void {
  for (const [name, ms] of Object.entries({ headersMs, requestMs, keepAliveMs }))
    if (!Number.isFinite(ms) || ms <= 0) throw new Error(`the ${name} timeout must be above 0 ms, got ${ms}`);
  if (headersMs > requestMs)
    throw new Error(`the header timeout (${headersMs} ms) must not exceed the request timeout (${requestMs} ms)`);
}
