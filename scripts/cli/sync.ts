// npm run sync [-- --docs <dir>] [--root <dir>]: docs → spec → generated/* in one process; writes what changed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../paths.ts';
import { formatFinding } from '../rebuild/findings.ts';
import { progressLine, runPipeline } from '../sync/pipeline.ts';
import { fileMemo } from '../sync/memo.ts';

const { values } = parseArgs({ options: { docs: { type: 'string' }, root: { type: 'string' }, quiet: { type: 'boolean' } } });
const root = resolve(values.root ?? PROJECT_ROOT);
const { artifacts, build } = await runPipeline({ root, docsDir: values.docs && resolve(values.docs), memo: fileMemo(join(root, 'node_modules', '.cache', 'onezone')), onStage: (s, ms, d) => console.log(progressLine(s, ms, d)) });
for (const f of build.findings.all) if (f.severity === 'error') console.error(formatFinding(f));
let written = 0;
for (const a of artifacts) {
  const file = join(root, a.path);
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === a.content) continue;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, a.content);
  written++;
  if (!values.quiet) console.log(`wrote   ${a.path}`);
}
if (build.findings.hasErrors) {
  console.error('sync stopped: the docs have hard errors (above); generated files left as they were');
  process.exitCode = 1;
} else console.log(`sync    ${written} of ${artifacts.length} files changed`);
