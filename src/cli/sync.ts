// npm run sync [-- --docs <dir>] [--root <dir>]: docs → spec → generated/* → site/ in one process; writes what changed.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../paths.ts';
import { syncProject } from '../sync/write.ts';

const { values } = parseArgs({
  options: { docs: { type: 'string' }, root: { type: 'string' }, quiet: { type: 'boolean' } },
});
const outcome = await syncProject(resolve(values.root ?? PROJECT_ROOT), values.docs && resolve(values.docs), (line) =>
  console.log(line),
);
if (!values.quiet) for (const path of outcome.written) console.log(`wrote   ${path}`);
if (!outcome.ok) {
  console.error('sync stopped: the docs have hard errors (above); generated files left as they were');
  process.exitCode = 1;
} else console.log(`sync    ${outcome.written.length} of ${outcome.total} files changed`);
