// Memo keys derived, not listed: a stage's key follows every toolkit module its entry imports, transitively, as
// esbuild's metafile of the entry lists them, so an edit anywhere in that graph recomputes the stage.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../paths.ts';
import { packageVersion } from './memo.ts';

const SRC_DIR = join(PROJECT_ROOT, 'src');
const known = new Map<string, Promise<string[]>>();

/**
 * Memo-key inputs of the code behind a stage: path and text of each module the entries import (transitively),
 * the non-TypeScript files below those modules' folders (assets they read through import.meta.url), the version
 * of each package they import and package-lock.json.
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

/** The toolkit modules (project-relative) the entries (paths below src/) import, transitively, and the packages
 * they import. */
async function importedModules(entries: readonly string[]): Promise<{ modules: string[]; packages: string[] }> {
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
  const packages = Object.values(metafile.inputs).flatMap((input) =>
    input.imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => packageName(i.path)),
  );
  return { modules: Object.keys(metafile.inputs).sort(), packages: [...new Set(packages)].sort() };
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

async function computeCodeKey(entries: readonly string[]): Promise<string[]> {
  const { modules, packages } = await importedModules(entries);
  const folders = [...new Set(modules.map((m) => dirname(join(PROJECT_ROOT, m))))];
  const assets = [...new Set(folders.flatMap(nonModuleFilesBelow))].sort();
  const files = [...modules.map((m) => join(PROJECT_ROOT, m)), ...assets];
  return [
    ...files.flatMap((file) => [relative(PROJECT_ROOT, file), readFileSync(file, 'utf8')]),
    ...packages.flatMap((name) => [name, packageVersion(name)]),
    // The packages' own dependencies: the lockfile pins them.
    readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8'),
  ];
}

function nonModuleFilesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => !f.endsWith('.ts') && statSync(f).isFile());
}
