// knip's verdict on the toolkit's own code: unused files, exports, types and dependencies, as `npm run check`
// reports it. knip takes seconds, so its answer is memoised under every file it reads.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { packageVersion, type Memo } from '../sync/memo.ts';

interface KnipIssue {
  file: string;
  [kind: string]: unknown;
}

/** The kinds of knip's JSON report that name a symbol or package (arrays of `{ name, line? }`), as check says them. */
const NAMED_KINDS: Record<string, string> = {
  dependencies: 'unused dependency',
  devDependencies: 'unused devDependency',
  unlisted: 'dependency missing from package.json',
  unresolved: 'unresolved import',
  binaries: 'binary missing from package.json',
  exports: 'unused export',
  types: 'unused exported type',
};

/** `file:line kind: name` for every unused file, export, type or dependency knip finds under `root`. */
export async function unusedCode(root: string, memo: Memo): Promise<{ problems: string[]; hit: boolean }> {
  const { value, hit } = await memo.get('knip', knipInputs(root), () => runKnip(root));
  return { problems: value, hit };
}

function knipInputs(root: string): string[] {
  const inputs = [
    packageVersion('knip'),
    ...['knip.jsonc', 'package.json'].map((f) => readFileSync(join(root, f), 'utf8')),
  ];
  for (const dir of ['src', 'bench', 'test']) {
    for (const file of (readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
      if (/\.(ts|mjs|js)$/.test(file)) inputs.push(`${dir}/${file}`, readFileSync(join(root, dir, file), 'utf8'));
    }
  }
  return inputs;
}

function runKnip(root: string): Promise<string[]> {
  // knip's package exports no path to its bin: the toolkit's own install has it.
  const knip = join(PROJECT_ROOT, 'node_modules', 'knip', 'bin', 'knip.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [knip, '--no-progress', '--reporter', 'json'],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        let report: { issues: KnipIssue[] };
        try {
          report = JSON.parse(stdout) as { issues: KnipIssue[] };
        } catch {
          reject(new Error(`knip failed: ${stderr.trim() || error?.message || 'no report'}`));
          return;
        }
        const problems: string[] = [];
        for (const issue of report.issues) {
          if (Array.isArray(issue.files) && issue.files.length) problems.push(`${issue.file} unused file`);
          for (const [kind, what] of Object.entries(NAMED_KINDS)) {
            for (const item of (issue[kind] as { name: string; line?: number }[] | undefined) ?? []) {
              const at = item.line ? `${issue.file}:${item.line}` : issue.file;
              problems.push(`${at} ${what}: ${item.name}`);
            }
          }
        }
        resolve(problems);
      },
    );
  });
}
