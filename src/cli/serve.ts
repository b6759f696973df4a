// npm run serve [-- --port 8080] [--host 127.0.0.1] [--spec spec/openapi.yaml] [--users <file>] [--body-limit <bytes>]
// Serves the spec on node:http until SIGINT/SIGTERM, then lets requests in flight finish and exits.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_BODY_LIMIT,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SPEC_PATH,
  DEFAULT_USERS_PATH,
  startServer,
} from '../server/index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(DEFAULT_PORT) },
    host: { type: 'string', default: DEFAULT_HOST },
    spec: { type: 'string', default: DEFAULT_SPEC_PATH },
    users: { type: 'string', default: DEFAULT_USERS_PATH },
    'body-limit': { type: 'string', default: String(DEFAULT_BODY_LIMIT) },
  },
});
const port = Number(values.port);
const bodyLimit = Number(values['body-limit']);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got ${values.port}`);
if (!Number.isInteger(bodyLimit) || bodyLimit < 0)
  fail(`--body-limit must be a number of bytes, got ${values['body-limit']}`);

const server = await startServer({
  port,
  host: values.host,
  specPath: resolve(values.spec),
  usersPath: resolve(values.users),
  bodyLimit,
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
console.log(`serving ${values.spec} at ${server.url} (users from ${values.users}); Ctrl-C stops`);

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
