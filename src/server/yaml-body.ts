// Request bodies in YAML (Onepanel's configure_zone and configure_provider consume application/x-yaml), parsed
// with the yaml package under limits so that no body makes the parse explode: aliases are bounded (a
// billion-laughs body is a 400, not a hang), and flow nesting is measured before any recursion. The body's size is
// bounded before this (--body-limit, 413).
import { parse } from 'yaml';
import { HttpError } from './errors.ts';
import { MAX_BODY_DEPTH, tooDeep } from './limits.ts';

export const YAML_TYPES: ReadonlySet<string> = new Set([
  'application/x-yaml',
  'application/yaml',
  'text/yaml',
  'text/x-yaml',
]);

/** Nodes that aliases may expand to, in all (the yaml package's own guard; its default). */
const MAX_ALIAS_COUNT = 100;

export function parseYamlBody(text: string): unknown {
  const invalid = (why: string) =>
    new HttpError(400, 'badValue', 'requestBody', `The request body is not valid YAML: ${why}`);
  if (flowDepth(text) > MAX_BODY_DEPTH) throw tooDeep();
  try {
    return parse(text, { maxAliasCount: MAX_ALIAS_COUNT, uniqueKeys: true, prettyErrors: false }) as unknown;
  } catch (error) {
    throw invalid(((error as Error).message ?? String(error)).split('\n')[0]!.slice(0, 200));
  }
}

/** The deepest nesting of flow collections, counted without parsing (brackets inside quotes count too: an
 * overestimate, never an under-count). */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return deepest;
}
