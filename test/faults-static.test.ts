// The documentation site's static server under faults (issue 15): aborted downloads leak no file descriptor,
// symlinks cannot leave the root, a FIFO cannot hang it, and it speaks enough HTTP for a browser to cache, resume
// and compress (ETag/304, Range, gzip/br) with nosniff and a Content-Security-Policy. Runs on a temporary copy of
// the committed site/ (the Redoc bundle, one API's pages) on 127.0.0.1, port chosen by the system.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../src/paths.ts';
import { pageCsp, REFERENCE_CSP, serveStatic, type StaticServer } from '../src/static/server.ts';

const PAGE_CSP = pageCsp();

const SITE = join(PROJECT_ROOT, 'site');
const BUNDLE = 'assets/redoc.standalone.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let temp: string;
let root: string;
let server: StaticServer;
const fifo = () => join(root, 'pipe.html');

/** One request on a fresh connection; rejects after `timeoutMs` (a hang is a failure, not a stuck test). */
function get(path: string, headers: Record<string, string> = {}, timeoutMs = 5000): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(server.url + path, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${path}: no answer within ${timeoutMs} ms`)));
    req.on('error', fail);
    req.end();
  });
}

/** Starts a download of `path` and drops the connection as soon as the answer starts (like curl --max-filesize). */
function abortedDownload(path: string, onFirstByte: boolean): Promise<void> {
  return new Promise((done) => {
    const req = request(server.url + path, { agent: false }, (res) => {
      if (onFirstByte) res.once('data', () => req.destroy());
      else req.destroy();
    });
    req.on('close', () => done());
    req.on('error', () => {});
    req.end();
  });
}

const openFds = () => readdirSync('/proc/self/fd').length;

before(async () => {
  temp = mkdtempSync(join(tmpdir(), 'onezone-static-'));
  root = join(temp, 'site');
  mkdirSync(root);
  cpSync(join(SITE, 'assets'), join(root, 'assets'), { recursive: true });
  cpSync(join(SITE, 'onezone', 'index.html'), join(root, 'onezone', 'index.html'));
  cpSync(join(SITE, 'onezone', 'reference.html'), join(root, 'onezone', 'reference.html'));
  cpSync(join(SITE, 'index.html'), join(root, 'index.html'));
  mkdirSync(join(temp, 'outside'));
  writeFileSync(join(temp, 'outside', 'secret.txt'), 'not part of the site\n');
  symlinkSync(join(temp, 'outside', 'secret.txt'), join(root, 'secret.txt'));
  symlinkSync(join(temp, 'outside'), join(root, 'outside'));
  symlinkSync(join(root, 'assets', 'site.css'), join(root, 'alias.css'));
  execFileSync('mkfifo', [fifo()]);
  server = await serveStatic(root);
});

after(async () => {
  // Should a server have opened the FIFO, its open() waits for a writer: give it one so the process can exit.
  try {
    closeSync(openSync(fifo(), constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {}
  await server?.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('faults', () => {
  test('1000 aborted downloads of the Redoc bundle leave no descriptor open, and the server still answers', async () => {
    const start = openFds();
    for (let i = 0; i < 1000; i += 50)
      await Promise.all(Array.from({ length: 50 }, (_, j) => abortedDownload(BUNDLE, (i + j) % 2 === 0)));
    let now = openFds();
    for (let waited = 0; now > start + 10 && waited < 5000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      now = openFds();
    }
    assert.ok(now <= start + 10, `open descriptors: ${start} before, ${now} after 1000 aborted downloads`);
    const page = await get('index.html');
    assert.equal(page.status, 200);
    assert.deepEqual(page.body, readFileSync(join(root, 'index.html')));
  });

  test('a symlink out of the root is 404; one that stays inside is served', async () => {
    assert.equal((await get('secret.txt')).status, 404);
    assert.equal((await get('outside/secret.txt')).status, 404);
    assert.equal((await get('%2e%2e/outside/secret.txt')).status, 404);
    const alias = await get('alias.css');
    assert.equal(alias.status, 200);
    assert.deepEqual(alias.body, readFileSync(join(root, 'assets', 'site.css')));
  });

  test('a FIFO in the root is 404 within a second, and never stalls the server', async () => {
    // More requests than libuv has threads: a server that open()s the FIFO blocks one thread per request.
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      const reply = await get('pipe.html', {}, 1000);
      assert.equal(reply.status, 404);
      assert.ok(Date.now() - started < 1000);
    }
    assert.equal((await get('assets/site.css', {}, 1000)).status, 200);
  });
});

describe('HTTP', () => {
  test('ETag, and 304 on If-None-Match (a list too) and If-Modified-Since', async () => {
    const first = await get('assets/site.css');
    assert.equal(first.status, 200);
    const etag = first.headers.etag;
    assert.ok(etag, 'an ETag');
    assert.ok(first.headers['last-modified'], 'a Last-Modified');
    const again = await get('assets/site.css', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
    assert.equal((await get('assets/site.css', { 'if-none-match': `"other", ${etag}` })).status, 304);
    assert.equal((await get('assets/site.css', { 'if-none-match': '"other"' })).status, 200);
    const since = { 'if-modified-since': first.headers['last-modified']! };
    assert.equal((await get('assets/site.css', since)).status, 304);
  });

  test('Range: 206 with the right bytes, suffix ranges, 416 past the end', async () => {
    const file = readFileSync(join(root, BUNDLE));
    const part = await get(BUNDLE, { range: 'bytes=100-199' });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], `bytes 100-199/${file.length}`);
    assert.deepEqual(part.body, file.subarray(100, 200));
    const tail = await get(BUNDLE, { range: 'bytes=-50' });
    assert.equal(tail.status, 206);
    assert.deepEqual(tail.body, file.subarray(file.length - 50));
    assert.equal((await get(BUNDLE, { range: `bytes=${file.length + 10}-` })).status, 416);
    const stale = await get(BUNDLE, { range: 'bytes=0-9', 'if-range': '"stale"' });
    assert.equal(stale.status, 200);
    assert.equal(stale.body.length, file.length);
  });

  test('Accept-Encoding: gzip and br bodies are smaller and decode to the file', async () => {
    const file = readFileSync(join(root, BUNDLE));
    const gz = await get(BUNDLE, { 'accept-encoding': 'gzip' });
    assert.equal(gz.status, 200);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(String(gz.headers.vary), /accept-encoding/i);
    assert.ok(gz.body.length < file.length / 2, `gzip: ${gz.body.length} of ${file.length} bytes`);
    assert.deepEqual(gunzipSync(gz.body), file);
    const br = await get(BUNDLE, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(br.body), file);
    assert.notEqual(br.headers.etag, gz.headers.etag, 'each representation has its own ETag');
    const plain = await get(BUNDLE, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, file);
  });

  test('nosniff and a CSP on the pages, a looser one on Redoc’s reference page only', async () => {
    for (const path of ['index.html', 'onezone/index.html', 'onezone/']) {
      const page = await get(path);
      assert.equal(page.status, 200, path);
      assert.equal(page.headers['x-content-type-options'], 'nosniff', path);
      assert.equal(page.headers['content-security-policy'], PAGE_CSP, path);
      assert.doesNotMatch(PAGE_CSP, /unsafe/);
    }
    const reference = await get('onezone/reference.html');
    assert.equal(reference.headers['x-content-type-options'], 'nosniff');
    assert.equal(reference.headers['content-security-policy'], REFERENCE_CSP);
    assert.equal((await get('assets/search.js')).headers['x-content-type-options'], 'nosniff');
  });

  test('a directory without its slash redirects, never to another host', async () => {
    const reply = await get('onezone');
    assert.equal(reply.status, 301);
    assert.equal(reply.headers.location, '/onezone/');
    const sneaky = await get('/onezone');
    assert.equal(sneaky.headers.location, '/onezone/');
  });

  test('close() stops the server with an idle keep-alive connection open', async () => {
    const other = await serveStatic(root);
    const sockets: import('node:net').Socket[] = [];
    await new Promise<void>((done, fail) => {
      const req = request(`${other.url}index.html`, { headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', () => done());
      });
      req.on('socket', (s) => sockets.push(s));
      req.on('error', fail);
      req.end();
    });
    const started = Date.now();
    await other.close();
    assert.ok(Date.now() - started < 1500, `close() took ${Date.now() - started} ms`);
    for (const s of sockets) s.destroy();
  });
});
