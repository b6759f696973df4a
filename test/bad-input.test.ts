// Bad input, end to end: every broken doc set is reported as `file:line: severity: message [code]` on stderr
// (never a stack trace), hard errors exit 1 without writing the spec, warnings exit 0 and land in the report.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildFromSources, buildSpec } from '../src/rebuild/build.ts';
import { loadManifest, ManifestError } from '../src/rebuild/docs/manifest.ts';
import type { Finding } from '../src/rebuild/findings.ts';
import type { Source } from '../src/rebuild/model.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { SEED_MANIFEST } from './helpers/corpus.ts';

const MANIFEST_PATH = SEED_MANIFEST;
const manifest = loadManifest(MANIFEST_PATH);

// ---------------------------------------------------------------------------------------------------------------
// Helpers

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

/** The CLI on a doc dir, as `npm run build:spec -- <dir> --out <dir>/out/openapi.yaml` runs it. */
function runCli(dir: string, extraArgs: string[] = []): Promise<CliRun> {
  const out = join(dir, 'out', 'openapi.yaml');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['src/cli/bundled.mjs', 'build-spec', dir, '--out', out, ...extraArgs], {
      cwd: PROJECT_ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr, out }));
  });
}

const tempDirs: string[] = [];
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDocDir(prefix = 'bad-input-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Writes a page from its lines; returns the lines so tests can compute line numbers from them. */
function writePage(dir: string, name: string, lines: string[]): string[] {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `${lines.join('\n')}\n`);
  return lines;
}

/** 1-based line of the first line of `lines` equal to `text` (fails loudly if the fixture lacks it). */
function lineOf(lines: string[], text: string, from = 0): number {
  const i = lines.indexOf(text, from);
  assert.ok(i >= 0, `fixture has no line ${JSON.stringify(text)}`);
  return i + 1;
}

/** A minimal, clean swagger2markup operation page (maps without a single warning). */
function operationPage(id: string, opts: { summary?: string; paramRow?: string; extra?: string[] } = {}): string[] {
  return [
    '',
    `<a name="${id}"></a>`,
    `#### ${opts.summary ?? 'Get space thing'}`,
    '```',
    'GET /spaces/{id}/thing',
    '```',
    '',
    '',
    '##### Description',
    'Returns the thing of a space.',
    '',
    '',
    '##### Parameters',
    '',
    '|Type|Name|Description|Schema|Default|',
    '|---|---|---|---|---|',
    opts.paramRow ?? '|**Path**|**id**  <br>*required*|Space ID.|string|--|',
    '',
    '',
    '##### Responses',
    '',
    '|HTTP Code|Description|Schema|',
    '|---|---|---|',
    '|**200**|The thing.|string|',
    '',
    '',
    ...(opts.extra ?? []),
  ];
}

interface PrintedFinding {
  file: string;
  line: number;
  severity: string;
  message: string;
  code: string;
  raw: string;
}

const FINDING_LINE = /^(.+?):(\d+): (error|warning|info): (.*) \[([a-z-]+)\]$/;

function printedFindings(stderr: string): PrintedFinding[] {
  return stderr.split('\n').flatMap((raw) => {
    const m = FINDING_LINE.exec(raw);
    return m ? [{ file: m[1]!, line: Number(m[2]), severity: m[3]!, message: m[4]!, code: m[5]!, raw }] : [];
  });
}

function assertPrinted(
  run: CliRun,
  want: { file: string; line: number; severity: string; code: string; message?: RegExp },
): PrintedFinding {
  const found = printedFindings(run.stderr).find(
    (f) =>
      f.file === want.file &&
      f.line === want.line &&
      f.severity === want.severity &&
      f.code === want.code &&
      (!want.message || want.message.test(f.message)),
  );
  assert.ok(
    found,
    `expected "${want.file}:${want.line}: ${want.severity}: … [${want.code}]" on stderr; got:\n${run.stderr}`,
  );
  return found;
}

/** No crash: no stack frames, no uncaught `SomeError: …` line, no Node crash footer. */
function assertNoStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /^ {4}at /m, `stack trace on stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /^\s*at .+:\d+:\d+\)?$/m, `stack frame on stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /node:internal/, `node internals on stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /^(?:[A-Z][A-Za-z]*)?Error(?: \[[A-Z_]+\])?: /m, `uncaught error on stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /^Node\.js v\d+/m, `node crash footer on stderr:\n${stderr}`);
}

