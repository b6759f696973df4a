// npm start [-- --port 8080] [--site-port 8000] [--release <name>] [--mock] [--mock-port 4010] [--host 127.0.0.1]
// The main job: rebuild everything (sync), then serve the documentation site (every release), the validating
// server of the four APIs (of one release: the default, or --release) and, with --mock, one Prism per API; print
// the URLs; stop all of them cleanly on Ctrl-C.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { syncProject } from '../sync/write.ts';
import { DEFAULT_HOST, DEFAULT_PORT, siteOrigins, startServer } from '../server/index.ts';
import { serveStatic } from '../static/server.ts';
import { DEFAULT_MOCK_PORT, startMock } from '../mock/prism.ts';
import { PROFILES } from '../apis/registry.ts';
import { releaseSpecs } from '../server/releases.ts';
import { releaseOption } from './release-option.ts';
import { fixedPort, parseCommand, port } from './args.ts';
import { stopOnSignals } from './lifecycle.ts';

// Every value is checked here, before the sync: a typo costs no rebuild.
const { values } = parseCommand({
  name: 'start',
  usage:
    'usage: npm start -- [--port 8080] [--site-port 8000] [--release name] [--mock] [--mock-port 4010] ' +
    '[--host 127.0.0.1]',
  summary:
    'Rebuilds everything (sync), then serves the documentation site, the validating server and, with --mock, ' +
    'Prism; Ctrl-C stops them all.',
  options: {
    port: { type: 'string', default: String(DEFAULT_PORT), parse: port, help: 'port of the validating server' },
    'site-port': {
      type: 'string',
      value: 'port',
      default: '8000',
      parse: port,
      help: 'port of the documentation site',
    },
    release: releaseOption('the release the server and the mocks answer as (the site shows every release)'),
    mock: { type: 'boolean', help: "also run Prism's mock of each API, on ports from --mock-port up" },
    'mock-port': {
      type: 'string',
      value: 'port',
      default: String(DEFAULT_MOCK_PORT),
      parse: fixedPort,
      help: "port of the first API's Prism mock (the others keep their profiles' distances from it)",
    },
    host: { type: 'string', default: DEFAULT_HOST, help: 'address all of them listen on' },
  },
});

const synced = await syncProject(PROJECT_ROOT, (line) => console.log(line));
if (!synced.ok) {
  console.error('start: the docs have hard errors (above); nothing served');
  process.exit(1);
}
console.log(`sync    ${synced.written.length} of ${synced.total} files changed`);

const stops: (() => Promise<void>)[] = [];
try {
  // Each API's mock takes its profile's port, all shifted by --mock-port; the portal's forms call the defaults.
  const mockPortOf = (mockPort: number) => mockPort - DEFAULT_MOCK_PORT + values['mock-port'];
  // The pages' "Try it" forms call the API server, and the mocks when they run.
  const apiPorts = [values.port, ...(values.mock ? PROFILES.map((p) => mockPortOf(p.mockPort)) : [])];
  const connectOrigins = apiPorts.flatMap((p) => siteOrigins(values.host, p));
  const site = await serveStatic(join(PROJECT_ROOT, 'site'), {
    port: values['site-port'],
    host: values.host,
    connectOrigins,
  });
  stops.push(() => site.close());
  console.log(`site    ${site.url}index.html`);
  // The portal's "Try it" forms call the server from the site's origin.
  const corsOrigins = siteOrigins(values.host, values['site-port']);
  const { release } = values;
  const server = await startServer({
    port: values.port,
    host: values.host,
    corsOrigins,
    ...(release !== undefined && { release }),
  });
  stops.push(() => server.close());
  const label = release ?? 'the default release';
  for (const [api, url] of Object.entries(server.urls)) console.log(`server  ${url} (${api}, ${label})`);
  // A release without an API's docs serves and mocks the others.
  const releaseSet = release === undefined ? undefined : releaseSpecs(release);
  for (const { api, reason } of releaseSet?.missing ?? []) console.log(`server  no ${api} in ${release}: ${reason}`);
  const specOf = (api: string) =>
    releaseSet ? releaseSet.specs.find((s) => s.api === api)?.path : join(PROJECT_ROOT, 'spec', api, 'openapi.yaml');
  if (values.mock) {
    const mocked = PROFILES.flatMap((profile) => {
      const specPath = specOf(profile.name);
      return specPath ? [{ profile, specPath }] : [];
    });
    const mocks = await Promise.all(
      mocked.map(({ profile, specPath }) =>
        startMock({ port: mockPortOf(profile.mockPort), host: values.host, specPath }).then((mock) => {
          stops.push(() => mock.stop());
          return mock;
        }),
      ),
    );
    for (const [i, mock] of mocks.entries())
      console.log(`mock    ${mock.url} (${mocked[i]!.profile.name}, ${label}: Prism, paths without the base path)`);
  }
  console.log('Ctrl-C stops everything');
} catch (error) {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
}

stopOnSignals('start', stopAll);

async function stopAll(): Promise<void> {
  await Promise.allSettled(stops.reverse().map((stop) => stop()));
}
