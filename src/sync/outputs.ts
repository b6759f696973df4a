// What the pipeline writes: its output folders, the files there it no longer makes, and its progress lines.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export function progressLine(stage: string, ms: number, detail: string): string {
  return `${stage.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms  ${detail}`;
}

/** Folders whose every file sync makes: a file there that no artifact is (left by an older build) is an orphan. */
export const OUTPUT_FOLDERS = ['generated', 'site'];

/** Files under the output folders that the pipeline no longer makes, relative to the project root. */
export function orphanFiles(root: string, artifacts: readonly { path: string }[]): string[] {
  const made = new Set(artifacts.map((a) => a.path));
  return OUTPUT_FOLDERS.flatMap((folder) => {
    const dir = join(root, folder);
    if (!existsSync(dir)) return [];
    return (readdirSync(dir, { recursive: true }) as string[])
      .map((f) => `${folder}/${f.split(sep).join('/')}`)
      .filter((path) => statSync(join(root, path)).isFile() && !made.has(path))
      .sort();
  });
}
