// writeFileAtomically: a reader in another process sees the old file or the new one, never a partial or
// empty one; a failed write leaves the previous file as it was and no temporary file behind; missing parent
// folders are made.
import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs, { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../../src/sync/atomic-write.ts';

const SIZE = 4 * 1024 * 1024;
const FIRST_BYTE = 0x61; // version A: 4 MiB of 'a'
const SECOND_BYTE = 0x62; // version B: 4 MiB of 'b'

/** Reads the reader tries before it stops; it stops earlier if `stopFile` appears or after 30 s. */
const READS = 150;

/**
 * Reads `file` READS times, and prints one JSON line: how many reads there were, how many returned version A
 * or B exactly, and up to five of the others (length, first and last byte, or the error code). It prints
 * "ready" once its first read is done.
 */
const READER = `
const { readFileSync, existsSync } = require('node:fs');
const [file, stopFile, size, first, second, reads] = process.argv.slice(1);
const a = Buffer.alloc(Number(size), Number(first));
const b = Buffer.alloc(Number(size), Number(second));
const result = { attempts: 0, reads: 0, sawA: 0, sawB: 0, bad: 0, samples: [] };
const deadline = Date.now() + 30000;
let announced = false;
while (result.attempts < Number(reads) && !existsSync(stopFile) && Date.now() < deadline) {
  result.attempts++;
  let content;
  try {
    content = readFileSync(file);
  } catch (error) {
    content = null;
    result.bad++;
    if (result.samples.length < 5) result.samples.push({ error: error.code });
  }
  if (content) {
    result.reads++;
    if (content.equals(a)) result.sawA++;
    else if (content.equals(b)) result.sawB++;
    else {
      result.bad++;
      if (result.samples.length < 5) {
        result.samples.push({ length: content.length, first: content[0], last: content[content.length - 1] });
      }
    }
  }
  if (!announced) {
    announced = true;
    process.stdout.write('ready\\n');
  }
}
process.stdout.write(JSON.stringify(result) + '\\n');
`;

interface ReaderResult {
  attempts: number;
  reads: number;
  sawA: number;
  sawB: number;
  bad: number;
  samples: unknown[];
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-write-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Names in `folder` that look like a temporary file of writeFileAtomically. */
function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp'));
}

describe('writeFileAtomically', () => {
  test('a concurrent reader in another process never sees a partial or empty file', async () => {
    const folder = join(dir, 'concurrent');
    const file = join(folder, 'big.bin');
    const stopFile = join(folder, 'stop');
    const versions = [Buffer.alloc(SIZE, FIRST_BYTE), Buffer.alloc(SIZE, SECOND_BYTE)] as const;
    writeFileAtomically(file, versions[0]);

    const args = ['-e', READER, file, stopFile, ...[SIZE, FIRST_BYTE, SECOND_BYTE, READS].map(String)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('ready\n')) resolve();
      });
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`reader exited early with ${code}: ${output}`)));
    });
    let exitCode: number | null | undefined;
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    void exited.then((code) => {
      exitCode = code;
    });
    await ready;

    // Rewrite the file, alternating the two versions, until the child has done its reads (at most 30 s),
    // letting the event loop run between writes so the child's exit is seen.
    let writes = 0;
    const deadline = Date.now() + 30_000;
    while (exitCode === undefined && Date.now() < deadline) {
      writeFileAtomically(file, versions[++writes % 2] as Buffer);
      await new Promise((resolve) => setImmediate(resolve));
    }
    writeFileSync(stopFile, '');
    assert.equal(await exited, 0, output);

    const lastLine = output.trim().split('\n').at(-1) ?? '';
    const result = JSON.parse(lastLine) as ReaderResult;
    assert.deepEqual(
      { bad: result.bad, samples: result.samples },
      { bad: 0, samples: [] },
      `${result.attempts} reads tried, ${result.reads} done, ${writes} writes`,
    );
    assert.equal(result.reads, READS);
    assert.equal(result.sawA + result.sawB, result.reads);
    assert.ok(result.sawA > 0 && result.sawB > 0, `saw A ${result.sawA} times and B ${result.sawB} times`);
    assert.ok(writes > 20, `only ${writes} writes`);
    assert.ok(readFileSync(file).equals(versions[writes % 2] as Buffer), 'the file holds the last version written');
    assert.deepEqual(leftovers(folder), []);
  });

  test('a target that is an existing directory: the write throws, the directory is untouched, no .tmp is left', () => {
    const folder = join(dir, 'onto-directory');
    const target = join(folder, 'out.json');
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'inner.txt'), 'inner\n');

    assert.throws(() => writeFileAtomically(target, '{"new":true}\n'), { code: 'EISDIR' });

    assert.deepEqual(readdirSync(folder), ['out.json']);
    assert.deepEqual(readdirSync(target), ['inner.txt']);
    assert.equal(readFileSync(join(target, 'inner.txt'), 'utf8'), 'inner\n');
  });

  test('a write that fails half way (disk full) leaves the previous file untouched and no .tmp behind', () => {
    const folder = join(dir, 'disk-full');
    const target = join(folder, 'spec.yaml');
    mkdirSync(folder, { recursive: true });
    writeFileSync(target, 'openapi: 3.1.0\n');
    const content = new TextEncoder().encode('openapi: 3.1.1\ninfo: {title: Onezone}\n');

    // writeFileSync writes a buffer through fs.writeSync: the first call writes half, the next one fails.
    const original = fs.writeSync;
    let calls = 0;
    mock.method(fs, 'writeSync', (fd: number, buffer: Uint8Array, offset: number, length: number): number => {
      calls++;
      if (calls > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return original(fd, buffer, offset, Math.ceil(length / 2));
    });
    try {
      assert.throws(() => writeFileAtomically(target, content), { code: 'ENOSPC' });
    } finally {
      mock.restoreAll();
    }

    assert.equal(calls, 2);
    assert.equal(readFileSync(target, 'utf8'), 'openapi: 3.1.0\n');
    assert.deepEqual(readdirSync(folder), ['spec.yaml']);
    assert.deepEqual(leftovers(folder), []);
  });

  test('missing parent folders are created', () => {
    const folder = join(dir, 'missing', 'a', 'b', 'c');
    const target = join(folder, 'page.html');
    assert.equal(existsSync(join(dir, 'missing')), false);

    writeFileAtomically(target, '<!doctype html>\n<title>Onezone</title>\n');

    assert.equal(readFileSync(target, 'utf8'), '<!doctype html>\n<title>Onezone</title>\n');
    assert.deepEqual(readdirSync(folder), ['page.html']);
    assert.deepEqual(readdirSync(join(dir, 'missing')), ['a']);
  });
});
