// src/cli/bundled.mjs (what `npm run build:spec` runs): the bundle follows every source edit, finds the
// project's files from wherever it is cached, and refuses an unknown CLI with a usage line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.ts';
import { copyProject } from './helpers/project-copy.ts';

function runBundled(root: string, cacheDir: string, args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'src', 'cli', 'bundled.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ONEDATA_OPENAPI_CACHE_DIR: cacheDir },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('an unknown CLI name gets a usage line and exit 2, no stack trace', () => {
  const cache = mkdtempSync(join(tmpdir(), 'bundles-'));
  try {
    const run = runBundled(PROJECT_ROOT, cache, ['no-such-cli']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^usage: node src\/cli\/bundled\.mjs <cli>.*\(got no-such-cli\)/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('an edited source is rebuilt into a new bundle, and the bundle reads the copy’s own spec/ folder', () => {
  const root = copyProject();
  const cache = mkdtempSync(join(tmpdir(), 'bundles-'));
  try {
    const first = runBundled(root, cache, ['build-spec', '--help']);
    assert.equal(first.status, 0, first.stderr);
    const usage = (stdout: string) => stdout.split('\n')[0] ?? '';
    assert.match(usage(first.stdout), /^usage: npm run build:spec -- \[--api name\] \| <docs-dir> --out file\.yaml/);

    const cliFile = join(root, 'src', 'cli', 'build-spec.ts');
    writeFileSync(
      cliFile,
      readFileSync(cliFile, 'utf8').replace("'usage: npm run build:spec", "'edited usage: npm run build:spec"),
    );
    const second = runBundled(root, cache, ['build-spec', '--help']);
    assert.equal(usage(second.stdout), `edited ${usage(first.stdout)}`);
    assert.equal(readdirSync(join(cache, 'bundles')).filter((f) => f.endsWith('.mjs')).length, 2);

    // --api luma: rebuilds the copy's spec/luma/openapi.yaml from the copy's spec/luma/sources.yaml, as committed.
    const spec = join(root, 'spec', 'luma', 'openapi.yaml');
    const committed = readFileSync(spec, 'utf8');
    writeFileSync(spec, 'stale\n');
    const rebuild = runBundled(root, cache, ['build-spec', '--api', 'luma', '--quiet']);
    assert.equal(rebuild.status, 0, rebuild.stderr);
    // LUMA's doc set: 17 operation pages.
    assert.match(rebuild.stdout, new RegExp(`^${spec}: 17 operations, \\d+ schemas`));
    assert.equal(readFileSync(spec, 'utf8'), committed);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});

test('a source that does not compile: esbuild’s file:line, a one-line verdict, exit 1, no stack trace', () => {
  const root = copyProject();
  const cache = mkdtempSync(join(tmpdir(), 'bundles-'));
  try {
    const file = join(root, 'src', 'rebuild', 'emit', 'info.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nexport const broken = ;\n`);
    const run = runBundled(root, cache, ['build-spec', '--help']);
    assert.equal(run.status, 1);
    const line = readFileSync(file, 'utf8').split('\n').length - 1; // the appended line
    assert.match(run.stderr, new RegExp(`\\[ERROR\\] Unexpected ";"\\s+\\S*src/rebuild/emit/info\\.ts:${line}:22:`));
    assert.match(run.stderr, /cannot bundle src\/cli\/build-spec\.ts: fix the errors above\n$/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
