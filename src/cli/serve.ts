// npm run serve [-- --port 8080] [--host 127.0.0.1] [--release <name>] [--spec <file>] [--users <file>]
//   [--body-limit <bytes>] [--state-budget <bytes>] [--spaces-per-user <n>] [--tokens-per-user <n>]
//   [--token-ttl <seconds>] [--headers-timeout <s>] [--request-timeout <s>] [--keep-alive-timeout <s>]
//   [--cors-origin <origins>]
// Serves Onedata's APIs (spec/<api>/openapi.yaml, each under its base path; with --release that release's specs)
// on one node:http server, or one spec alone with --spec, until SIGINT/SIGTERM/SIGHUP or until npm is gone
// (lifecycle.ts); then lets requests in flight finish and exits.
import { relative, resolve } from 'node:path';
import {
  DEFAULT_BODY_LIMIT,
  DEFAULT_CORS_ORIGINS,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_STATE_LIMITS,
  DEFAULT_TIMEOUTS,
  DEFAULT_USERS_PATH,
  startServer,
  undocumentedStatusesOf,
} from '../server/index.ts';
import { checkOrigin } from '../server/cors.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { byteCount, existingFile, type Parser, parseCommand, port, positiveNumber, UsageError } from './args.ts';
import { stopOnSignals } from './lifecycle.ts';
import { releaseOption } from './release-option.ts';

const seconds = positiveNumber({ integer: false });
const count = positiveNumber({ integer: true });

/** Comma-separated origins (scheme://host[:port]), `*` for any, or `none`. */
const origins: Parser<string[]> = (raw, label) => {
  if (raw.trim() === 'none') return [];
  const list = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  try {
    list.forEach(checkOrigin);
  } catch (error) {
    throw new UsageError(`${label}: ${(error as Error).message}`);
  }
  if (list.length === 0) throw new UsageError(`${label} needs an origin, '*' or 'none'`);
  if (list.includes('*') && list.length > 1) throw new UsageError(`${label}: '*' cannot be combined with origins`);
  return list;
};

const usage =
  'usage: npm run serve -- [--port 8080] [--host 127.0.0.1] [--release name] [--spec file] [--users file]\n' +
  '         [--body-limit bytes] [--state-budget bytes] [--spaces-per-user n] [--tokens-per-user n]\n' +
  '         [--token-ttl seconds] [--headers-timeout s] [--request-timeout s] [--keep-alive-timeout s]\n' +
  '         [--cors-origin origins] [--statuses]';

const { values } = parseCommand({
  name: 'serve',
  usage,
  summary:
    "Serves Onedata's APIs of one release under their base paths (or one spec alone with --spec) on node:http until " +
    'SIGINT/SIGTERM/SIGHUP, then lets requests in flight finish and exits.',
  options: {
    port: { type: 'string', default: String(DEFAULT_PORT), parse: port, help: 'port to listen on; 0: any free one' },
    host: { type: 'string', default: DEFAULT_HOST, help: 'address to listen on' },
    release: releaseOption(
      "the release to serve: each API's spec/<api>/releases/<release>/openapi.yaml, the users' privileges " +
        'as it names them',
    ),
    spec: {
      type: 'string',
      value: 'file',
      defaultText: "every API's spec of the release",
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
    'state-budget': {
      type: 'string',
      value: 'bytes',
      default: String(DEFAULT_STATE_LIMITS.budgetBytes),
      defaultText: `${DEFAULT_STATE_LIMITS.budgetBytes} = 64 MiB`,
      parse: byteCount,
      help: 'bytes the in-memory state of all APIs may take; past it, storing more is a 507',
    },
    'spaces-per-user': {
      type: 'string',
      value: 'n',
      default: String(DEFAULT_STATE_LIMITS.spacesPerUser),
      parse: count,
      help: 'spaces one user may create; more is a 429',
    },
    'tokens-per-user': {
      type: 'string',
      value: 'n',
      default: String(DEFAULT_STATE_LIMITS.tokensPerUser),
      parse: count,
      help: 'unexpired invite tokens one user may have issued; more is a 429',
    },
    'token-ttl': {
      type: 'string',
      value: 'seconds',
      default: String(DEFAULT_STATE_LIMITS.tokenTtlMs / 1000),
      defaultText: `${DEFAULT_STATE_LIMITS.tokenTtlMs / 1000} = 24 h`,
      parse: seconds,
      help: 'how long an invite token stays valid; then it is forgotten, spent or not',
    },
    'headers-timeout': {
      type: 'string',
      value: 's',
      default: String(DEFAULT_TIMEOUTS.headersMs / 1000),
      parse: seconds,
      help: 'time to receive the request headers; then a 408 and the connection is closed',
    },
    'request-timeout': {
      type: 'string',
      value: 's',
      default: String(DEFAULT_TIMEOUTS.requestMs / 1000),
      parse: seconds,
      help: 'time to receive the whole request, body included; then a 408',
    },
    'keep-alive-timeout': {
      type: 'string',
      value: 's',
      default: String(DEFAULT_TIMEOUTS.keepAliveMs / 1000),
      parse: seconds,
      help: 'how long an idle keep-alive connection stays open',
    },
    'cors-origin': {
      type: 'string',
      value: 'origins',
      default: DEFAULT_CORS_ORIGINS.join(','),
      parse: origins,
      help: "comma-separated origins browsers may call from; '*' for any (no credentials), 'none' for no CORS",
    },
    statuses: {
      type: 'boolean',
      help: 'print, per API, the statuses the server can send that the docs do not list, and exit',
    },
  },
});

if (values.statuses) {
  const options = {
    ...(values.spec !== undefined && { specPath: resolve(values.spec) }),
    ...(values.release !== undefined && { release: values.release }),
  };
  for (const { api, operations, gaps } of undocumentedStatusesOf(options)) {
    console.log(`${api} (${operations} operations): statuses the server can send that the docs do not list`);
    for (const { status, why, operations: ops } of gaps)
      console.log(`  ${status}  ${ops.length === operations ? 'every operation' : `${ops.length} operations`}: ${why}`);
  }
  process.exit(0);
}

if (values['headers-timeout'] > values['request-timeout']) {
  process.stderr.write(
    `serve: --headers-timeout (${values['headers-timeout']}) must not exceed ` +
      `--request-timeout (${values['request-timeout']})\n${usage}\n`,
  );
  process.exit(2);
}

const server = await startServer({
  port: values.port,
  host: values.host,
  ...(values.spec !== undefined && { specPath: resolve(values.spec) }),
  ...(values.release !== undefined && { release: values.release }),
  usersPath: resolve(values.users),
  bodyLimit: values['body-limit'],
  state: {
    budgetBytes: values['state-budget'],
    spacesPerUser: values['spaces-per-user'],
    tokensPerUser: values['tokens-per-user'],
    tokenTtlMs: values['token-ttl'] * 1000,
  },
  timeouts: {
    headersMs: values['headers-timeout'] * 1000,
    requestMs: values['request-timeout'] * 1000,
    keepAliveMs: values['keep-alive-timeout'] * 1000,
  },
  corsOrigins: values['cors-origin'],
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
const served = Object.entries(server.urls).map(([api, url]) => `${api} at ${url}`);
const what = values.spec ?? `the APIs of ${values.release ?? 'the default release'}`;
console.log(`serving ${what}: ${served.join(', ')} (users from ${values.users}); Ctrl-C stops`);

stopOnSignals('serve', async () => {
  await server.close();
  console.log('stopped');
});

function fail(message: string): never {
  console.error(`serve: ${message}`);
  process.exit(1);
}
