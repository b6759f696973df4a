// How every file the toolkit makes is written: into its folder under a temporary name, then renamed over the
// file, so a reader sees the old file or the new one, never half of one.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeFileAtomically(file: string, content: string | Uint8Array): void {
  makeDirectory(dirname(file));
  const partial = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, content);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Creates `dir` and its missing parents one level at a time: Node's recursive mkdir loops forever on some
 * pseudo file systems (`mkdirSync('/proc/x/y', { recursive: true })` never returns).
 */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !isDirectory(d); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const d of missing) mkdirSync(d);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
