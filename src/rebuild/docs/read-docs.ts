// Resolves the rebuilder's input into Sources: the manifest's list, or every page of a doc directory.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Findings } from '../findings.ts';
import type { Source } from '../model.ts';
import { FormatRegistry } from '../formats/registry.ts';
import type { Manifest } from './manifest.ts';

/** Sources listed by the manifest (pages, or every page of a doc directory), paths relative to its folder. */
export function manifestSources(
  manifest: Manifest,
  manifestPath: string,
  findings: Findings,
  shownRelativeTo: string,
  formats = FormatRegistry.withBuiltins(),
): Source[] {
  const root = dirname(resolve(manifestPath));
  return manifest.sources.flatMap((s) =>
    s.dir !== undefined
      ? directorySources(join(root, s.dir), findings, shownRelativeTo, formats, s)
      : read(join(root, s.file), s.release, s.order, findings, shownRelativeTo),
  );
}

/** Every page below a doc directory, in a stable order: one release, named after the directory by default. */
export function directorySources(
  dir: string,
  findings: Findings,
  shownRelativeTo: string,
  formats = FormatRegistry.withBuiltins(),
  release?: { release: string; order: number },
): Source[] {
  const root = resolve(dir);
  let files: string[];
  const repeated: string[] = [];
  try {
    files = walk(root, repeated, (name) => formats.mayRead(name)).sort();
  } catch (e) {
    findings.error(
      'no-input',
      { file: dir, line: 0 },
      `cannot read the doc directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return [];
  }
  if (files.length === 0)
    findings.error('no-input', { file: dir, line: 0 }, `the doc directory holds no ${formats.extensionList()} pages`);
  for (const link of repeated)
    findings.warn(
      'unreadable-file',
      { file: relative(shownRelativeTo, link) || link, line: 0 },
      `links to ${relative(root, realpathSync(link)) || '.'}, a folder already read; its pages are read once`,
    );
  return files.flatMap((f) =>
    read(f, release?.release ?? basename(root), release?.order ?? 0, findings, shownRelativeTo),
  );
}

/**
 * Page files below `dir`, in name order; symlinked folders are followed, each real folder once: a link to a
 * folder already read (a loop, or a second way in) is listed in `repeated` instead.
 */
function walk(
  dir: string,
  repeated: string[],
  isPage: (name: string) => boolean,
  seen = new Set([realpathSync(dir)]),
): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries.flatMap((e) => {
    const full = join(dir, e.name);
    const isFolder = e.isDirectory() || (e.isSymbolicLink() && statOrUndefined(full)?.isDirectory());
    if (!isFolder) return isPage(e.name) ? [full] : [];
    const real = realpathSync(full);
    if (seen.has(real)) {
      repeated.push(full);
      return [];
    }
    seen.add(real);
    return walk(full, repeated, isPage, seen);
  });
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** What a non-regular file is, in words, for the finding that refuses it. */
function kindOf(stat: NonNullable<ReturnType<typeof statSync>>): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function read(path: string, release: string, order: number, findings: Findings, shownRelativeTo: string): Source[] {
  const file = relative(shownRelativeTo, path) || path;
  try {
    // Stat first: opening a FIFO would block until a writer comes.
    const stat = statSync(path);
    if (!stat?.isFile()) {
      findings.error('unreadable-file', { file, line: 0 }, `cannot read page: it is ${kindOf(stat)}`);
      return [];
    }
    const bytes = readFileSync(path);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\uFFFD'))
      findings.warn(
        'unreadable-file',
        { file, line: lineOf(text, text.indexOf('\uFFFD')) },
        'page is not valid UTF-8; undecodable bytes replaced with U+FFFD',
      );
    return [{ file, text, release, order }];
  } catch (e) {
    findings.error(
      'unreadable-file',
      { file, line: 0 },
      `cannot read page: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return [];
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
