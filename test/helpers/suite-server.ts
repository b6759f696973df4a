// One in-process server for a test file: started before its tests on a free 127.0.0.1 port, stopped after them
// (with the raw-request agent's sockets), its API URLs read once it is up.
import { after, before } from 'node:test';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index.ts';
import { closeRawAgent } from './raw-http.ts';

export interface SuiteServer {
  readonly server: RunningServer;
  /** The base URL of one API, e.g. url('luma') → http://127.0.0.1:<port>/api/v3/luma. */
  url(api: string): string;
}

export function suiteServer(options: Omit<ServerOptions, 'port' | 'log'> = {}): SuiteServer {
  let running: RunningServer | undefined;
  before(async () => {
    running = await startServer({ ...options, port: 0, log: false });
  });
  after(async () => {
    closeRawAgent();
    await running?.close();
  });
  const server = () => {
    if (!running) throw new Error('the suite server is started before the tests run');
    return running;
  };
  return {
    get server() {
      return server();
    },
    url: (api) => server().urls[api]!,
  };
}
