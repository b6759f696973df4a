// Lints a spec with Redocly through @redocly/openapi-core's API, using the project's redocly.yaml.
import { lint, loadConfig } from '@redocly/openapi-core';
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
