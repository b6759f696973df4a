// npm run changes -- <old.yaml> <new.yaml> | --api onezone --from 3.0.0-rc15 [--to 17.06.0-rc8]
//   [--format text|markdown|json] [--fail-on breaking] [--root dir]
// The changelog between two OpenAPI 3.x specs (src/changes/). Exit 0; 1 when --fail-on breaking finds a breaking
// change; 2 on a usage error or a file that cannot be read or is not OpenAPI 3.x (one line naming it).
import { diffSpecs } from '../changes/diff.ts';
import { loadSpec, SpecFileError } from '../changes/load.ts';
import { readReleaseIndex, releaseSpec } from '../changes/releases.ts';
import { FORMATS, type Format, render } from '../changes/render.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { parseCommand, rootOption, UsageError } from './args.ts';

const { values, positionals } = parseCommand({
  name: 'changes',
  usage:
    'usage: npm run changes -- <old.yaml> <new.yaml> | --api name --from release [--to release] ' +
    '[--format text|markdown|json] [--fail-on breaking] [--root dir]',
  summary: 'Lists the operations added, removed, deprecated and changed between two OpenAPI 3.x specs.',
  positionals: [
    { name: 'old.yaml', help: 'the older spec (YAML or JSON)' },
    { name: 'new.yaml', help: 'the newer spec (YAML or JSON)' },
  ],
  options: {
    api: { type: 'string', value: 'name', help: 'compare two releases of this API, as spec/releases.json lists them' },
    from: { type: 'string', value: 'release', help: 'with --api: the older release' },
    to: { type: 'string', value: 'release', help: 'with --api: the newer release', defaultText: 'the default release' },
    format: {
      type: 'string',
      value: FORMATS.join('|'),
      default: 'text',
      help: 'text, Markdown (breaking changes first) or JSON',
      parse: (raw, label): Format => {
        if (!(FORMATS as readonly string[]).includes(raw))
          throw new UsageError(`${label} must be one of ${FORMATS.join(', ')}, got '${raw}'`);
        return raw as Format;
      },
    },
    'fail-on': {
      type: 'string',
      value: 'breaking',
      help: 'exit 1 when a breaking change is found',
      parse: (raw, label) => {
        if (raw !== 'breaking') throw new UsageError(`${label} must be 'breaking', got '${raw}'`);
        return raw;
      },
    },
    root: rootOption('the project whose spec/releases.json --api reads'),
  },
});

function usageError(problem: string): never {
  process.stderr.write(`changes: ${problem}\n`);
  process.exit(2);
}

const [oldArg, newArg] = positionals;
const byRelease = values.api !== undefined || values.from !== undefined || values.to !== undefined;
if (byRelease && oldArg !== undefined) usageError('give either two spec files or --api with --from, not both');
if (byRelease && values.api === undefined) usageError('--from and --to need --api');
if (byRelease && values.from === undefined) usageError('--api needs --from <release>');
if (!byRelease && newArg === undefined) usageError('give two spec files <old.yaml> <new.yaml>, or --api and --from');

try {
  let oldFile: string;
  let newFile: string;
  let labels: { from: string; to: string };
  if (byRelease) {
    const root = values.root ?? PROJECT_ROOT;
    const index = readReleaseIndex(root);
    const to = values.to ?? index.default;
    oldFile = releaseSpec(root, index, values.api!, values.from!);
    newFile = releaseSpec(root, index, values.api!, to);
    labels = { from: `${values.api} ${values.from}`, to: `${values.api} ${to}` };
  } else {
    oldFile = oldArg!;
    newFile = newArg!;
    labels = { from: oldFile, to: newFile };
  }
  const log = diffSpecs(loadSpec(oldFile), loadSpec(newFile), labels);
  process.stdout.write(render(log, values.format, labels));
  if (values['fail-on'] === 'breaking' && log.summary.breaking > 0) {
    process.stderr.write(`changes: ${log.summary.breaking} breaking change(s) (--fail-on breaking)\n`);
    process.exitCode = 1;
  }
} catch (error) {
  if (error instanceof SpecFileError) usageError(error.message);
  throw error;
}
