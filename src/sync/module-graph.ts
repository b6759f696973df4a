// Memo keys derived, not listed: a stage's key follows every toolkit module its entry imports, transitively, as
// esbuild's metafile of the entry lists them, so an edit anywhere in that graph recomputes the stage.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../paths.ts';

const SRC_DIR = join(PROJECT_ROOT, 'src');
const known = new Map<string, Promise<string[]>>();

/**
 * Memo-key inputs of the code behind a stage: path and text of each module the entries import (transitively),
 * the non-TypeScript files below those modules' folders (assets they read through import.meta.url) and
 * package-lock.json (packages are resolved at import and at run time alike; the lockfile pins them all).
 */
export function codeKey(...entries: string[]): Promise<string[]> {
  const id = entries.join('\0');
  let key = known.get(id);
  if (!key) {
    key = computeCodeKey(entries);
    known.set(id, key);
  }
  return key;
}

/** The project-relative paths of the toolkit modules the entries (paths below src/) import, transitively. */
export async function importedModules(entries: readonly string[]): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: entries.map((e) => join(SRC_DIR, e)),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: join(PROJECT_ROOT, 'node_modules', '.cache', 'module-graph'),
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs).sort();
}

async function computeCodeKey(entries: readonly string[]): Promise<string[]> {
  const modules = await importedModules(entries);
  const folders = [...new Set(modules.map((m) => dirname(join(PROJECT_ROOT, m))))];
  const assets = [...new Set(folders.flatMap(nonModuleFilesBelow))].sort();
  const files = [...modules.map((m) => join(PROJECT_ROOT, m)), ...assets];
  return [
    ...files.flatMap((file) => [relative(PROJECT_ROOT, file), readFileSync(file, 'utf8')]),
    readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8'),
  ];
}

function nonModuleFilesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => !f.endsWith('.ts') && statSync(f).isFile());
}
