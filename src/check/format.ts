// The formatter's verdict on the toolkit's own sources (biome.json: width 120), as `npm run check` reports it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Files Biome would reformat, relative to `root`; empty when everything is formatted. */
export function unformattedFiles(root: string): string[] {
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  const run = spawnSync(process.execPath, [biome, 'format', '--reporter=github', '--max-diagnostics=none', root], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  const files = [...run.stdout.matchAll(/^::error title=format,file=([^,]+),/gm)].map((m) => relative(root, m[1]!));
  if (run.status !== 0 && files.length === 0) throw new Error(`biome format failed: ${run.stderr.trim()}`);
  return [...new Set(files)];
}

/** The width biome.json sets; the formatter cannot break long strings and comments, so this checks them. */
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