function reportFindings(run: CliRun): Finding[] {
  const path = join(run.out, '..', 'report.json');
  assert.ok(existsSync(path), `report.json not written at ${path}`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { findings: Finding[] }).findings;
}

function assertReported(run: CliRun, want: { file: string; line: number; code: string }): void {
  const all = reportFindings(run);
  assert.ok(
    all.some((f) => f.file === want.file && f.line === want.line && f.code === want.code),
    `report.json lacks ${want.file}:${want.line} [${want.code}]; has:\n${all.map((f) => `${f.file}:${f.line} [${f.code}]`).join('\n')}`,
  );
  const md = readFileSync(join(run.out, '..', 'REPORT.md'), 'utf8');
  assert.ok(md.includes(`${want.file}:${want.line}`), `REPORT.md does not list ${want.file}:${want.line}`);
}

function assertSucceeded(run: CliRun): void {
  assert.equal(run.status, 0, `exit ${run.status}; stderr:\n${run.stderr}`);
  assertNoStackTrace(run.stderr);
  assert.ok(existsSync(run.out), 'spec not written although the build succeeded');
}

function assertFailed(run: CliRun): void {
  assert.equal(run.status, 1, `expected exit 1, got ${run.status}; stderr:\n${run.stderr}`);
  assertNoStackTrace(run.stderr);
  assert.ok(!existsSync(run.out), 'spec written although the build failed');
  assert.match(run.stderr, /build failed: \d+ error\(s\)/);
}

function outputOperations(
  run: CliRun,
): { path: string; method: string; operationId: string; parameters?: { name: string }[] }[] {
  const doc = parse(readFileSync(run.out, 'utf8')) as {
    paths: Record<string, Record<string, { operationId: string; parameters?: { name: string }[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, ...op })),
  );
}

function source(file: string, lines: string[]): Source {
  return { file, text: `${lines.join('\n')}\n`, release: 'test', order: 0 };
}

// ---------------------------------------------------------------------------------------------------------------
// Through the CLI (each case in its own temp doc dir; the cases run concurrently, each is one process)

