// The inputs tests build from: the Onezone doc set the project carries, and the seed sample (the five seed
// pages alone, test/fixtures/seed/sources.yaml), each built in-process into a temporary folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docSetDir, PROJECT_ROOT } from '../../src/paths.ts';
import { buildSpec } from '../../src/rebuild/build.ts';
import { specYaml } from '../../src/rebuild/emit/yaml.ts';
import { reportJson } from '../../src/rebuild/report/render.ts';

export const CORPUS_DIR = docSetDir('onezone');
/** The seed sample's manifest: the facts the seed pages do not state (security schemes, tags, status codes). */
export const SEED_MANIFEST = join(PROJECT_ROOT, 'test', 'fixtures', 'seed', 'sources.yaml');
/** Facts for building a doc directory in tests: the seed sample's (Onezone's, with schemes and tags). */
export const MANIFEST = SEED_MANIFEST;

/** The seed sample built from its manifest, once per process: the spec and report files, and the result. */
export const SEED = buildSeed();
export const SEED_SPEC = SEED.file;

function buildSeed() {
  const result = buildSpec({ manifestPath: SEED_MANIFEST, displayRoot: PROJECT_ROOT });
  const dir = mkdtempSync(join(tmpdir(), 'onezone-seed-'));
  const file = join(dir, 'openapi.yaml');
  writeFileSync(file, specYaml(result.document, 'test build of the seed sample'));
  writeFileSync(join(dir, 'report.json'), reportJson(result));
  return { file, report: join(dir, 'report.json'), result };
}

/** Builds the corpus spec in-process and writes it to a temp file; returns the file and the result. */
export function buildCorpusSpecFile() {
  const result = buildSpec({ manifestPath: MANIFEST, docsDir: CORPUS_DIR, displayRoot: CORPUS_DIR });
  const file = join(mkdtempSync(join(tmpdir(), 'onezone-corpus-')), 'openapi.yaml');
  writeFileSync(file, specYaml(result.document, 'test build of the corpus'));
  return { file, result };
}
