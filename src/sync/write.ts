// `sync` proper: run the pipeline and write the artifacts that differ from the files on disk.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatFinding } from '../rebuild/findings.ts';
import { cacheDir, fileMemo } from './memo.ts';
import { progressLine, runPipeline } from './pipeline.ts';

export interface SyncOutcome {
  ok: boolean;
  written: string[];
  total: number;
}

export async function syncProject(
  root: string,
  docsDir: string | undefined,
  say: (line: string) => void,
): Promise<SyncOutcome> {
  const memo = fileMemo(cacheDir(root));
  const { artifacts, build } = await runPipeline({
    root,
    docsDir,
    memo,
    onStage: (s, ms, d) => say(progressLine(s, ms, d)),
  });
  for (const f of build.findings.all) if (f.severity === 'error') console.error(formatFinding(f));
  if (build.findings.hasErrors) return { ok: false, written: [], total: artifacts.length };
  const written: string[] = [];
  for (const a of artifacts) {
    const file = join(root, a.path);
    if (readOrUndefined(file) === a.content) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, a.content);
    written.push(a.path);
  }
  return { ok: true, written, total: artifacts.length };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
