// spec/<api>/sources.yaml: which pages or doc directories to read, their release and merge order, where they
// come from, and the facts no page states.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Schema } from '../model.ts';

export interface Manifest {
  info: { title: string; version: string; description: string; license?: { name: string; url?: string } };
  basePath: string;
  hostDefault: string;
  sources: ManifestSource[];
  securitySchemes: Record<string, Schema>;
  tags: { name: string; description: string; pathPrefix: string }[];
  statusByDescription: Record<string, string>;
  /** Modules of doc formats of this doc set (paths relative to the manifest), read before the built-in ones. */
  formats?: string[];
  /** Rules of the formats turned off by name, e.g. `swagger2markup/operation/example-responses`. */
  rules?: { disable?: string[] };
}

/** One page (`file`) or every page below a doc directory (`dir`), paths relative to the manifest. */
type ManifestSource = ({ file: string; dir?: never } | { dir: string; file?: never }) & {
  release: string;
  order: number;
  note?: string;
  /** Where the pages were taken from (repository, commit, path, license); data for readers, not for the build. */
  provenance?: Record<string, string>;
};

/** A manifest that cannot be used, located at its file and line (the message starts with `file:line: `). */
export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    /** What is wrong, without the location. */
    readonly what: string,
  ) {
    super(`${file}:${line}: ${what}`);
  }
}

/** The facts of a doc directory read without a manifest: only what its pages state, nothing invented. */
export function bareManifest(docsDir: string): Manifest {
  return {
    info: { title: basename(resolve(docsDir)), version: 'unversioned', description: '' },
    basePath: '',
    hostDefault: 'localhost',
    sources: [],
    securitySchemes: {},
    tags: [],
    statusByDescription: {},
  };
}

export function loadManifest(path: string): Manifest {
  let raw: unknown;
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
    raw = parse(text);
  } catch (e) {
    // The YAML parser's message goes on with a code frame: its first line says what and where.
    throw new ManifestError(path, 1, `cannot read the manifest: ${(e as Error).message.split('\n')[0]}`);
  }
  const m = raw as Partial<Manifest> | null;
  for (const key of ['info', 'basePath', 'sources'] as const) {
    if (!m || m[key] === undefined) throw new ManifestError(path, 1, `manifest lacks "${key}"`);
  }
  if (!Array.isArray(m!.sources) || m!.sources.length === 0)
    throw new ManifestError(path, 1, 'manifest lists no sources (an API needs at least one page)');
  m!.sources.forEach((s, i) => {
    const line = lineOfEntry(text, i);
    if (!s || (typeof s.file === 'string') === (typeof s.dir === 'string'))
      throw new ManifestError(path, line, `source ${i + 1} needs exactly one of "file" or "dir"`);
    if (typeof s.release !== 'string' || typeof s.order !== 'number')
      throw new ManifestError(path, line, `source ${i + 1} needs a "release" (text) and an "order" (number)`);
  });
  if (m!.formats !== undefined && !isTextList(m!.formats))
    throw new ManifestError(path, lineOfKey(text, 'formats'), '"formats" must be a list of module paths');
  if (m!.rules !== undefined && (typeof m!.rules !== 'object' || !isTextList(m!.rules?.disable ?? [])))
    throw new ManifestError(path, lineOfKey(text, 'rules'), '"rules" must be { disable: [rule names] }');
  return { hostDefault: 'localhost', securitySchemes: {}, tags: [], statusByDescription: {}, ...m } as Manifest;
}

const isTextList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Line of a top-level key of the manifest (1 when it cannot be found), for located errors. */
export function lineOfKey(text: string, key: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1 || 1;
}

/** Line of the i-th `- ` item under `sources:`, for located errors (1 when it cannot be found). */
function lineOfEntry(text: string, index: number): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^sources:/.test(l));
  let seen = -1;
  for (let i = start + 1; start >= 0 && i < lines.length; i++) {
    if (/^\S/.test(lines[i]!)) break;
    if (/^\s*- /.test(lines[i]!) && ++seen === index) return i + 1;
  }
  return 1;
}
