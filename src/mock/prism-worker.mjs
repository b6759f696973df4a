// Prism's mock server in a process of its own, so that a fault inside Prism cannot take the toolkit's server down.
// Started by src/mock/prism.ts with its options as JSON in argv[2]; built through Prism's Node API (the same calls
// as Prism's CLI: operations from the spec, then prism-http-server), and reports over IPC: {listening: url} once it
// listens, {error: message} if it cannot start. Exits when its parent goes (IPC closed) or on SIGTERM/SIGINT/SIGHUP.
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';

const require = createRequire(import.meta.url);
const { createLogger } = require('@stoplight/prism-core');
const { getHttpOperationsFromSpec } = require('@stoplight/prism-http');
const { createServer } = require('@stoplight/prism-http-server');

const options = JSON.parse(process.argv[2] ?? '{}');

/** Prism's log records (pino JSON lines) as `[HTTP SERVER] message` lines on stdout. */
const logLines = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n')) {
      if (!line) continue;
      try {
        const record = JSON.parse(line);
        process.stdout.write(`[${record.name}] ${record.msg}\n`);
      } catch {
        process.stdout.write(`${line}\n`);
      }
    }
    done();
  },
});

async function start() {
  const operations = await getHttpOperationsFromSpec(options.specPath);
  if (operations.length === 0) throw new Error(`${options.specPath} holds no operation to mock`);
  const logger = createLogger('PRISM', { level: 'info' }, logLines);
  const server = createServer(operations, {
    cors: options.cors,
    config: {
      isProxy: false,
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: options.errors,
      upstreamProxy: undefined,
      mock: { dynamic: options.dynamic, ignoreExamples: options.ignoreExamples, seed: options.seed },
    },
    components: { logger: logger.child({ name: 'HTTP SERVER' }) },
  });
  const url = await server.listen(options.port, options.host);
  const stop = () => server.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('SIGHUP', stop);
  process.once('disconnect', stop);
  process.send?.({ listening: url });
}

start().catch((error) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
});
