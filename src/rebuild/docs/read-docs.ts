// Resolves the rebuilder's input into Sources: the manifest's list, or every page of a doc directory.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Findings } from '../findings.ts';
import type { Source } from '../model.ts';
import type { Manifest } from './manifest.ts';

const PAGE = /\.(md|markdown|txt)$/i;

/** Sources listed by the manifest (pages, or every page of a doc directory), paths relative to its folder. */
export function manifestSources(
  manifest: Manifest,
  manifestPath: string,
  findings: Findings,
  shownRelativeTo: string,
): Source[] {
  const root = dirname(resolve(manifestPath));
  return manifest.sources.flatMap((s) =>
    s.dir !== undefined
      ? directorySources(join(root, s.dir), findings, shownRelativeTo, s)
      : read(join(root, s.file), s.release, s.order, findings, shownRelativeTo),
  );
}

/** Every page below a doc directory, in a stable order: one release, named after the directory by default. */
export function directorySources(
  dir: string,
  findings: Findings,
  shownRelativeTo: string,
  release?: { release: string; order: number },
): Source[] {
  const root = resolve(dir);
  let files: string[];
  try {
    files = walk(root).sort();
  } catch (e) {
    findings.error(
      'no-input',
      { file: dir, line: 0 },
      `cannot read the doc directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return [];
  }
  if (files.length === 0)
    findings.error('no-input', { file: dir, line: 0 }, 'the doc directory holds no .md or .txt pages');
  return files.flatMap((f) =>
    read(f, release?.release ?? basename(root), release?.order ?? 0, findings, shownRelativeTo),
  );
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return PAGE.test(e.name) ? [full] : [];
  });
}

function read(path: string, release: string, order: number, findings: Findings, shownRelativeTo: string): Source[] {
  const file = relative(shownRelativeTo, path) || path;
  try {
    if (!statSync(path).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
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
