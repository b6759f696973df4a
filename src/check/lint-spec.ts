// Lints spec text with Redocly through @redocly/openapi-core's API, using the project's redocly.yaml.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';

export interface LintProblem {
  severity: string;
  ruleId: string;
  message: string;
  pointer: string;
}

/** Lints `source` (on disk or not); `path` resolves relative refs and names the locations. */
export async function lintSpec(source: string, path: string): Promise<LintProblem[]> {
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
