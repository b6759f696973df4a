// npm run sync [-- --root <dir>] [--quiet]: each API's docs → spec → generated/<api>/* → site/;
// writes what changed.
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { syncProject } from '../sync/write.ts';
import { parseCommand, rootOption } from './args.ts';

const { values } = parseCommand({
  name: 'sync',
  usage: 'usage: npm run sync -- [--root dir] [--quiet]',
  summary:
    'Rebuilds each API of spec/<api>/sources.yaml: docs → spec → generated/<api>/* → site/, in one process; ' +
    'writes only the files that changed.',
  options: {
    root: rootOption('the project to write into (its spec/<api>/sources.yaml name the APIs)'),
    quiet: { type: 'boolean', help: 'do not list the files written' },
  },
});
const outcome = await syncProject(resolve(values.root ?? PROJECT_ROOT), (line) => console.log(line));
if (!values.quiet) {
  for (const path of outcome.written) console.log(`wrote   ${path}`);
  for (const path of outcome.removed) console.log(`removed ${path}`);
}
if (!outcome.ok) {
  console.error('sync stopped: the docs have hard errors (above); generated files left as they were');
  process.exitCode = 1;
} else console.log(`sync    ${outcome.written.length} of ${outcome.total} files changed`);
