// Where CI keeps the full doc set, and a one-off build of it into a temporary folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { buildSpec } from '../../src/rebuild/build.ts';
import { specYaml } from '../../src/rebuild/emit/yaml.ts';
import { writeFileSync } from 'node:fs';

export const CORPUS_DIR = join(PROJECT_ROOT, '..', 'shared', 'corpus', 'onezone-17.06.0-rc8');
export const MANIFEST = join(PROJECT_ROOT, 'spec', 'sources.yaml');
export const SEED_SPEC = join(PROJECT_ROOT, 'spec', 'openapi.yaml');

/** Builds the corpus spec in-process and writes it to a temp file; returns the file and the result. */
export function buildCorpusSpecFile() {
  const result = buildSpec({ manifestPath: MANIFEST, docsDir: CORPUS_DIR, displayRoot: CORPUS_DIR });
  const file = join(mkdtempSync(join(tmpdir(), 'onezone-corpus-')), 'openapi.yaml');
  writeFileSync(file, specYaml(result.document, 'test build of the corpus'));
  return { file, result };
}
