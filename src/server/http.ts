// node:http around the app: reads the body up to the limit (413), writes replies as JSON (or a stub's documented
// media type) with the CORS headers, answers CORS preflights, logs one line per request, and answers what node
// would answer itself in its own plain-text or empty way in the API's Error shape instead: unparseable HTTP (400),
// oversized headers (431), timeouts (408), an HTTP/1.1 request without Host (400), an Expect other than
// 100-continue (417), CONNECT (405).
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Reply } from '../openapi/stub-reply.ts';
import type { App } from './app.ts';
import type { CorsPolicy } from './cors.ts';
import type { Log } from './log.ts';
import { HttpError } from './errors.ts';

type Served = Pick<App, 'handle' | 'errorReply' | 'methodsAt'>;

export interface ListenerOptions {
  bodyLimit: number;
  log: Log;
  cors: CorsPolicy;
  /** True once the server is closing: replies then close their connection instead of keeping it alive. */
  draining: () => boolean;
}

/** Answers `req` with `reply` (plus the CORS headers its Origin gets) and logs the line. */
function replier(
  req: IncomingMessage,
  res: ServerResponse,
  { log, cors, draining }: Pick<ListenerOptions, 'log' | 'cors' | 'draining'>,
): (reply: Reply, close?: boolean) => void {
  const started = performance.now();
  return (reply, close = false) => {
    // After a 413 the unread body bytes would be taken for the next request on this connection.
    send(res, reply, close || draining() || reply.status === 413, cors.headersFor(req.headers.origin));
    log(`${req.method} ${pathOf(req.url ?? '')} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`);
  };
}

/** The URL without its query string, for the log. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

export function requestListener(
  app: Served,
  options: ListenerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { bodyLimit, cors } = options;
  return (req, res) => {
    const finish = replier(req, res, options);
    // node answers this itself with an empty 400 unless told not to (requireHostHeader: false).
    if (req.headers.host === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
      req.resume();
      finish(
        app.errorReply(
          new HttpError(400, 'badMessage', 'Host', 'An HTTP/1.1 request must carry a Host header.'),
          req.url,
        ),
        true,
      );
      return;
    }
    const origin = req.headers.origin;
    if (
      req.method === 'OPTIONS' &&
      origin !== undefined &&
      req.headers['access-control-request-method'] !== undefined
    ) {
      req.resume();
      finish(preflight(app, cors, origin, req.url ?? '/'));
      return;
    }
    const respond = (body: string | undefined) => {
      let reply: Reply;
      try {
        reply = app.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
      } catch (error) {
        reply = app.errorReply(error, req.url);
      }
      finish(reply);
    };
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      req.resume();
      respond(undefined);
      return;
    }
    readBody(req, bodyLimit).then(respond, (error: unknown) => {
      if (!(error instanceof ClientGone)) finish(app.errorReply(error, req.url));
    });
  };
}

/** The client went away before its request was complete; there is nobody to answer. */
class ClientGone extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const tooLarge = () =>
    new HttpError(413, 'payloadTooLarge', 'requestBody', `The request body exceeds the limit of ${limit} bytes.`);
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        // Stop keeping the body but let it flow, so the 413 can be written.
        req.removeAllListeners('data').resume();
        reject(tooLarge());
      }
    });
    req.once('end', () => resolve(size ? Buffer.concat(chunks).toString('utf8') : undefined));
    req.once('error', () => reject(new ClientGone()));
    req.once('close', () => reject(new ClientGone()));
  });
}

/** A CORS preflight: 204 with the methods at the path for an allowed origin; 403, or 404 for no operation. */
function preflight(app: Served, cors: CorsPolicy, origin: string, url: string): Reply {
  if (!cors.allows(origin))
    return app.errorReply(
      new HttpError(403, 'forbidden', 'Origin', `Requests from ${origin} are not allowed (see --cors-origin).`),
      url,
    );
  const methods = app.methodsAt(url);
  if (!methods)
    return app.errorReply(new HttpError(404, 'notFound', 'path', `No operation at ${url.split('?')[0]}.`), url);
  return { status: 204, headers: cors.preflightHeaders(origin, methods) };
}

