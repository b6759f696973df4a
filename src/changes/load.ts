// Reading one OpenAPI 3.x document from a YAML or JSON file; every problem is one SpecFileError line naming the
// file (and line:column where the parser knows it).
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { isObject } from './resolve.ts';
import type { Doc } from './types.ts';

export class SpecFileError extends Error {}

export function loadSpec(file: string): Doc {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new SpecFileError(`${file}: cannot read (${why})`);
  }
  return parseSpec(text, file);
}

/** `text` (YAML, so JSON too) as an OpenAPI 3.x document; `file` names it in errors. Read with js-yaml, not
 * `yaml`: only the data is needed, and js-yaml builds it several times faster (bench:changes). */
function parseSpec(text: string, file: string): Doc {
  let doc: unknown;
  try {
    // json: a repeated key keeps its last value, as JSON.parse does; the core schema, as `yaml` reads (no dates).
    doc = load(text, { filename: file, json: true, schema: CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const where = error.mark ? `${file}:${error.mark.line + 1}:${error.mark.column + 1}` : file;
    throw new SpecFileError(`${where}: not valid YAML or JSON: ${error.reason}`);
  }
  if (!isObject(doc)) throw new SpecFileError(`${file}: not an OpenAPI document (the top level is not a mapping)`);
  const version = doc.openapi;
  if (typeof version !== 'string' || !/^3\.\d+(\.\d+)?/.test(version)) {
    const found =
      doc.swagger !== undefined
        ? `swagger: ${String(doc.swagger)}`
        : version === undefined
          ? "no 'openapi' field"
          : `openapi: ${String(version)}`;
    const line = lineOf(text, doc.swagger !== undefined ? 'swagger' : 'openapi');
    throw new SpecFileError(`${file}:${line}: not an OpenAPI 3.x document (${found})`);
  }
  if (doc.paths !== undefined && !isObject(doc.paths))
    throw new SpecFileError(`${file}:${lineOf(text, 'paths')}: 'paths' is not a mapping`);
  return doc;
}

/** The 1-based line of a top-level key, or 1 when it is not there. */
function lineOf(text: string, key: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((line) => new RegExp(`^["']?${key}["']?\\s*:`).test(line) || line.includes(`"${key}"`));
  return i < 0 ? 1 : i + 1;
}
