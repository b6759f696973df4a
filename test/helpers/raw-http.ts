// HTTP requests exactly as written: raw paths (bad percent-encoding included), repeated headers, any body.
import { Agent, request } from 'node:http';

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
