// npm start [-- --port 8080] [--site-port 8000] [--mock] [--mock-port 4010] [--host 127.0.0.1]
// The main job: rebuild everything (sync), then serve the documentation site, the validating server and, with
// --mock, Prism; print the URLs; stop all of them cleanly on Ctrl-C.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../paths.ts';
import { syncProject } from '../sync/write.ts';
import { startServer } from '../server/index.ts';
import { serveStatic } from '../site/static-server.ts';
import { DEFAULT_MOCK_PORT, startMock } from '../mock/prism.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    'site-port': { type: 'string', default: '8000' },
    mock: { type: 'boolean', default: false },
    'mock-port': { type: 'string', default: String(DEFAULT_MOCK_PORT) },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const port = (name: 'port' | 'site-port' | 'mock-port'): number => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`start: --${name} must be a port number, got ${values[name]}`);
    process.exit(2);
  }
  return n;
};

const synced = await syncProject(PROJECT_ROOT, undefined, (line) => console.log(line));
if (!synced.ok) {
  console.error('start: the docs have hard errors (above); nothing served');
  process.exit(1);
}
console.log(`sync    ${synced.written.length} of ${synced.total} files changed`);

const stops: (() => Promise<void>)[] = [];
try {
  const site = await serveStatic(join(PROJECT_ROOT, 'site'), { port: port('site-port'), host: values.host });
  stops.push(() => site.close());
  console.log(`site    ${site.url}index.html (reference: ${site.url}reference.html)`);
  const server = await startServer({ port: port('port'), host: values.host });
  stops.push(() => server.close());
  console.log(`server  ${server.url}`);
  if (values.mock) {
    const mock = await startMock({ port: port('mock-port'), host: values.host });
    stops.push(() => mock.stop());
    console.log(`mock    ${mock.url} (Prism; paths without the base path)`);
  }
  console.log('Ctrl-C stops everything');
} catch (error) {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void stopAll().then(() => console.log('stopped')));

async function stopAll(): Promise<void> {
  await Promise.allSettled(stops.reverse().map((stop) => stop()));
}
