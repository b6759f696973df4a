// Every command line (src/cli/args.ts): --help prints the usage and exits 0; an unknown option or a bad value is
// one line `<name>: <problem>` plus the usage on stderr and exit 2, before any work and never with a stack trace.
// Each npm script runs as users run it, `npm run <script> -- <args>`, a few at a time; the bad values run the
// script's command without npm (npm adds nothing there, and a run costs half as much).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/paths.ts';
import { byteCount, existingDir, existingFile, interpret, port, UsageError } from '../src/cli/args.ts';

const SCRIPTS = [
  'build:spec',
  'sync',
  'check',
  'serve',
  'mock',
  'start',
  'bench:spec',
  'bench:check',
  'bench:serve',
  'bench:site',
] as const;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const PACKAGE_SCRIPTS: Record<string, string> = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'),
).scripts;

function npmRun(script: string, args: string[]): Promise<Run> {
  return run('npm', ['run', script, '--', ...args]);
}

/**
 * The script's own command (`exec node --import tsx src/cli/serve.ts`, `node src/cli/bundled.mjs …`) run by node,
 * npm and the shell's `exec` left out.
 */
function direct(script: string, args: string[]): Promise<Run> {
  const [command, ...words] = (PACKAGE_SCRIPTS[script] ?? '').replace(/^exec /, '').split(' ');
  assert.ok(command === 'tsx' || command === 'node', `${script}: ${PACKAGE_SCRIPTS[script]}`);
  return run(process.execPath, [...(command === 'tsx' ? ['--import', 'tsx'] : []), ...words, ...args]);
}

function run(command: string, args: string[]): Promise<Run> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: performance.now() - t0 }));
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `usage: npm run serve …`, or `usage: npm start …` for the script npm runs without `run`. */
const usageLine = (script: string) => new RegExp(`^usage: npm (run )?${escapeRegExp(script)}( |$)`, 'm');
/** A stage line of sync/check (`spec       42 ms  …`): work was done. */
const PROGRESS_LINE = /^\S+ +\d+ ms {2}/m;

