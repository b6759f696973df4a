// Type-checks the generated code with the TypeScript compiler API (strict options from tsconfig.json).
// Like `tsc -b`'s up-to-date check, a run whose inputs (generated files, tsconfig, lockfile, compiler version)
// hash the same as the last clean run is skipped; otherwise the incremental build info makes it cheaper.
import type ts from 'typescript';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../sync/memo.ts';

export interface TypecheckResult {
  diagnostics: string[];
  cached: boolean;
}

export async function typecheckGenerated(root: string, files: string[], cacheDir: string): Promise<TypecheckResult> {
  // One stamp per project folder: scratch copies share node_modules (and so this cache) with the project.
  const project = createHash('sha256').update(root).digest('hex').slice(0, 16);
  const stampFile = join(cacheDir, `generated-${project}.clean`);
  const hash = createHash('sha256').update(packageVersion('typescript'));
  for (const f of [...files, 'tsconfig.json', 'package-lock.json']) hash.update(f).update(readOrEmpty(join(root, f)));
  const stamp = hash.digest('hex');
  if (readOrEmpty(stampFile) === stamp) return { diagnostics: [], cached: true };
  // Imported on use: the compiler takes a second to load, which an unchanged tree need not pay.
  const { default: typescript } = await import('typescript');
  const diagnostics = compile(typescript, root, files, join(cacheDir, `generated-${project}.tsbuildinfo`));
  mkdirSync(cacheDir, { recursive: true });
  if (diagnostics.length === 0) writeFileSync(stampFile, stamp);
  return { diagnostics, cached: false };
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function compile(ts: typeof import('typescript'), root: string, files: string[], buildInfo: string): string[] {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, root);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    incremental: true,
    tsBuildInfoFile: buildInfo,
  };
  const program = ts.createIncrementalProgram({ rootNames: files.map((f) => join(root, f)), options });
  const diagnostics = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  program.emit(); // writes only the build info (noEmit)
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1}: ${message}`;
  });
}
