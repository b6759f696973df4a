// The node:test reporter of `npm test`: one line per test file as it finishes, each failure with its error as it
// happens, then the counts and every failure again by file and name, instead of the raw TAP of every test.
// Counting follows node's own summary (a suite is not a test; a test with subtests is), except that a suite whose
// hook failed counts as a failure, since no test of it names the cause.
import { relative } from 'node:path';
import type { TestEvent } from 'node:test/reporters';

export interface Failure {
  file: string;
  /** The test's name after the names of the suites it is in, joined by ` › `. */
  name: string;
  error: string;
}

export interface Tally {
  passed: number;
  failed: number;
  cancelled: number;
  skipped: number;
  todo: number;
  failures: Failure[];
}

const ERROR_LINES = 12;
const OUTPUT_LINES = 20;

function shownFile(file: string | undefined): string {
  return file ? relative(process.cwd(), file) || file : '(no file)';
}

/**
 * The thrown error's message (node wraps it in an error whose cause it is), at most ERROR_LINES lines, and the
 * first frame of its stack inside the test file.
 */
function errorText(error: unknown, file: string | undefined): string {
  const wrapped = error as { cause?: unknown; message?: unknown } | undefined;
  const cause = (wrapped?.cause ?? wrapped) as { message?: unknown; stack?: unknown } | undefined;
  const text = typeof cause?.message === 'string' && cause.message !== '' ? cause.message : String(cause);
  const lines = text.trimEnd().split('\n');
  const kept = lines.slice(0, ERROR_LINES);
  if (lines.length > ERROR_LINES) kept.push(`… ${lines.length - ERROR_LINES} more lines`);
  const stack = typeof cause?.stack === 'string' ? cause.stack.split('\n') : [];
  const frame = file ? stack.find((line) => line.trim().startsWith('at ') && line.includes(file)) : undefined;
  if (frame) kept.push(frame.trim());
  return kept.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `    ${line}` : line))
    .join('\n');
}

function failureBlock(failure: Failure): string {
  return `✗ ${failure.file} › ${failure.name}\n${indent(failure.error)}\n`;
}

export function countsLine(tally: Tally): string {
  const parts = [`${tally.passed} passed`, `${tally.failed} failed`];
  if (tally.cancelled) parts.push(`${tally.cancelled} cancelled`);
  if (tally.skipped) parts.push(`${tally.skipped} skipped`);
  if (tally.todo) parts.push(`${tally.todo} todo`);
  return `tests: ${parts.join(', ')}`;
}

export default async function* summaryReporter(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const tally: Tally = { passed: 0, failed: 0, cancelled: 0, skipped: 0, todo: 0, failures: [] };
  // Suite names per nesting level of the file being reported (node reports a file's tests in definition order).
  const path: string[] = [];
  // A file's own output, shown only when the file itself failed (it crashed outside any test).
  const output = new Map<string, string[]>();
  let currentFile: string | undefined;
  let fileCounts = { passed: 0, failed: 0 };

  const fileLine = () =>
    currentFile === undefined
      ? ''
      : `${fileCounts.failed ? '✗' : '✓'} ${currentFile}: ${fileCounts.passed} passed${fileCounts.failed ? `, ${fileCounts.failed} failed` : ''}\n`;

  for await (const event of source) {
    if (event.type === 'test:stdout' || event.type === 'test:stderr') {
      const file = shownFile(event.data.file);
      const lines = output.get(file) ?? [];
      lines.push(...event.data.message.replace(/\n$/, '').split('\n'));
      output.set(file, lines.slice(-OUTPUT_LINES));
      continue;
    }
    if (event.type === 'test:start') {
      path.length = event.data.nesting;
      path.push(event.data.name);
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    const file = shownFile(data.file);
    if (file !== currentFile) {
      yield fileLine();
      currentFile = file;
      fileCounts = { passed: 0, failed: 0 };
    }
    path.length = data.nesting;
    const name = [...path, data.name].join(' › ');
    const isSuite = data.details.type === 'suite';
    if (event.type === 'test:pass') {
      if (isSuite) continue;
      if (data.skip !== undefined) tally.skipped++;
      else if (data.todo !== undefined) tally.todo++;
      else {
        tally.passed++;
        fileCounts.passed++;
      }
      continue;
    }
    const failureType = (event.data.details.error as { failureType?: string }).failureType;
    if (failureType === 'subtestsFailed') continue; // its failing tests are reported on their own
    if (failureType === 'cancelledByParent') {
      tally.cancelled++;
      continue;
    }
    if (data.todo !== undefined) {
      tally.todo++;
      continue;
    }
    let error = errorText(event.data.details.error, data.file);
    // A failure named after its file is the file crashing outside any test: what it printed says why.
    if (data.name === data.file || data.name === file) {
      const printed = output.get(file);
      if (printed?.length) error += `\n${printed.join('\n').trimEnd()}`;
    }
    const failure = { file, name: isSuite ? `${name} (suite hook)` : name, error };
    tally.failed++;
    fileCounts.failed++;
    tally.failures.push(failure);
    yield failureBlock(failure);
  }
  yield fileLine();
  if (tally.failures.length) {
    yield `\nfailures:\n`;
    for (const failure of tally.failures) yield failureBlock(failure);
  }
  yield `\n${countsLine(tally)}\n`;
}
