// The static file server of the documentation site (`npm start`, bench:site, the browser tests): GET/HEAD only,
// regular files under `dir` only (symlinks are followed only while they stay inside it; FIFOs, devices, sockets and
// dotfiles answer 404), directories serve their index.html. Binds 127.0.0.1 unless told otherwise.
//
// It shares its process with the validating API server, so nothing here may take the process down or leak:
// - sirv sends the uncompressed bytes (Range, Content-Type, Last-Modified) but pipes a read stream into the
//   response with no error handler and no destroy when the client leaves; the 'pipe' hook below adds both, so an
//   aborted or failed transfer closes its file at once;
// - every request is checked before sirv sees it (path, realpath inside the root, stat: regular file), and sirv
//   runs in its per-request stat mode, so files a later sync writes are served as they are now;
// - conditional requests (If-None-Match lists, If-Modified-Since) and Range validation (suffix ranges, If-Range,
//   malformed or multiple ranges served whole) are answered here, where sirv's are partial;
// - text files are compressed at request time and cached (./compress.ts says why not precompressed);
// - timeouts bound slow or stalled clients, 'clientError' answers malformed requests, any exception in a handler
//   becomes a 500 or a destroyed socket, and 'error' on the listening server is logged, never thrown.
import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { finished, type Readable } from 'node:stream';
import sirv from 'sirv';
import { CompressionCache, MAX_COMPRESS_SIZE, MIN_COMPRESS_SIZE, pickEncoding } from './compress.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|yaml)|image\/svg\+xml)/;

/**
 * The site's pages load only same-origin CSS and JavaScript, a `data:` favicon and search-index.json (fetch), and
 * submit their search form to search.html: nothing inline, nothing from elsewhere. `connect` adds the origins
 * their "Try it" forms may call (the local API server and mocks).
 */
