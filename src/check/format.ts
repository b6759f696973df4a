// The formatter's verdict on the toolkit's own sources (biome.jsonc: width 120), as `npm run check` reports it.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Files Biome would reformat, relative to `root`; empty when everything is formatted. Asynchronous: the
 * formatter, a process of its own, runs while check does the rest of its work. */
export function unformattedFiles(root: string): Promise<string[]> {
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  const args = [biome, 'format', '--reporter=github', '--max-diagnostics=none', root];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const files = [...stdout.matchAll(/^::error title=format,file=([^,]+),/gm)].map((m) => relative(root, m[1]!));
        if (error && files.length === 0) reject(new Error(`biome format failed: ${stderr.trim() || error.message}`));
        else resolve([...new Set(files)]);
      },
    );
  });
}

/** The width biome.jsonc sets; the formatter cannot break long strings and comments, so this checks them. */
export const MAX_WIDTH = 120;

/** `file:line (N characters)` for each line of the toolkit's sources (src/) wider than MAX_WIDTH. */
export function overlongLines(root: string): string[] {
  const src = join(root, 'src');
  return (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => /\.(ts|mjs|js|css)$/.test(f))
    .sort()
    .flatMap((f) =>
      readFileSync(join(src, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.length > MAX_WIDTH ? [`src/${f}:${i + 1} (${line.length} characters)`] : [])),
    );
}
