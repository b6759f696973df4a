// npm run build:spec [-- <docs-dir>] [--out <file>] [--report <dir>]
// Without a docs dir: rebuilds spec/openapi.yaml (+ spec/REPORT.md, spec/report.json) from spec/sources.yaml.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSpec } from '../rebuild/build.ts';
import { formatFinding } from '../rebuild/findings.ts';
import { ManifestError } from '../rebuild/docs/manifest.ts';
import { reportJson, reportMarkdown } from '../rebuild/report/render.ts';
import { specYaml } from '../rebuild/emit/yaml.ts';
import { PROJECT_ROOT } from '../paths.ts';

const USAGE = 'usage: npm run build:spec -- [docs-dir] [--out file.yaml] [--report dir] [--quiet]';

function main(): number {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        report: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const docsDir = args.positionals[0];
  const out = resolve(args.values.out ?? join(PROJECT_ROOT, 'spec/openapi.yaml'));
  const reportDir = resolve(
    args.values.report ?? (docsDir && args.values.out ? dirname(out) : join(PROJECT_ROOT, 'spec')),
  );
  const command = `npm run build:spec${docsDir ? ` -- ${docsDir}` : ''}`;
  let result;
  try {
    result = buildSpec({
      manifestPath: join(PROJECT_ROOT, 'spec/sources.yaml'),
      docsDir,
      displayRoot: docsDir ? resolve(docsDir) : PROJECT_ROOT,
    });
  } catch (e) {
    if (e instanceof ManifestError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const { findings } = result;
  for (const f of findings.all) {
    if (f.severity === 'error' || (!args.values.quiet && f.severity === 'warning')) console.error(formatFinding(f));
  }
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'REPORT.md'), reportMarkdown(result, command));
  writeFileSync(join(reportDir, 'report.json'), reportJson(result));
  if (findings.hasErrors) {
    console.error(
      `build failed: ${findings.all.filter((f) => f.severity === 'error').length} error(s); ${out} not written (see ${join(reportDir, 'REPORT.md')})`,
    );
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, specYaml(result.document, command));
  const warnings = findings.all.filter((f) => f.severity === 'warning').length;
  console.log(
    `${out}: ${result.operations.length} operations, ${Object.keys((result.document.components as { schemas: object }).schemas).length} schemas; ${warnings} warning(s) in ${join(reportDir, 'REPORT.md')}`,
  );
  return 0;
}

process.exitCode = main();
