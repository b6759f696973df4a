// npm run mock [-- --port 4010] [--host 127.0.0.1] [--spec spec/openapi.yaml]
// Prism's mock of the spec (paths without the base path) until SIGINT/SIGTERM, which stop Prism too.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MOCK_PORT, startMock } from '../mock/prism.ts';
import { DEFAULT_SPEC_PATH } from '../server/spec.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(DEFAULT_MOCK_PORT) },
    host: { type: 'string', default: '127.0.0.1' },
    spec: { type: 'string', default: DEFAULT_SPEC_PATH },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`mock: --port must be a port number, got ${values.port}`);
  process.exit(1);
}

const mock = await startMock({
  port,
  host: values.host,
  specPath: resolve(values.spec),
  onOutput: (chunk) => process.stdout.write(chunk),
}).catch((error: unknown) => {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(`mocking ${values.spec} with Prism at ${mock.url}; Ctrl-C stops`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void mock.stop().then(() => console.log(`${signal}: Prism stopped`));
  });
}