/** Exit 2, stderr = `<name>: <problem>` then the usage; returns the problem. */
function assertUsageError(run: Run, script: string): string {
  assert.equal(run.status, 2, `exit ${run.status}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
  assert.ok(!run.stderr.includes('    at '), `stack trace:\n${run.stderr}`);
  const [first = '', second = ''] = run.stderr.split('\n');
  assert.ok(first.startsWith(`${script}: `), `first stderr line: ${first}`);
  assert.match(second, usageLine(script));
  return first.slice(script.length + 2);
}

describe('every npm script', { concurrency: 4 }, () => {
  for (const script of SCRIPTS) {
    test(`${script} --help: the usage on stdout, exit 0`, async () => {
      const run = await npmRun(script, ['--help']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, usageLine(script));
      assert.match(run.stdout, /^ {2}-h, --help /m);
      assert.doesNotMatch(run.stdout, PROGRESS_LINE);
    });

    test(`${script} --no-such-flag: one line and the usage on stderr, exit 2`, async () => {
      const run = await npmRun(script, ['--no-such-flag']);
      assert.equal(assertUsageError(run, script), "unknown option '--no-such-flag'");
    });
  }

  test('serve --port eighty', async () => {
    const run = await direct('serve', ['--port', 'eighty']);
    assert.equal(assertUsageError(run, 'serve'), "--port must be a port number (0-65535), got 'eighty'");
  });

  test('start --port 70000 fails before the sync', async () => {
    const run = await direct('start', ['--port', '70000']);
    assert.equal(assertUsageError(run, 'start'), "--port must be a port number (0-65535), got '70000'");
    assert.doesNotMatch(run.stdout, PROGRESS_LINE);
    assert.ok(run.ms < 30_000, `${run.ms} ms`);
  });

  test('start --mock-port x fails before the sync, even without --mock', async () => {
    const run = await direct('start', ['--mock-port', 'x']);
    assert.match(assertUsageError(run, 'start'), /^--mock-port must be a port number/);
    assert.doesNotMatch(run.stdout, PROGRESS_LINE);
  });

  test('bench:spec /nonexistent: refused before any timing', async () => {
    const run = await direct('bench:spec', ['/nonexistent']);
    assert.equal(
      assertUsageError(run, 'bench:spec'),
      '<docs-dir> must be an existing directory; /nonexistent does not exist',
    );
    assert.doesNotMatch(run.stdout, /ratio|corpus:/);
  });

  test('bench:check /nonexistent: refused before the scratch project (it takes no argument)', async () => {
    const run = await direct('bench:check', ['/nonexistent']);
    assert.equal(assertUsageError(run, 'bench:check'), "unexpected argument '/nonexistent'");
    assert.doesNotMatch(run.stdout, /scratch project/);
  });

  // check and sync read their docs from spec/<api>/sources.yaml; the directory they take is the project's.
  test('check --root /nonexistent: refused before the pipeline', async () => {
    const run = await direct('check', ['--root', '/nonexistent']);
    assert.equal(assertUsageError(run, 'check'), '--root must be an existing directory; /nonexistent does not exist');
    assert.doesNotMatch(run.stdout, PROGRESS_LINE);
  });

  test('sync --root /nonexistent: refused before the pipeline', async () => {
    const run = await direct('sync', ['--root', '/nonexistent']);
    assert.match(assertUsageError(run, 'sync'), /^--root must be an existing directory/);
    assert.doesNotMatch(run.stdout, PROGRESS_LINE);
  });

  test('build:spec with two docs dirs: the extra one is refused', async () => {
    const run = await direct('build:spec', ['a', 'b']);
    assert.equal(assertUsageError(run, 'build:spec'), "unexpected argument 'b'");
  });
});

describe('interpret() and the value parsers, in process', () => {
  const spec = {
    name: 'demo',
    usage: 'usage: demo [dir] [--port 80] [--quiet]',
    summary: 'A demo.',
    options: {
      port: { type: 'string', default: '80', parse: port, help: 'the port' },
      limit: { type: 'string', parse: byteCount, help: 'bytes' },
      quiet: { type: 'boolean', help: 'say less' },
    },
    positionals: [{ name: 'dir', default: PROJECT_ROOT, parse: existingDir, help: 'a dir' }],
  } as const;

  test('values are parsed, defaults applied (and checked), absent options undefined', () => {
    const outcome = interpret(spec, ['--port', '8080', '--quiet']);
    assert.equal(outcome.kind, 'ok');
    if (outcome.kind !== 'ok') return;
    const port: number = outcome.values.port;
    const dir: string = outcome.positionals[0];
    assert.deepEqual([port, outcome.values.limit, outcome.values.quiet, dir], [8080, undefined, true, PROJECT_ROOT]);
    const bad = interpret({ ...spec, positionals: [{ ...spec.positionals[0], default: '/nonexistent' }] }, []);
    assert.equal(bad.kind, 'error');
  });

  test('the usage: command line, summary, one line per argument and option with its default', () => {
    const outcome = interpret(spec, ['-h']);
    assert.equal(outcome.kind, 'help');
    assert.deepEqual(outcome.kind === 'help' && outcome.text.split('\n'), [
      'usage: demo [dir] [--port 80] [--quiet]',
      'A demo.',
      `  <dir>            a dir (default: ${PROJECT_ROOT})`,
      '  --port <port>    the port (default: 80)',
      '  --limit <limit>  bytes',
      '  --quiet          say less',
      '  -h, --help       print this usage and exit',
      '',
    ]);
  });

  test('--help wins over anything else on the line', () => {
    assert.equal(interpret(spec, ['--bogus', '--port', '--help']).kind, 'help');
    assert.equal(interpret(spec, ['a', 'b', '-h']).kind, 'help');
  });

  test('each problem is one line', () => {
    const problem = (argv: string[]) => {
      const outcome = interpret(spec, argv);
      assert.equal(outcome.kind, 'error', argv.join(' '));
      const [first, second] = outcome.kind === 'error' ? outcome.text.split('\n') : [];
      assert.equal(second, spec.usage);
      return first ?? '';
    };
    assert.equal(problem(['--bogus']), "demo: unknown option '--bogus'");
    assert.equal(problem(['--port']), 'demo: --port needs a value');
    assert.equal(problem(['--port', '-1']), "demo: --port needs a value (one that starts with '-': --port=<value>)");
    assert.equal(problem(['--quiet=yes']), 'demo: --quiet takes no value');
    assert.equal(problem([PROJECT_ROOT, 'extra']), "demo: unexpected argument 'extra'");
    assert.equal(problem(['--limit', '-5']), "demo: --limit needs a value (one that starts with '-': --limit=<value>)");
    assert.equal(problem(['--limit=-5']), "demo: --limit must be a number of bytes, got '-5'");
  });

  test('port, byteCount, existingDir, existingFile', () => {
    assert.equal(port('0', '--port'), 0);
    assert.equal(port('65535', '--port'), 65535);
    for (const raw of ['65536', '-1', '8080.5', '', ' 80', '0x50', '1e3'])
      assert.throws(() => port(raw, '--port'), UsageError, raw);
    assert.equal(byteCount('0', '--body-limit'), 0);
    assert.equal(byteCount('1048576', '--body-limit'), 1048576);
    for (const raw of ['-1', '1.5', 'lots', '']) assert.throws(() => byteCount(raw, '--body-limit'), UsageError, raw);
    assert.equal(existingDir(PROJECT_ROOT, '--root'), PROJECT_ROOT);
    assert.throws(() => existingDir(`${PROJECT_ROOT}/package.json`, '--root'), /is not a directory/);
    assert.equal(existingFile(`${PROJECT_ROOT}/package.json`, '--spec'), `${PROJECT_ROOT}/package.json`);
    assert.throws(() => existingFile(PROJECT_ROOT, '--spec'), /is not a file/);
    assert.throws(
      () => existingFile('/nonexistent', '--spec'),
      /--spec must be an existing file; \/nonexistent does not/,
    );
  });
});
