// `sync` proper: run the pipeline and write the artifacts that differ from the files on disk.
import { type Dirent, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-write.ts';
import { formatFinding } from '../rebuild/findings.ts';
import { cacheDir, fileMemo } from './memo.ts';
import { orphanFiles, OUTPUT_FOLDERS, progressLine } from './outputs.ts';
import { runPipeline } from './pipeline.ts';
import { pipelineInputs } from './inputs.ts';
import { digestOf, recordedDigest } from './pipeline-digest.ts';

export interface SyncOutcome {
  ok: boolean;
  written: string[];
  /** Files of generated/ and site/ that no artifact is any more (an older build's), deleted. */
  removed: string[];
  total: number;
}

export async function syncProject(root: string, say: (line: string) => void): Promise<SyncOutcome> {
  const memo = fileMemo(cacheDir(root));
  const inputs = pipelineInputs(root);
  const result = await runPipeline({
    root,
    memo,
    onStage: (s, ms, d) => say(progressLine(s, ms, d)),
  });
  const { artifacts, errors } = result;
  for (const f of errors) console.error(formatFinding(f));
  if (errors.length) return { ok: false, written: [], removed: [], total: artifacts.length };
  const written: string[] = [];
  for (const a of artifacts) {
    const file = join(root, a.path);
    if (readOrUndefined(file) === a.content) continue;
    writeFileAtomically(file, a.content);
    written.push(a.path);
  }
  const removed = orphanFiles(root, artifacts);
  for (const path of removed) rmSync(join(root, path));
  for (const folder of OUTPUT_FOLDERS) removeEmptyFolders(join(root, folder));
  // The check that usually follows a sync then recomputes nothing.
  if (inputs) await recordedDigest(memo, inputs, async () => digestOf(result));
  return { ok: true, written, removed, total: artifacts.length };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Removes the folders below `dir` that orphan removal left empty. */
function removeEmptyFolders(dir: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const sub = join(dir, e.name);
    removeEmptyFolders(sub);
    if (readdirSync(sub).length === 0) rmdirSync(sub);
  }
}
