// Lints a spec with Redocly through @redocly/openapi-core's API, using the project's redocly.yaml.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';

export interface LintProblem {
  severity: string;
  ruleId: string;
  message: string;
  pointer: string;
}

export async function lintSpec(specPath: string): Promise<LintProblem[]> {
  const { lint, loadConfig } = await import('@redocly/openapi-core');
  const config = await loadConfig({ configPath: join(PROJECT_ROOT, 'redocly.yaml') });
  const problems = await lint({ ref: specPath, config });
  return problems
    .filter((p) => !p.ignored)
    .map((p) => ({
      severity: p.severity,
      ruleId: p.ruleId,
      message: p.message,
      pointer: p.location[0]?.pointer ?? '',
    }));
}

/** Lints spec text that is not (or not yet) on disk; `path` is only used to resolve and show locations. */
export async function lintSpecText(source: string, path: string): Promise<LintProblem[]> {
  // Imported on use, like the other heavy tools: a memo hit in `check` does not load Redocly.
  const { lintFromString, loadConfig } = await import('@redocly/openapi-core');
  const config = await loadConfig({ configPath: join(PROJECT_ROOT, 'redocly.yaml') });
  const problems = await lintFromString({ source, absoluteRef: path, config });
  return problems
    .filter((p) => !p.ignored)
    .map((p) => ({
      severity: p.severity,
      ruleId: p.ruleId,
      message: p.message,
      pointer: p.location[0]?.pointer ?? '',
    }));
}