describe('build-spec CLI on bad input', { concurrency: 4 }, () => {
  test('empty doc dir: no pages → exit 1, the message names the directory', async () => {
    const dir = tempDocDir();
    const run = await runCli(dir);
    assertFailed(run);
    assertPrinted(run, {
      file: dir,
      line: 0,
      severity: 'error',
      code: 'no-input',
      message: /holds no \.txt, \.md or \.markdown pages/,
    });
  });

  test('doc dir that does not exist → exit 2 naming it before any work, no stack trace', async () => {
    const dir = join(tempDocDir(), 'missing');
    const run = await runCli(dir);
    assert.equal(run.status, 2, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(`^build:spec: <docs-dir> must be an existing directory; ${dir} does not exist`),
    );
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  test('unreadable page (dangling symlink x.md) → exit 1, x.md:0 [unreadable-file]', async () => {
    const dir = tempDocDir();
    writePage(dir, 'ok.md', operationPage('get_space_thing'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'x.md'));
    const run = await runCli(dir);
    assertFailed(run);
    assertPrinted(run, { file: 'x.md', line: 0, severity: 'error', code: 'unreadable-file', message: /ENOENT/ });
    assertReported(run, { file: 'x.md', line: 0, code: 'unreadable-file' });
  });

  test('a symlink to a folder already read (y.md → elsewhere) is reported once, its pages read once', async () => {
    const dir = tempDocDir();
    writePage(dir, 'elsewhere/inner.md', operationPage('get_space_thing'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'y.md'));
    const run = await runCli(dir);
    assertSucceeded(run);
    assert.deepEqual(
      outputOperations(run).map((o) => o.operationId),
      ['get_space_thing'],
    );
    assertPrinted(run, {
      file: 'y.md',
      line: 0,
      severity: 'warning',
      code: 'unreadable-file',
      message: /links to elsewhere, a folder already read; its pages are read once/,
    });
  });

  test('a symlinked folder outside the doc dir is followed; a link loop ends', async () => {
    const dir = tempDocDir();
    const outside = tempDocDir();
    writePage(outside, 'more/outside.md', operationPage('get_space_other'));
    symlinkSync(join(outside, 'more'), join(dir, 'linked'));
    symlinkSync(dir, join(outside, 'more', 'back'));
    const run = await runCli(dir);
    assertSucceeded(run);
    assert.deepEqual(
      outputOperations(run).map((o) => o.operationId),
      ['get_space_other'],
    );
    assertPrinted(run, {
      file: 'linked/back',
      line: 0,
      severity: 'warning',
      code: 'unreadable-file',
      message: /^links to \., a folder already read/,
    });
  });

  test('a FIFO named like a page is reported as a FIFO, without waiting for a writer', async () => {
    const dir = tempDocDir();
    writePage(dir, 'ok.md', operationPage('get_space_thing'));
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const run = await runCli(dir);
    assertFailed(run);
    assertPrinted(run, {
      file: 'pipe.md',
      line: 0,
      severity: 'error',
      code: 'unreadable-file',
      message: /cannot read page: it is a FIFO \(named pipe\)/,
    });
  });

  test('a real directory named y.md is walked like any folder: its pages are read, no crash', async () => {
    const dir = tempDocDir();
    writePage(dir, 'y.md/inner.md', operationPage('get_space_thing'));
    const run = await runCli(dir);
    assertSucceeded(run);
    assert.deepEqual(
      outputOperations(run).map((o) => o.operationId),
      ['get_space_thing'],
    );
  });

  test('empty page → warning empty.md:1 [empty-page], exit 0, listed in the report', async () => {
    const dir = tempDocDir();
    writePage(dir, 'ok.md', operationPage('get_space_thing'));
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'blank.md'), '\n   \n\t\n');
    const run = await runCli(dir);
    assertSucceeded(run);
    for (const file of ['empty.md', 'blank.md']) {
      assertPrinted(run, { file, line: 1, severity: 'warning', code: 'empty-page' });
      assertReported(run, { file, line: 1, code: 'empty-page' });
    }
    assert.deepEqual(
      outputOperations(run).map((o) => o.operationId),
      ['get_space_thing'],
    );
  });

  test('page with no endpoint (anchor + #### heading, no METHOD /path fence) → warning at the heading [no-endpoint]', async () => {
    const dir = tempDocDir();
    writePage(dir, 'ok.md', operationPage('get_space_thing'));
    const lines = writePage(dir, 'noep.md', [
      '',
      '<a name="lost_operation"></a>',
      '#### Lost operation',
      'It has no endpoint block.',
      '',
    ]);
    const run = await runCli(dir);
    assertSucceeded(run);
    const line = lineOf(lines, '#### Lost operation');
    const f = assertPrinted(run, { file: 'noep.md', line, severity: 'warning', code: 'no-endpoint' });
    assert.match(f.message, /Lost operation/);
    assertReported(run, { file: 'noep.md', line, code: 'no-endpoint' });
    assert.ok(!outputOperations(run).some((o) => o.operationId === 'lost_operation'));
  });

  test('broken table (row with too few cells) → warning at that row [broken-table], row dropped', async () => {
    const dir = tempDocDir();
    const short = '|**Query**|**limit**|';
    const lines = writePage(
      dir,
      'broken.md',
      operationPage('get_space_thing', { paramRow: `|**Path**|**id**  <br>*required*|Space ID.|string|--|\n${short}` })
        .join('\n')
        .split('\n'),
    );
    const run = await runCli(dir);
    assertSucceeded(run);
    const line = lineOf(lines, short);
    assertPrinted(run, { file: 'broken.md', line, severity: 'warning', code: 'broken-table' });
    assertReported(run, { file: 'broken.md', line, code: 'broken-table' });
    const [op] = outputOperations(run);
    assert.deepEqual(
      op?.parameters?.map((p) => p.name),
      ['id'],
      'the short row must be dropped, not mapped with empty cells',
    );
  });

  test('invalid JSON example in ###### Response 200 → warning at the offending line [invalid-json], response kept', async () => {
    const dir = tempDocDir();
    const lines = writePage(
      dir,
      'badjson.md',
      operationPage('get_space_thing', {
        extra: [
          '##### Example HTTP response',
          '',
          '###### Response 200',
          '```',
          'json :',
          '{',
          '  "name" : "ok",',
          '  oops',
          '}',
          '```',
          '',
        ],
      }),
    );
    const run = await runCli(dir);
    assertSucceeded(run);
    // The parser stops at `oops` (an unquoted property name): that is the line to point at.
    const line = lineOf(lines, '  oops');
    const f = printedFindings(run.stderr).find((x) => x.file === 'badjson.md' && x.code === 'invalid-json');
    assert.ok(f, `no invalid-json finding for badjson.md; stderr:\n${run.stderr}`);
    assert.equal(f.severity, 'warning');
    const exampleLines = [lineOf(lines, '```', lineOf(lines, '###### Response 200')), lineOf(lines, '  oops')];
    assert.ok(
      f.line >= exampleLines[0]! && f.line <= exampleLines[1]!,
      `invalid-json points outside the example: ${f.raw}`,
    );
    assert.equal(f.line, line, `invalid-json should name the line of the offending token (${line}), got: ${f.raw}`);
    assertReported(run, { file: 'badjson.md', line, code: 'invalid-json' });
    const doc = parse(readFileSync(run.out, 'utf8')) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    assert.ok(doc.paths['/spaces/{id}/thing']?.get?.responses['200'], 'the response itself must survive a bad example');
  });

  test('unknown section (##### Foo inside an operation) → warning at the heading [unknown-section]', async () => {
    const dir = tempDocDir();
    const lines = writePage(
      dir,
      'foo.md',
      operationPage('get_space_thing', { extra: ['##### Foo', 'Something the rules do not know.', ''] }),
    );
    const run = await runCli(dir);
    assertSucceeded(run);
    const line = lineOf(lines, '##### Foo');
    const f = assertPrinted(run, { file: 'foo.md', line, severity: 'warning', code: 'unknown-section' });
    assert.match(f.message, /"Foo"/);
    assertReported(run, { file: 'foo.md', line, code: 'unknown-section' });
    assert.deepEqual(
      outputOperations(run).map((o) => o.operationId),
      ['get_space_thing'],
    );
  });

  test('two pages of one release claiming one operation with different content → exit 1 naming both files', async () => {
    const dir = tempDocDir();
    const a = writePage(dir, 'a.md', operationPage('get_space_thing', { summary: 'Get space thing' }));
    const b = writePage(dir, 'b.md', operationPage('get_space_thing', { summary: 'Get the thing of a space' }));
    const run = await runCli(dir);
    assertFailed(run);
    const aAt = `a.md:${lineOf(a, '#### Get space thing')}`;
    const bAt = `b.md:${lineOf(b, '#### Get the thing of a space')}`;
    const conflicts = printedFindings(run.stderr).filter((f) => f.code === 'conflicting-operation');
    assert.equal(conflicts.length, 1, run.stderr);
    const [f] = conflicts as [PrintedFinding];
    assert.equal(f.severity, 'error');
    assert.ok(f.raw.includes(aAt) && f.raw.includes(bAt), `conflict must name ${aAt} and ${bAt}: ${f.raw}`);
    assert.ok(
      f.raw.startsWith(`${aAt}:`) || f.raw.startsWith(`${bAt}:`),
      `conflict must be located on one of the pages: ${f.raw}`,
    );
    assertReported(run, { file: f.file, line: f.line, code: 'conflicting-operation' });
  });

  test('the same operation twice with identical content → counted once, exit 0', async () => {
    const dir = tempDocDir();
    const page = operationPage('get_space_thing');
    writePage(dir, 'a.md', page);
    writePage(dir, 'sub/b.md', page);
    const run = await runCli(dir);
    assertSucceeded(run);
    assert.equal(printedFindings(run.stderr).filter((f) => f.severity === 'error').length, 0, run.stderr);
    assert.match(run.stdout, /: 1 operations,/);
    assert.deepEqual(
      outputOperations(run).map((o) => o.operationId),
      ['get_space_thing'],
    );
    const dup = reportFindings(run).filter((f) => f.code === 'duplicate-operation');
    assert.equal(dup.length, 1);
    const line = lineOf(page, '#### Get space thing');
    assert.equal(dup[0]!.line, line);
    assert.ok(['a.md', 'sub/b.md'].includes(dup[0]!.file));
    assert.match(dup[0]!.message, /a\.md|sub\/b\.md/);
  });

  test('schema link whose text holds a "/" (with a response example) → no crash, exit 0', async () => {
    const dir = tempDocDir();
    writePage(
      dir,
      'slash.md',
      operationPage('get_space_thing', {
        extra: [
          '##### Example HTTP response',
          '',
          '###### Response 200',
          '```',
          'json :',
          '{ "name" : "x" }',
          '```',
          '',
        ],
      }).map((l) =>
        l === '|**200**|The thing.|string|' ? '|**200**|The thing.|[Space/Thing](../definitions/Thing.md#thing)|' : l,
      ),
    );
    const run = await runCli(dir);
    assertSucceeded(run);
    assert.deepEqual(
      outputOperations(run).map((o) => o.operationId),
      ['get_space_thing'],
    );
  });

  test('JSON example whose key is a lone-surrogate escape ("\\ud800") → no crash, exit 0', async () => {
    const dir = tempDocDir();
    writePage(
      dir,
      'surrogate.md',
      operationPage('get_space_thing', {
        extra: [
          '##### Example HTTP response',
          '',
          '###### Response 200',
          '```',
          'json :',
          '{ "\\ud800" : 1 }',
          '```',
          '',
        ],
      }).map((l) =>
        l === '|**200**|The thing.|string|' ? '|**200**|The thing.|[Thing](../definitions/Thing.md#thing)|' : l,
      ),
    );
    const run = await runCli(dir);
    assertSucceeded(run);
    assert.deepEqual(
      outputOperations(run).map((o) => o.operationId),
      ['get_space_thing'],
    );
  });

  test('cURL sample whose URL has no host ("https://") → the operation is kept, no hard error', async () => {
    const dir = tempDocDir();
    const lines = operationPage('get_space_thing').flatMap((l) =>
      l === 'Returns the thing of a space.'
        ? [l, '', '```bash', 'curl -u username:password -X GET https://', '```']
        : [l],
    );
    writePage(dir, 'curl.md', lines);
    const run = await runCli(dir);
    assertSucceeded(run);
    assert.equal(printedFindings(run.stderr).filter((f) => f.code === 'unrecognised-page').length, 0, run.stderr);
    assert.deepEqual(
      outputOperations(run).map((o) => o.operationId),
      ['get_space_thing'],
    );
  });

  test('unknown command-line option → exit 2 with usage, no stack trace', async () => {
    const run = await runCli(tempDocDir(), ['--no-such-option']);
    assert.equal(run.status, 2, run.stderr);
    assertNoStackTrace(run.stderr);
    assert.match(run.stderr, /usage: npm run build:spec/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// In-process: the same cases through buildFromSources / buildSpec, checking what reaches the model

function findingsAt(all: readonly Finding[], file: string, code: string): Finding[] {
  return all.filter((f) => f.file === file && f.code === code);
}

describe('buildFromSources on bad input', () => {
  test('empty and whitespace-only pages → empty-page at line 1; no operation page at all is an error', () => {
    const r = buildFromSources([source('empty.md', []), source('blank.md', ['   ', '\t', ''])], manifest);
    for (const file of ['empty.md', 'blank.md'])
      assert.deepEqual(
        findingsAt(r.findings.all, file, 'empty-page').map((f) => f.line),
        [1],
      );
    assert.equal(r.operations.length, 0);
    // An empty spec would replace a good one: the build refuses, at the first page.
    assert.deepEqual(
      r.findings.all.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line} ${f.code}`),
      ['empty.md:1 no-input'],
    );
  });

  test('no endpoint → no-endpoint at the heading line; nothing emitted', () => {
    const lines = ['', '<a name="lost_operation"></a>', '#### Lost operation', 'Text only.'];
    const r = buildFromSources([source('noep.md', lines)], manifest);
    assert.deepEqual(
      findingsAt(r.findings.all, 'noep.md', 'no-endpoint').map((f) => f.line),
      [lineOf(lines, '#### Lost operation')],
    );
    assert.equal(r.operations.length, 0);
  });

  test('broken table: a row with too few cells is reported and dropped (no parameter with an empty name)', () => {
    const lines = operationPage('get_space_thing', { paramRow: '|**Path**|' });
    const r = buildFromSources([source('broken.md', lines)], manifest);
    assert.deepEqual(
      findingsAt(r.findings.all, 'broken.md', 'broken-table').map((f) => f.line),
      [lineOf(lines, '|**Path**|')],
    );
    const op = r.operations.find((o) => o.operationId === 'get_space_thing');
    assert.ok(op);
    assert.deepEqual(
      op.parameters.map((p) => p.name),
      [],
      'a one-cell row became a parameter',
    );
  });

  test('broken table: a row with too many cells is reported (its extra cell would otherwise vanish)', () => {
    const row = '|**Path**|**id**  <br>*required*|Space ID.|string|--|surplus cell|';
    const lines = operationPage('get_space_thing', { paramRow: row });
    const r = buildFromSources([source('wide.md', lines)], manifest);
    assert.deepEqual(
      findingsAt(r.findings.all, 'wide.md', 'broken-table').map((f) => f.line),
      [lineOf(lines, row)],
    );
  });

  test('invalid JSON: the first-line error points at that line, not at the "json :" prefix line', () => {
    const lines = operationPage('get_space_thing', {
      extra: ['##### Example HTTP response', '', '###### Response 200', '```', 'json :', '{ oops }', '```', ''],
    });
    const r = buildFromSources([source('j.md', lines)], manifest);
    assert.deepEqual(
      findingsAt(r.findings.all, 'j.md', 'invalid-json').map((f) => f.line),
      [lineOf(lines, '{ oops }')],
    );
    const op = r.operations[0]!;
    assert.deepEqual(op.responses.find((x) => x.status === '200')?.examples, []);
  });

  test('unknown section → unknown-section at its heading; the operation is still mapped', () => {
    const lines = operationPage('get_space_thing', { extra: ['##### Foo', 'bar', ''] });
    const r = buildFromSources([source('foo.md', lines)], manifest);
    assert.deepEqual(
      findingsAt(r.findings.all, 'foo.md', 'unknown-section').map((f) => f.line),
      [lineOf(lines, '##### Foo')],
    );
    assert.deepEqual(
      r.operations.map((o) => o.operationId),
      ['get_space_thing'],
    );
  });

  test('a page the reader throws on → unrecognised-page at line 1, an error; the pages read in the same batch are kept', () => {
    const page = (id: string, path: string) =>
      source(
        `${id}.md`,
        operationPage(id).map((l) => (l === 'GET /spaces/{id}/thing' ? `GET ${path}` : l)),
      );
    // Not text at all: stands in for any page markdown-it or the block reader would throw on.
    const unreadable = { file: 'unreadable.md', text: null as unknown as string, release: 'test', order: 0 };
    const r = buildFromSources(
      [page('get_first', '/spaces/{id}/first'), unreadable, page('get_last', '/spaces/{id}/last')],
      manifest,
    );
    const crash = findingsAt(r.findings.all, 'unreadable.md', 'unrecognised-page');
    assert.deepEqual(
      crash.map((f) => [f.line, f.severity]),
      [[1, 'error']],
    );
    assert.match(crash[0]!.message, /^page could not be read: .+; page dropped$/);
    assert.equal(r.findings.hasErrors, true);
    assert.deepEqual(r.operations.map((o) => o.operationId).sort(), ['get_first', 'get_last']);
  });

  test('one release, one operation on two pages: different content → error naming both; same content → counted once', () => {
    const a = operationPage('get_space_thing');
    const b = operationPage('get_space_thing', { summary: 'Another summary' });
    const conflict = buildFromSources([source('a.md', a), source('b.md', b)], manifest);
    assert.equal(conflict.findings.hasErrors, true);
    const [c, ...more] = conflict.findings.byCode('conflicting-operation');
    assert.ok(c && more.length === 0);
    const text = `${c.file}:${c.line} ${c.message}`;
    assert.ok(
      text.includes(`a.md:${lineOf(a, '#### Get space thing')}`) &&
        text.includes(`b.md:${lineOf(b, '#### Another summary')}`),
      text,
    );

    const same = buildFromSources([source('a.md', a), source('b.md', a)], manifest);
    assert.equal(same.findings.hasErrors, false);
    assert.equal(same.operations.length, 1);
    assert.equal(same.findings.byCode('duplicate-operation').length, 1);
  });

  test('a page left with only section headings and lists (anchor, title and endpoint gone) is not dropped silently', () => {
    const produces = ['##### Produces', '', '* `application/json`', ''];
    const plain = ['* some text', '* more text', ''];
    const r = buildFromSources([source('produces.md', produces), source('plain.md', plain)], manifest);
    for (const file of ['produces.md', 'plain.md']) {
      assert.ok(
        r.findings.all.some((f) => f.file === file),
        `no finding names ${file}: its content vanished without a word`,
      );
    }
  });

  test('a page truncated inside the endpoint block (`PUT /groups/{id`) is reported, not emitted silently', () => {
    const lines = ['', '<a name="add_child_group"></a>', '#### Add child group', '```', 'PUT /groups/{id'];
    const r = buildFromSources([source('trunc.md', lines)], manifest);
    const paths = Object.keys(r.document.paths as object);
    assert.ok(
      r.findings.all.some((f) => f.file === 'trunc.md') || !paths.includes('/groups/{id'),
      `"/groups/{id" emitted as a path with no finding: ${JSON.stringify(paths)}`,
    );
  });

  test('invalid UTF-8 page → unreadable-file warning at the line of the bad byte, page still read', () => {
    const dir = tempDocDir();
    const lines = operationPage('get_space_thing', { extra: ['##### Foo', 'caf\u0000', ''] });
    const bad = lineOf(lines, 'caf\u0000');
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    bytes[bytes.indexOf(0)] = 0xff; // a byte that never occurs in UTF-8
    writeFileSync(join(dir, 'latin.md'), bytes);
    const r = buildSpec({ manifestPath: MANIFEST_PATH, docsDir: dir, displayRoot: dir });
    assert.deepEqual(
      findingsAt(r.findings.all, 'latin.md', 'unreadable-file').map((f) => [f.severity, f.line]),
      [['warning', bad]],
    );
    assert.deepEqual(
      r.operations.map((o) => o.operationId),
      ['get_space_thing'],
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The manifest

describe('loadManifest on a bad manifest', () => {
  const dir = tempDocDir('bad-manifest-');

  for (const [name, text] of [
    ['unclosed-flow.yaml', 'info: [1, 2\nbasePath: }\n'],
    ['tabs.yaml', '\t- x\n'],
    ['quote.yaml', 'basePath: "unterminated\n'],
  ] as const) {
    test(`not YAML (${name}) → ManifestError "path:1: …"`, () => {
      const path = join(dir, name);
      writeFileSync(path, text);
      assert.throws(
        () => loadManifest(path),
        (e: unknown) =>
          e instanceof ManifestError &&
          e.message.startsWith(`${path}:1: `) &&
          /cannot read the manifest/.test(e.message) &&
          !/\n\s+at /.test(e.message),
      );
    });
  }

  test('YAML without the required keys → ManifestError naming the key', () => {
    const path = join(dir, 'partial.yaml');
    writeFileSync(path, 'info: { title: t, version: "1", description: d }\nbasePath: /api\n');
    assert.throws(
      () => loadManifest(path),
      (e: unknown) => e instanceof ManifestError && e.message === `${path}:1: manifest lacks "sources"`,
    );
  });

  test('a YAML scalar or an empty file is not a manifest', () => {
    for (const [name, text] of [
      ['scalar.yaml', 'just some text\n'],
      ['empty.yaml', ''],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, text);
      assert.throws(
        () => loadManifest(path),
        (e: unknown) => e instanceof ManifestError && e.message.startsWith(`${path}:1: `),
      );
    }
  });

  test('missing manifest file → ManifestError with the path', () => {
    const path = join(dir, 'does-not-exist.yaml');
    assert.throws(
      () => loadManifest(path),
      (e: unknown) => e instanceof ManifestError && e.message.startsWith(`${path}:1: `) && /ENOENT/.test(e.message),
    );
  });

  test('buildSpec surfaces the ManifestError (the CLI maps it to exit 2)', () => {
    const path = join(dir, 'bad-for-build.yaml');
    writeFileSync(path, '{{{\n');
    assert.throws(() => buildSpec({ manifestPath: path, docsDir: dir, displayRoot: dir }), ManifestError);
  });
});
