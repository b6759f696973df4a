// npm run build:spec [-- --api <name>] | [-- <docs-dir> --out <file> [--facts <sources.yaml>] [--report <dir>]]
// Without a docs dir: rebuilds spec/<api>/openapi.yaml (+ REPORT.md, report.json) of every API, or of --api.
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { buildSpec, type BuildResult } from '../rebuild/build.ts';
import { ManifestError } from '../rebuild/docs/manifest.ts';
import { loadFormats } from '../rebuild/formats/load.ts';
import { specYaml } from '../rebuild/emit/yaml.ts';
import { formatFinding } from '../rebuild/findings.ts';
import { reportJson, reportMarkdown } from '../rebuild/report/render.ts';
import { buildApi } from '../sync/apis.ts';
import { apiNames } from '../sync/inputs.ts';
import { releaseTargets } from '../sync/releases.ts';
import { writeFileAtomically } from '../sync/atomic-write.ts';
import { existingDir, existingFile, outputDir, outputFile, parseCommand, UsageError } from './args.ts';

const USAGE =
  'usage: npm run build:spec -- [--api name] | <docs-dir> --out file.yaml ' +
  '[--facts sources.yaml] [--report dir] [--quiet]';
const apis = apiNames(PROJECT_ROOT);

async function main(): Promise<number> {
  const args = parseCommand({
    name: 'build:spec',
    usage: USAGE,
    summary: 'Rebuilds OpenAPI specs and their build reports from documentation pages.',
    options: {
      api: {
        type: 'string',
        value: 'name',
        defaultText: `every API: ${apis.join(', ')}`,
        help: 'rebuild spec/<name>/openapi.yaml from spec/<name>/sources.yaml',
        parse: (raw, label) => {
          if (!apis.includes(raw)) throw new UsageError(`${label} must be one of ${apis.join(', ')}, got '${raw}'`);
          return raw;
        },
      },
      out: { type: 'string', value: 'file.yaml', parse: outputFile, help: 'where to write the spec of <docs-dir>' },
      facts: {
        type: 'string',
        value: 'sources.yaml',
        parse: existingFile,
        defaultText: 'none: only what the pages state',
        help: 'a manifest whose facts (title, base path, schemes…) fill what the pages of <docs-dir> do not state',
      },
      report: {
        type: 'string',
        value: 'dir',
        parse: outputDir,
        defaultText: 'the folder of --out',
        help: 'where to write REPORT.md and report.json of <docs-dir>',
      },
      quiet: { type: 'boolean', help: 'print errors only, not warnings' },
    },
    positionals: [
      {
        name: 'docs-dir',
        help: 'a swagger2markup (or onedata.org plain-text) doc directory, or one of the formats --facts lists',
      },
    ],
  });
  const { values } = args;
  const docsDir = args.positionals[0];
  if (docsDir === undefined && (values.out || values.facts || values.report))
    return usage('--out, --facts and --report go with a <docs-dir>');
  if (docsDir !== undefined && values.api) return usage('give --api or a <docs-dir>, not both');
  if (docsDir !== undefined && !values.out) return usage('a <docs-dir> needs --out <file.yaml>');
  if (docsDir !== undefined) {
    try {
      existingDir(docsDir, '<docs-dir>');
    } catch (error) {
      if (error instanceof UsageError) return usage(error.message);
      throw error;
    }
  }
  try {
    if (docsDir === undefined) {
      let status = 0;
      const targets = releaseTargets(PROJECT_ROOT).filter((t) => t.isDefault && (!values.api || t.api === values.api));
      for (const target of targets) {
        const { result, files } = await buildApi(PROJECT_ROOT, target);
        const [spec, ...reports] = files;
        status = Math.max(status, write(result, resolve(PROJECT_ROOT, spec!.path), reports, spec!.content, values));
      }
      return status;
    }
    const out = resolve(values.out!);
    const reportDir = resolve(values.report ?? join(out, '..'));
    const command = `npm run build:spec -- ${docsDir}`;
    const formats = await loadFormats(values.facts);
    const result = buildSpec({ manifestPath: values.facts, docsDir, displayRoot: resolve(docsDir), formats });
    const reports = [
      { path: join(reportDir, 'REPORT.md'), content: reportMarkdown(result, command) },
      { path: join(reportDir, 'report.json'), content: reportJson(result) },
    ];
    return write(result, out, reports, specYaml(result.document, command), values);
  } catch (e) {
    if (e instanceof ManifestError) {
      console.error(e.message);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).syscall) {
      const { code, path } = e as NodeJS.ErrnoException;
      console.error(`build:spec: cannot write ${path}: ${code}`);
      return 1;
    }
    throw e;
  }
}

/** Reports always; the spec only when the build has no errors (the previous one stays otherwise). */
function write(
  result: BuildResult,
  out: string,
  reports: { path: string; content: string }[],
  spec: string,
  options: { quiet: boolean },
): number {
  const { findings } = result;
  for (const f of findings.all) {
    if (f.severity === 'error' || (!options.quiet && f.severity === 'warning')) console.error(formatFinding(f));
  }
  for (const r of reports) writeFileAtomically(resolve(PROJECT_ROOT, r.path), r.content);
  const report = resolve(PROJECT_ROOT, reports[0]!.path);
  if (findings.hasErrors) {
    const errors = findings.all.filter((f) => f.severity === 'error').length;
    console.error(`build failed: ${errors} error(s); ${out} not written (see ${report})`);
    return 1;
  }
  writeFileAtomically(out, spec);
  const warnings = findings.all.filter((f) => f.severity === 'warning').length;
  const schemas = Object.keys((result.document.components as { schemas: object }).schemas).length;
  console.log(
    `${out}: ${result.operations.length} operations, ${schemas} schemas; ${warnings} warning(s) in ${report}`,
  );
  return 0;
}

function usage(problem: string): number {
  console.error(`build:spec: ${problem}\n${USAGE}`);
  return 2;
}

process.exitCode = await main();
