// npm run mock [-- --api onezone] [--release 17.06.0-rc8] [--port 4010] [--host 127.0.0.1] [--spec file]
//   [--dynamic] [--errors] [--ignore-examples] [--seed text] [--no-cors]
// Prism's mock of one API's spec at one release (paths without the base path) until SIGINT/SIGTERM/SIGHUP, which
// stop Prism too.
import { relative, resolve } from 'node:path';
import { API_NAMES } from '../apis/registry.ts';
import { DEFAULT_MOCK_PORT, startMock } from '../mock/prism.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { releaseOption, specOfRelease } from './release-option.ts';
import { existingFile, fixedPort, parseCommand, UsageError } from './args.ts';
import { stopOnSignals } from './lifecycle.ts';

const apis = [...API_NAMES].sort();
const usage =
  'usage: npm run mock -- [--api name] [--release name] [--port 4010] [--host 127.0.0.1] [--spec file] ' +
  '[--dynamic] [--errors] [--ignore-examples] [--seed text] [--no-cors]';
const { values } = parseCommand({
  name: 'mock',
  usage,
  summary: "Runs Prism's mock of one API's spec (paths without the base path) until SIGINT/SIGTERM/SIGHUP.",
  options: {
    api: {
      type: 'string',
      value: 'name',
      default: API_NAMES[0] ?? '',
      help: `the API to mock (${apis.join(', ')}): spec/<name>/openapi.yaml`,
      parse: (raw, label) => {
        if (!apis.includes(raw)) throw new UsageError(`${label} must be one of ${apis.join(', ')}, got '${raw}'`);
        return raw;
      },
    },
    release: releaseOption('the release whose spec to mock: spec/<name>/releases/<release>/openapi.yaml'),
    port: { type: 'string', default: String(DEFAULT_MOCK_PORT), parse: fixedPort, help: 'port for Prism' },
    host: { type: 'string', default: '127.0.0.1', help: 'address for Prism to listen on' },
    spec: { type: 'string', value: 'file', parse: existingFile, help: 'mock this spec file instead of an API' },
    dynamic: { type: 'boolean', help: "Prism's --dynamic: responses generated from the schemas" },
    errors: { type: 'boolean', help: "Prism's --errors: requests that violate the spec answer an error" },
    'ignore-examples': { type: 'boolean', help: "Prism's --ignore-examples: responses from the schemas only" },
    seed: { type: 'string', value: 'text', help: "Prism's --seed: repeatable --dynamic responses" },
    'no-cors': { type: 'boolean', help: "Prism's --cors false: no CORS headers" },
  },
});

const specPath = resolve(values.spec ?? specOfRelease('mock', usage, values.api, values.release));
const mock = await startMock({
  port: values.port,
  host: values.host,
  specPath,
  dynamic: values.dynamic,
  errors: values.errors,
  ignoreExamples: values['ignore-examples'],
  seed: values.seed,
  cors: !values['no-cors'],
  onOutput: (chunk) => process.stdout.write(chunk),
}).catch((error: unknown) => {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(`mocking ${relative(PROJECT_ROOT, specPath)} with Prism at ${mock.url}; Ctrl-C stops`);

stopOnSignals('mock', () => mock.stop());
