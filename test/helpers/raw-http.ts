// HTTP requests exactly as written: raw paths (bad percent-encoding included), repeated headers, any body.
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RawRequest {
  method: string;
  /** Full URL; its path is sent as is. */
  url: string;
  /** A string[] value sends the header once per element. */
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

export function rawRequest({ method, url, headers = {}, body }: RawRequest): Promise<RawResponse> {
  const { hostname, port, pathname, search } = new URL(url);
  // URL() normalises percent-encoding; the path is cut from the original string instead.
  const path = url.slice(url.indexOf('/', url.indexOf('//') + 2)) || `${pathname}${search}`;
  // Framed explicitly: node sends a HEAD or DELETE body unframed otherwise.
  const framed = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = request({ method, hostname, port, path, headers: framed, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function closeRawAgent(): void {
  agent.destroy();
}

export interface RawExchange extends RawResponse {
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number;
}

/**
 * Sends `text` over a fresh TCP connection as is (no Host or framing added): `firstBytes` of it at once, then
 * `bytesPerStep` bytes every `stepMs` (all at once by default), and reads until the server closes the connection; the response is parsed from what
 * came back (status 0 when nothing did). Gives up, destroying the socket, after `timeoutMs`.
 */
export function rawExchange(
  url: string,
  text: string,
  {
    firstBytes,
    bytesPerStep = Infinity,
    stepMs = 0,
    timeoutMs = 15_000,
  }: { firstBytes?: number; bytesPerStep?: number; stepMs?: number; timeoutMs?: number } = {},
): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server did not close the connection within ${timeoutMs} ms`));
    }, timeoutMs);
    const step = () => {
      if (sent >= text.length || socket.destroyed) return;
      const chunk = text.slice(sent, sent + (sent === 0 && firstBytes !== undefined ? firstBytes : bytesPerStep));
      sent += chunk.length;
      socket.write(chunk);
      if (sent < text.length) timer = setTimeout(step, stepMs);
    };
    socket.once('connect', step);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    // The server may reset a connection it answered while the client was still writing.
    socket.on('error', () => {});
    socket.once('close', () => {
      clearTimeout(timer);
      clearTimeout(giveUp);
      resolve({
        ...parseResponse(Buffer.concat(received).toString('utf8')),
        closedAfterMs: performance.now() - started,
      });
    });
  });
}

function parseResponse(raw: string): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (!raw.startsWith('HTTP/') || end < 0) return { status: 0, headers: {}, text: raw };
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, text: raw.slice(end + 4) };
}
