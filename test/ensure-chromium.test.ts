// The first step of `npm test` on a machine without chromium: a user who cannot install it is told what to
// install in one line, before any test runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.ts';

test('without chromium and without root: one line naming the package, exit 1', () => {
  const run = spawnSync(
    'setpriv',
    [
      '--reuid=nobody',
      '--regid=nogroup',
      '--clear-groups',
      process.execPath,
      '--import',
      'tsx',
      'test/setup/ensure-chromium.ts',
    ],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: join(PROJECT_ROOT, 'no-such-chromium'), HOME: '/tmp' },
    },
  );
  assert.equal(run.status, 1, run.stderr);
  assert.equal(
    run.stderr,
    "npm test: the browser tests need Debian's chromium at " +
      `${join(PROJECT_ROOT, 'no-such-chromium')}: run \`sudo apt-get install -y chromium\`\n`,
  );
});
