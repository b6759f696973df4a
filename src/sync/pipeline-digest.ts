// What check needs of a pipeline run: a digest per artifact rather than its text (the site alone weighs megabytes),
// the specs' text for the linter, and the build errors. Sync and check record it under the pipeline's inputs, so a
// check whose inputs did not change reads its files once instead of recomputing them.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../rebuild/findings.ts';
import type { Memo } from './memo.ts';
import type { PipelineResult } from './pipeline.ts';

export interface ArtifactDigest {
  path: string;
  stage: string;
  bytes: number;
  sha256: string;
}

export interface PipelineDigest {
  artifacts: ArtifactDigest[];
  specs: { path: string; content: string }[];
  errors: Finding[];
}

/** The digest recorded under `inputs` (see pipelineInputs), or `run`'s, then recorded. */
export function recordedDigest(memo: Memo, inputs: readonly string[], run: () => Promise<PipelineDigest>) {
  return memo.get('pipeline-digest', inputs, run);
}

const SPEC = /^spec\/[^/]+\/(releases\/[^/]+\/)?openapi\.yaml$/;

export function digestOf({ artifacts, errors }: PipelineResult): PipelineDigest {
  return {
    artifacts: artifacts.map(({ path, stage, content }) => {
      const bytes = Buffer.from(content, 'utf8');
      return { path, stage, bytes: bytes.length, sha256: sha256(bytes) };
    }),
    specs: artifacts.filter((a) => SPEC.test(a.path)).map(({ path, content }) => ({ path, content })),
    errors,
  };
}

/** True when the file on disk is missing or is not the artifact (its size is compared before its hash). */
export function differsOnDisk(root: string, artifact: ArtifactDigest): boolean {
  const file = join(root, artifact.path);
  try {
    return statSync(file).size !== artifact.bytes || sha256(readFileSync(file)) !== artifact.sha256;
  } catch {
    return true;
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
