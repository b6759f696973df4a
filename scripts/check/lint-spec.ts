// Lints a spec with Redocly through @redocly/openapi-core's API, using the project's redocly.yaml.
import { lint, lintFromString, loadConfig } from '@redocly/openapi-core';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';

export interface LintProblem {
  severity: string;
  ruleId: string;
  message: string;
  pointer: string;
}

export async function lintSpec(specPath: string): Promise<LintProblem[]> {
  const config = await loadConfig({ configPath: join(PROJECT_ROOT, 'redocly.yaml') });
  const problems = await lint({ ref: specPath, config });
  return problems
    .filter((p) => !p.ignored)
    .map((p) => ({ severity: p.severity, ruleId: p.ruleId, message: p.message, pointer: p.location[0]?.pointer ?? '' }));
}

/** Lints spec text that is not (or not yet) on disk; `path` is only used to resolve and show locations. */
export async function lintSpecText(source: string, path: string): Promise<LintProblem[]> {
  const config = await loadConfig({ configPath: join(PROJECT_ROOT, 'redocly.yaml') });
  const problems = await lintFromString({ source, absoluteRef: path, config });
  return problems
    .filter((p) => !p.ignored)
    .map((p) => ({ severity: p.severity, ruleId: p.ruleId, message: p.message, pointer: p.location[0]?.pointer ?? '' }));
}
