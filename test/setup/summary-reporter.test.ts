// The reporter of `npm test`: counts, each failure by file and name with its error, and no TAP.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const SAMPLE = 'test/fixtures/reporter/sample-suite.ts';
const CRASH = 'test/fixtures/reporter/crash.ts';

function runWithReporter(files: string[]) {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // else the inner runner reports to this one instead of printing
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=./test/setup/summary-reporter.mjs', ...files],
    { encoding: 'utf8', env },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('the summary counts tests as node does, a failed suite hook counting as a failure', () => {
  const { status, stdout } = runWithReporter([SAMPLE]);
  assert.equal(status, 1);
  const lines = stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), 'tests: 3 passed, 2 failed, 1 cancelled, 1 skipped');
  assert.ok(lines.includes(`✗ ${SAMPLE}: 3 passed, 2 failed`), stdout);
});

test('each failure is listed by file, suite and name with its error and the line that threw', () => {
  const { stdout } = runWithReporter([SAMPLE]);
  const summary = stdout.slice(stdout.indexOf('\nfailures:\n'));
  assert.match(
    summary,
    /✗ test\/fixtures\/reporter\/sample-suite\.ts › arithmetic › multiplies wrongly\n {4}Expected values to be strictly equal:\n\n {4}4 !== 5\n {4}at .*sample-suite\.ts:8:/,
  );
  assert.match(
    summary,
    /✗ test\/fixtures\/reporter\/sample-suite\.ts › with a broken hook \(suite hook\)\n {4}the fixture server did not start\n/,
  );
  assert.doesNotMatch(summary, /adds|parent|child|never runs/);
});

test('a file that crashes outside any test is a failure showing what it printed', () => {
  const { status, stdout } = runWithReporter([CRASH]);
  assert.equal(status, 1);
  assert.match(stdout, /✗ test\/fixtures\/reporter\/crash\.ts › .*crash\.ts\n/);
  assert.match(stdout, /crash\.ts: about to throw/);
  assert.match(stdout, /Error: the file crashed at load/);
  assert.equal(stdout.trimEnd().split('\n').at(-1), 'tests: 0 passed, 1 failed');
});

test('a passing run prints one line per file and the counts, and no TAP', () => {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const { status, stdout } = runWithReporter(['test/fixtures/reporter/passing.ts']);
  assert.equal(status, 0);
  assert.equal(stdout, '✓ test/fixtures/reporter/passing.ts: 2 passed\n\ntests: 2 passed, 0 failed\n');
  assert.doesNotMatch(stdout, /TAP version|^ok \d/m);
});
