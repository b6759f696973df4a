// Content-addressed memo for the pure, slow stages (openapi-typescript, Redocly lint, Redoc): the key hashes
// every input (the spec text, the tool's version, its configuration), so a hit is exactly what a rerun would
// produce — the same contract as eslint --cache or tsc's build info. Kept in node_modules/.cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';

/**
 * Where sync/check keep their caches: node_modules/.cache/onedata-openapi, or $ONEDATA_OPENAPI_CACHE_DIR
 * (benchmarks use a fresh one).
 */
export function cacheDir(root: string): string {
  return process.env.ONEDATA_OPENAPI_CACHE_DIR ?? join(root, 'node_modules', '.cache', 'onedata-openapi');
}

export interface Memo {
  get<T>(stage: string, inputs: readonly string[], compute: () => Promise<T>): Promise<{ value: T; hit: boolean }>;
}

export function fileMemo(cacheDir: string): Memo {
  return {
    async get<T>(stage: string, inputs: readonly string[], compute: () => Promise<T>) {
      const hash = createHash('sha256').update(stage);
      for (const input of inputs) hash.update('\0').update(input);
      const file = join(cacheDir, `${stage}-${hash.digest('hex').slice(0, 32)}.json`);
      try {
        return { value: JSON.parse(readFileSync(file, 'utf8')) as T, hit: true };
      } catch {
        const value = await compute();
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(file, JSON.stringify(value));
        return { value, hit: false };
      }
    },
  };
}

/** Version of a package the toolkit runs (its own install, whichever project it works on), for memo keys. */
export function packageVersion(name: string): string {
  const file = join(PROJECT_ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
