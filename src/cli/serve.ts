// npm run serve [-- --port 8080] [--host 127.0.0.1] [--spec <file>] [--users <file>] [--body-limit <bytes>]
// Serves Onedata's four APIs (spec/<api>/openapi.yaml, each under its base path) on one node:http server, or one
// spec alone with --spec, until SIGINT/SIGTERM; then lets requests in flight finish and exits.
import { relative, resolve } from 'node:path';
import { DEFAULT_BODY_LIMIT, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_USERS_PATH, startServer } from '../server/index.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { byteCount, existingFile, parseCommand, port } from './args.ts';

const { values } = parseCommand({
  name: 'serve',
  usage: 'usage: npm run serve -- [--port 8080] [--host 127.0.0.1] [--spec file] [--users file] [--body-limit bytes]',
  summary:
    "Serves Onedata's four APIs under their base paths (or one spec alone with --spec) on node:http until " +
    'SIGINT/SIGTERM, then lets requests in flight finish and exits.',
  options: {
    port: { type: 'string', default: String(DEFAULT_PORT), parse: port, help: 'port to listen on; 0: any free one' },
    host: { type: 'string', default: DEFAULT_HOST, help: 'address to listen on' },
    spec: {
      type: 'string',
      value: 'file',
      defaultText: 'the four APIs, spec/<api>/openapi.yaml',
      parse: existingFile,
      help: 'one OpenAPI spec to serve alone',
    },
    users: {
      type: 'string',
      value: 'file',
      default: DEFAULT_USERS_PATH,
      defaultText: relative(PROJECT_ROOT, DEFAULT_USERS_PATH),
      parse: existingFile,
      help: 'the users, their credentials and privileges (YAML)',
    },
    'body-limit': {
      type: 'string',
      value: 'bytes',
      default: String(DEFAULT_BODY_LIMIT),
      parse: byteCount,
      help: 'largest request body accepted; a larger one is a 413',
    },
  },
});

const server = await startServer({
  port: values.port,
  host: values.host,
  ...(values.spec !== undefined && { specPath: resolve(values.spec) }),
  usersPath: resolve(values.users),
  bodyLimit: values['body-limit'],
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
const served = Object.entries(server.urls).map(([api, url]) => `${api} at ${url}`);
console.log(
  `serving ${values.spec ?? 'the four APIs'}: ${served.join(', ')} (users from ${values.users}); Ctrl-C stops`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: finishing requests in flight`);
    server.close().then(
      () => console.log('stopped'),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  });
}

function fail(message: string): never {
  console.error(`serve: ${message}`);
  process.exit(1);
}
