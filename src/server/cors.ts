// CORS, so the documentation portal's "try it" forms (served by `npm start` on another port, by default
// http://127.0.0.1:8000) can call the server from the browser. A request from an allowed origin gets
// Access-Control-Allow-Origin (that origin, with Access-Control-Allow-Credentials; or `*` when every origin is
// allowed, never with credentials) and Access-Control-Expose-Headers; a preflight (OPTIONS with
// Access-Control-Request-Method) is answered 204 with the methods of the operations at its path and the request
// headers the APIs take. Requests without Origin (curl, the clients) are untouched but for `Vary: Origin`.
import { STUB_HEADER } from '../openapi/stub-reply.ts';

/** What the portal is served on by `npm start` (its default --site-port), under both local names. */
export const DEFAULT_CORS_ORIGINS: readonly string[] = ['http://127.0.0.1:8000', 'http://localhost:8000'];

const ALLOWED_HEADERS = 'Authorization, X-Auth-Token, Content-Type';
const EXPOSED_HEADERS = `Location, ${STUB_HEADER.replace(/\b[a-z]/g, (c) => c.toUpperCase())}`;
/** How long a browser may cache a preflight's answer, in seconds. */
const MAX_AGE = '600';

/** The origins a portal served on `port` of `host` calls from (both local names when it is a loopback address). */
export function siteOrigins(host: string, port: number): string[] {
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const hosts = loopback ? ['127.0.0.1', 'localhost'] : [host.includes(':') ? `[${host}]` : host];
  return hosts.map((name) => `http://${name}:${port}`);
}

/** An origin as a browser sends it (scheme://host[:port]), or `*`; throws a message for anything else. */
export function checkOrigin(raw: string): string {
  if (raw === '*') return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`'${raw}' is not an origin (scheme://host[:port])`);
  }
  if (url.origin === 'null' || url.origin !== raw)
    throw new Error(`'${raw}' is not an origin (scheme://host[:port], no path or trailing slash)`);
  return raw;
}

export interface CorsPolicy {
  /** Headers for every response to a request with this Origin header (none when it is not allowed). */
  headersFor(origin: string | undefined): Record<string, string> | undefined;
  /** Headers of a preflight's 204 for an allowed origin, given the methods at the path. */
  preflightHeaders(origin: string, methods: readonly string[]): Record<string, string>;
  /** True when the origin may call. */
  allows(origin: string): boolean;
}

export function corsPolicy(origins: readonly string[]): CorsPolicy {
  const any = origins.includes('*');
  const allowed = new Set(origins.map(checkOrigin));
  if (any && allowed.size > 1) throw new Error("the CORS origin '*' cannot be combined with other origins");
  const allows = (origin: string) => any || allowed.has(origin);
  // A list of origins answers each one with its own name: caches must key on Origin. `*` answers the same to all.
  const none = allowed.size === 0 || any ? undefined : { Vary: 'Origin' };
  const toAny = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
  // One object per allowed origin, made once (the list is fixed, so this map is bounded).
  const forOrigin = new Map(
    [...allowed].map((origin) => [
      origin,
      {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': EXPOSED_HEADERS,
        Vary: 'Origin',
      },
    ]),
  );
  const headersOf = (origin: string): Record<string, string> => (any ? toAny : forOrigin.get(origin)!);
  return {
    allows,
    headersFor: (origin) => (origin !== undefined && allows(origin) ? headersOf(origin) : none),
    preflightHeaders: (origin, methods) => ({
      ...headersOf(origin),
      'Access-Control-Allow-Methods': methods.join(', '),
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': MAX_AGE,
    }),
  };
}
