// The spec the server is driven by: the parsed document, its base path and the privilege names it mentions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Spec } from '../openapi/spec-types.ts';
import { basePathOf } from '../openapi/servers.ts';
import { PROJECT_ROOT } from '../paths.ts';

export const DEFAULT_SPEC_PATH = join(PROJECT_ROOT, 'spec', 'openapi.yaml');

export interface LoadedSpec {
  document: Spec;
  /** The path of servers[0].url, e.g. /api/v3/onezone ('' when the server URL has no path). */
  basePath: string;
  /** Every privilege named in some operation's x-privileges. */
  privileges: ReadonlySet<string>;
}

export function loadSpec(path = DEFAULT_SPEC_PATH): LoadedSpec {
  const document = parse(readFileSync(path, 'utf8')) as Spec;
  const privileges = new Set<string>();
  for (const item of Object.values(document.paths ?? {})) {
    for (const op of Object.values(item)) for (const name of op['x-privileges'] ?? []) privileges.add(name);
  }
  return { document, basePath: basePathOf(document), privileges };
}