function send(
  res: ServerResponse,
  reply: Reply,
  closeConnection: boolean,
  corsHeaders: Record<string, string> | undefined,
): void {
  // A stub in a documented non-JSON media type names it; its string body goes as it is.
  const type = reply.headers?.['content-type'];
  const payload =
    reply.body === undefined
      ? undefined
      : type !== undefined && typeof reply.body === 'string'
        ? reply.body
        : JSON.stringify(reply.body);
  // Header by header rather than one merged object for writeHead: a hot path of every request (bench/README.md).
  for (const name in corsHeaders) res.setHeader(name, corsHeaders[name]!);
  for (const name in reply.headers) res.setHeader(name, reply.headers[name]!);
  res.setHeader('content-length', payload === undefined ? 0 : Buffer.byteLength(payload));
  if (payload !== undefined && type === undefined) res.setHeader('content-type', 'application/json');
  if (closeConnection) res.setHeader('connection', 'close');
  res.writeHead(reply.status).end(payload);
}

/** node's 'checkExpectation' handler: an Expect header other than 100-continue is a 417 in the Error shape. */
export function answerExpectation(
  app: Served,
  options: Pick<ListenerOptions, 'log' | 'cors' | 'draining'>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    req.resume();
    const expect = String(req.headers.expect).slice(0, 100);
    replier(
      req,
      res,
      options,
    )(
      app.errorReply(
        new HttpError(417, 'expectationFailed', 'Expect', `Expect: ${expect} is not supported; only 100-continue is.`),
        req.url,
      ),
      true,
    );
  };
}

/** What node's parser errors and timeouts are answered with. */
function clientErrorOf(error: NodeJS.ErrnoException): HttpError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpError(408, 'requestTimeout', 'request', 'The request was not received in time.');
    case 'HPE_HEADER_OVERFLOW':
      return new HttpError(431, 'badMessage', 'request', 'The request headers are too large.');
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new HttpError(413, 'payloadTooLarge', 'requestBody', 'The chunk extensions are too large.');
    default:
      return new HttpError(400, 'badMessage', 'request', 'The request is not valid HTTP.');
  }
}

/**
 * node's 'clientError' handler: malformed HTTP gets a JSON error (400, or 431 for oversized headers) and a
 * request not received within the header or request timeout a 408, then the connection is closed.
 */
export function answerClientError(
  errorReply: (error: HttpError) => Reply,
): (error: NodeJS.ErrnoException, socket: Socket) => void {
  return (error, socket) => {
    const response = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(rawReply(errorReply(clientErrorOf(error))));
  };
}

/**
 * node's 'connect' handler: CONNECT asks for a tunnel, which no operation offers; node would drop the socket
 * without a word. It gets a 405 in the Error shape, its Allow naming the methods at that target (empty for none).
 */
export function answerConnect(app: Served, log: Log): (req: IncomingMessage, socket: Duplex) => void {
  return (req, socket) => {
    const url = req.url ?? '';
    const allow = (app.methodsAt(url) ?? []).join(', ');
    const why = `CONNECT is not supported; allowed: ${allow || 'none'}.`;
    const error = new HttpError(405, 'notSupported', 'method', why, { Allow: allow });
    socket.on('error', () => socket.destroy());
    socket.end(rawReply(app.errorReply(error, url)));
    log(`CONNECT ${pathOf(url)} 405`);
  };
}

/** A reply written straight to a socket that has no ServerResponse, closing the connection. */
function rawReply(reply: Reply): string {
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
  const head = [
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}`,
    ...Object.entries(reply.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    ...(payload ? ['Content-Type: application/json'] : []),
    `Content-Length: ${Buffer.byteLength(payload)}`,
    'Connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${payload}`;
}
