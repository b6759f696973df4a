// Request-time compression of the site's text files, cached in memory under a byte budget.
// Why at request time and not precompressed .br/.gz siblings: the site generator and `npm run check` would have to
// make, track and prune a second and third copy of every page in site/ (and a sibling older than its page would be
// served in its place); here the cache is keyed by the file's identity (device, inode, size, mtime), so an answer
// always matches the file on disk. A middle Brotli quality keeps the first request cheap (measured on the Redoc
// bundle: bench/README.md), and every later request is a memory copy.
import { constants as fsConstants } from 'node:fs';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** The identity of a file version, from its stat. */
export interface FileVersion {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Smaller files are not worth a Content-Encoding; larger ones are streamed as they are. */
export const MIN_COMPRESS_SIZE = 1024;
export const MAX_COMPRESS_SIZE = 16 * 1024 * 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The encoding to answer with, from an Accept-Encoding header (q-values honoured; br preferred over gzip). */
export function pickEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

interface Entry {
  version: FileVersion;
  body: Buffer;
}

export class CompressionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Buffer | undefined>>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  /**
   * The compressed bytes of `file` as of `version`, or undefined when the file is no longer that version or no
   * longer a regular file (the caller then serves it uncompressed, or not at all). Rejects on a read error.
   */
  async get(file: string, version: FileVersion, encoding: Encoding): Promise<Buffer | undefined> {
    const key = `${encoding}\0${file}`;
    const hit = this.entries.get(key);
    if (hit && sameVersion(hit.version, version)) {
      this.entries.delete(key); // most recently used goes last
      this.entries.set(key, hit);
      return hit.body;
    }
    const flight = this.pending.get(key);
    if (flight) return flight;
    const made = this.make(file, version, encoding)
      .then((body) => {
        if (body) this.store(key, { version, body });
        return body;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, made);
    return made;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private async make(file: string, version: FileVersion, encoding: Encoding): Promise<Buffer | undefined> {
    // O_NONBLOCK: should the file have become a FIFO since the caller's stat, open() returns instead of waiting for
    // a writer; fstat then refuses it.
    const handle = await open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    let data: Buffer;
    try {
      const info = await handle.stat();
      if (!info.isFile() || !sameVersion(info, version)) return undefined;
      data = await handle.readFile();
    } finally {
      await handle.close();
    }
    if (data.length !== version.size) return undefined;
    return encoding === 'br'
      ? brotli(data, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
        })
      : gz(data, { level: 6 });
  }

  private store(key: string, entry: Entry): void {
    if (entry.body.length > this.budget) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, { body }] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= body.length;
    }
  }
}