export function pageCsp(connect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
/**
 * Redoc's reference.html: an inline module script holding the spec and hydrating the page, an inline colour-mode
 * script, inline <style> blocks and style attributes (styled-components), `data:` SVG icons and `data:` fonts; the
 * bundle itself is same-origin. No eval: the bundle's Function() uses are fallbacks inside try/catch.
 */
export const REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface StaticServer {
  /** Base URL, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Stops accepting connections at once; open ones may finish for `graceMs`, then they are destroyed. */
  close(): Promise<void>;
}

export interface StaticOptions {
  port?: number;
  host?: string;
  /** How long close() lets open responses finish (default 2 s). */
  graceMs?: number;
  /** Memory for compressed files (default 32 MiB). */
  cacheBytes?: number;
  /** Origins the pages may fetch from besides their own (the API server and mocks their "Try it" calls). */
  connectOrigins?: readonly string[];
}

const ignore = () => {};

export async function serveStatic(
  dir: string,
  { port = 0, host = '127.0.0.1', graceMs = 2000, cacheBytes = 32 * 1024 * 1024, connectOrigins }: StaticOptions = {},
): Promise<StaticServer> {
  const PAGE_CSP = pageCsp(connectOrigins);
  const root = await realpath(resolve(dir));
  const cache = new CompressionCache(cacheBytes);
  let closing: Promise<void> | undefined;
  const send = sirv(root, { dev: true, etag: true, extensions: [], onNoMatch: notFound });

  const server = createServer((req, res) => {
    req.on('error', ignore);
    res.on('error', ignore);
    // Once close() is called, a keep-alive connection is closed as soon as its response is done.
    if (closing) res.setHeader('connection', 'close');
    else res.once('finish', () => closing && setImmediate(() => server.closeIdleConnections()));
    handle(req, res).catch((error: unknown) => {
      console.error(`static: ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const raw = req.url ?? '';
    let url: URL;
    let path: string;
    try {
      if (!raw.startsWith('/')) throw new Error('not origin-form');
      url = new URL(`http://localhost${raw}`);
      path = decodeURIComponent(url.pathname);
      if (path.includes('\0')) throw new Error('NUL in path');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request');
      return;
    }
    // Dotfiles are never part of the site: refuse any segment that starts with a dot (this covers `..` too).
    if (path.split('/').some((segment) => segment.startsWith('.'))) return notFound(req, res);
    let found = await regularFile(resolve(root, `.${path}`));
    if (found === 'directory') {
      if (!url.pathname.endsWith('/')) {
        // Relative links of the index page need the slash; never a protocol-relative `//host` Location.
        res.writeHead(301, { location: `/${url.pathname.replace(/^\/+/, '')}/${url.search}` }).end();
        return;
      }
      found = await regularFile(join(resolve(root, `.${path}`), 'index.html'));
    }
    if (typeof found !== 'object') return notFound(req, res);
    const { file, info } = found;

    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const compressible = COMPRESSIBLE.test(type) && info.size >= MIN_COMPRESS_SIZE && info.size <= MAX_COMPRESS_SIZE;
    const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
    const tag = `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`;
    const ranged = rangeToServe(req, info, `"${tag}"`, lastModified);
    const encoding = compressible && !ranged ? pickEncoding(req.headers['accept-encoding']) : undefined;
    const etag = encoding ? `"${tag}-${encoding}"` : `"${tag}"`;

    res.setHeader('content-type', type);
    res.setHeader('etag', etag);
    res.setHeader('last-modified', lastModified);
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', file.endsWith(`${sep}reference.html`) ? REFERENCE_CSP : PAGE_CSP);
    if (compressible) res.setHeader('vary', 'Accept-Encoding');

    if (notModified(req, etag, info)) {
      res.writeHead(304).end();
      return;
    }
    if (encoding) {
      const body = await cache.get(file, info, encoding).catch(() => undefined);
      if (body) {
        res.writeHead(200, { 'content-encoding': encoding, 'content-length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.setHeader('etag', `"${tag}"`); // the file changed under us: serve what is there now, uncompressed
    }
    if (!ranged) delete req.headers.range;
    else req.headers.range = ranged;
    // sirv pipes a read stream into the response: close it when the response is done, aborted or timed out (even
    // if the client left before sirv opened the file), and end the response when the file fails.
    res.once('pipe', (source: Readable) => {
      source.once('error', () => res.destroy());
      finished(res, () => source.destroy());
    });
    // sirv looks the file up again from req.url: hand it the real path just checked, relative to the real root.
    req.url = `/${relative(root, file).split(sep).map(encodeURIComponent).join('/')}`;
    send(req, res);
  }

  /** The real path and stat of a regular file inside the root, 'directory' for a directory there, else undefined. */
  async function regularFile(candidate: string): Promise<{ file: string; info: Stats } | 'directory' | undefined> {
    if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
    try {
      const file = await realpath(candidate);
      if (file !== root && !file.startsWith(root + sep)) return undefined;
      const info = await stat(file);
      if (info.isDirectory()) return 'directory';
      return info.isFile() ? { file, info } : undefined;
    } catch {
      return undefined;
    }
  }

  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.setTimeout(30_000); // a client that stops reading is cut off (and its file closed) after 30 s of silence
  server.maxHeadersCount = 100;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  server.on('error', (error) => console.error(`static: ${error.message}`));

  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      (closing ??= new Promise<void>((done) => {
        const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
        cutOff.unref();
        server.close(() => {
          clearTimeout(cutOff);
          cache.clear();
          done();
        });
        server.closeIdleConnections();
      })),
  };
}

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end('not found');
}

/** If-None-Match (a list, weak comparison, `*`) wins over If-Modified-Since, as RFC 9110 says. */
function notModified(req: IncomingMessage, etag: string, info: Stats): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined) {
    const bare = (tag: string) => tag.trim().replace(/^W\//, '');
    return match.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(info.mtimeMs / 1000) * 1000 <= since;
}

/**
 * The Range header to hand sirv, normalised to the `bytes=start-end` form it parses, or undefined to serve the
 * whole file: no Range, an If-Range that no longer matches, several ranges, or a malformed one (RFC 9110 lets a
 * server ignore those). A start past the end is passed on: sirv answers 416.
 */
function rangeToServe(req: IncomingMessage, info: Stats, etag: string, lastModified: string): string | undefined {
  const header = req.headers.range;
  if (!header) return undefined;
  const ifRange = req.headers['if-range']?.toString().trim();
  if (ifRange !== undefined && ifRange !== etag && ifRange !== lastModified) return undefined;
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const size = info.size;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return undefined;
    return `bytes=${Math.max(0, size - suffix)}-${size - 1}`;
  }
  const start = Number(m[1]);
  if (start >= size) return `bytes=${start}-`;
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (end < start) return undefined;
  // sirv reads an end of 0 as "to the end of the file": `bytes=0-0` then gets the whole file as a valid 206.
  return `bytes=${start}-${end}`;
}
