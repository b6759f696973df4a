// build:spec with bad output paths and inputs without pages: one located line, the right exit code, no hang,
// and the previous output left as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docSetDir, PROJECT_ROOT } from '../src/paths.ts';

const LUMA = docSetDir('luma');
const buildSpec = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli/bundled.mjs', 'build-spec', ...args, '--quiet'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
const firstLine = (text: string) => text.split('\n')[0];

test('--out naming an existing directory: one line and the usage, exit 2, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'out-dir-'));
  try {
    const run = buildSpec(LUMA, '--out', dir);
    assert.equal(run.status, 2);
    assert.equal(firstLine(run.stderr), `build:spec: --out must be a file; ${dir} is a directory`);
    assert.match(run.stderr, /\nusage: npm run build:spec/);
    assert.deepEqual(readdirSync(dir), []);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--out below a file: exit 2 naming the file that is not a directory', () => {
  const run = buildSpec(LUMA, '--out', 'README.md/x.yaml');
  assert.equal(run.status, 2);
  assert.equal(
    firstLine(run.stderr),
    `build:spec: --out: cannot write README.md/x.yaml; ${join(PROJECT_ROOT, 'README.md')} is not a directory`,
  );
});

test('--out under /proc: a one-line error, exit 1, no hang', () => {
  const run = buildSpec(LUMA, '--out', '/proc/nope/openapi.yaml');
  assert.equal(run.signal, null, 'finished before the timeout');
  assert.equal(run.status, 1);
  assert.equal(run.stderr, 'build:spec: cannot write /proc/nope: ENOENT\n');
});

test('a folder with no operation page: exit 1, a located error, the previous spec untouched', () => {
  const dir = mkdtempSync(join(tmpdir(), 'no-pages-'));
  try {
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'notes.md'), '# Notes\n\nNothing about any endpoint.\n');
    const out = join(dir, 'out', 'openapi.yaml');
    mkdirSync(join(dir, 'out'));
    writeFileSync(out, 'the previous spec\n');
    const run = buildSpec(join(dir, 'docs'), '--out', out);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^notes\.md:1: error: no operation page among the 1 page\(s\) read; .*\[no-input\]$/m);
    assert.equal(readFileSync(out, 'utf8'), 'the previous spec\n');
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['REPORT.md', 'openapi.yaml', 'report.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// sync and check on a project one of whose manifests cannot be used: the error names the manifest and its line,
// like the pages' errors, with no stack trace; sync writes nothing.
const MANIFESTS: [string, string, RegExp][] = [
  [
    'broken YAML',
    'info: [\n',
    /^spec\/x\/sources\.yaml:1: error: cannot read the manifest: Flow sequence in block collection .*\[no-input\]$/m,
  ],
  [
    'a source without "release"',
    'info: { title: X, version: "1", description: "" }\nbasePath: /x\nsources:\n  - dir: docs\n    order: 1\n',
    /^spec\/x\/sources\.yaml:4: error: source 1 needs a "release" \(text\) and an "order" \(number\) \[no-input\]$/m,
  ],
];
for (const [what, text, expected] of MANIFESTS) {
  for (const command of ['sync', 'check']) {
    test(`${command} with a manifest of ${what}: exit 1, the error at its line, no stack trace, nothing written`, () => {
      const root = mkdtempSync(join(tmpdir(), 'bad-manifest-'));
      try {
        mkdirSync(join(root, 'spec', 'x'), { recursive: true });
        writeFileSync(join(root, 'spec', 'x', 'sources.yaml'), text);
        const run = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, '--root', root], {
          cwd: PROJECT_ROOT,
          encoding: 'utf8',
          timeout: 60_000,
        });
        assert.equal(run.status, 1, run.stderr);
        assert.match(run.stderr, expected);
        assert.doesNotMatch(run.stderr, /^\s+at /m);
        assert.deepEqual(readdirSync(root), ['spec']);
        assert.deepEqual(readdirSync(join(root, 'spec', 'x')), ['sources.yaml']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
}
