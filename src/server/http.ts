// node:http around the app: reads the body up to the limit (413), writes replies as JSON, logs one line per
// request and answers unparseable HTTP with a JSON error instead of node's plain-text one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Reply } from '../openapi/stub-reply.ts';
import type { App } from './app.ts';
import type { Log } from './log.ts';
import { HttpError } from './errors.ts';

export interface ListenerOptions {
  bodyLimit: number;
  log: Log;
  /** True once the server is closing: replies then close their connection instead of keeping it alive. */
  draining: () => boolean;
}

export function requestListener(
  app: Pick<App, 'handle' | 'errorReply'>,
  { bodyLimit, log, draining }: ListenerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const finish = (reply: Reply) => {
      // After a 413 the unread body bytes would be taken for the next request on this connection.
      send(res, reply, draining() || reply.status === 413);
      log(
        `${req.method} ${(req.url ?? '').split('?')[0]} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`,
      );
    };
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

function send(res: ServerResponse, reply: Reply, closeConnection: boolean): void {
  const payload = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  const headers: Record<string, string | number> = {
    ...reply.headers,
    'content-length': payload === undefined ? 0 : Buffer.byteLength(payload),
  };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (closeConnection) headers.connection = 'close';
  res.writeHead(reply.status, headers).end(payload);
}

/** node's 'clientError' handler: malformed HTTP gets a JSON error (400, or 431 for oversized headers). */
export function answerClientError(
  errorReply: (error: HttpError) => Reply,
): (error: NodeJS.ErrnoException, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const reply = errorReply(
      new HttpError(
        tooLarge ? 431 : 400,
        'badMessage',
        'request',
        tooLarge ? 'The request headers are too large.' : 'The request is not valid HTTP.',
      ),
    );
    const payload = JSON.stringify(reply.body);
    socket.end(
      `HTTP/1.1 ${reply.status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
    );
  };
}
