// A throwaway copy of the project (sources, benchmarks, tests, generated files; node_modules linked) for tests that
// edit files and run the project's own commands against them.
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/paths.ts';

const COPIED = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'redocly.yaml',
  'biome.jsonc',
  'knip.jsonc',
  'spec',
  'src',
  'bench',
  'test',
  'generated',
  'site',
];

export function copyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'onedata-copy-'));
  for (const entry of COPIED) cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** Runs one of the project's CLIs (src/cli/<name>.ts) inside the copy. */
export function runCli(root: string, name: string, args: string[] = []) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', `${name}.ts`), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
