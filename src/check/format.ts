// Biome's verdict (formatter and linter, biome.jsonc: width 120) on the toolkit's own sources, as `npm run check`
// reports it.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CodeStyle {
  /** Files Biome would reformat, relative to the project root. */
  unformatted: string[];
  /** `file:line rule: message` for each lint diagnostic. */
  lint: string[];
}

/** Biome's formatter and linter over the toolkit's sources (`biome check`), relative to `root`. Asynchronous: Biome,
 * a process of its own, runs while check does the rest of its work. */
export function codeStyle(root: string): Promise<CodeStyle> {
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  const args = [biome, 'check', '--reporter=github', '--max-diagnostics=none', root];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const diagnostics = [
          ...stdout.matchAll(/^::(?:error|warning) title=([^,]+),file=([^,]+),line=(\d+),.*?::(.*)$/gm),
        ];
        const unformatted = new Set<string>();
        const lint: string[] = [];
        for (const [, title, file, line, message] of diagnostics) {
          const at = relative(root, file!);
          if (title === 'format') unformatted.add(at);
          else lint.push(`${at}:${line} ${title}: ${message}`);
        }
        if (error && diagnostics.length === 0)
          reject(new Error(`biome check failed: ${stderr.trim() || error.message}`));
        else resolve({ unformatted: [...unformatted], lint });
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
