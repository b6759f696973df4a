// The specs the server is driven by: the parsed document, the document openapi-backend gets (the loading step,
// backend-document.ts), its base path, the API it is and the privilege names it mentions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Spec } from '../openapi/spec-types.ts';
import { basePathOf } from '../openapi/servers.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { API_NAMES } from '../apis/registry.ts';
import { toBackendDocument } from './backend-document.ts';

/** The APIs `npm run serve` serves together, in their profiles' order (the first one's URL is `url`). */
export { API_NAMES };

/** spec/<api>/openapi.yaml */
export const specPathOf = (api: string) => join(PROJECT_ROOT, 'spec', api, 'openapi.yaml');

export interface LoadedSpec {
  /** Which API: the last segment of the base path (`/api/v3/onepanel` → onepanel), else 'api'. */
  api: string;
  document: Spec;
  /** What openapi-backend loads: the document with 3.1-only constructs rewritten into 3.0 ones. */
  backendDocument: Record<string, unknown>;
  /** The path of servers[0].url, e.g. /api/v3/onezone ('' when the server URL has no path). */
  basePath: string;
  /** Every privilege named in some operation's x-privileges. */
  privileges: ReadonlySet<string>;
}

export function loadSpec(path: string): LoadedSpec {
  return specFrom(parse(readFileSync(path, 'utf8')) as Spec);
}

function specFrom(document: Spec): LoadedSpec {
  const privileges = new Set<string>();
  for (const item of Object.values(document.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      const names = (op as { 'x-privileges'?: unknown })?.['x-privileges'];
      if (Array.isArray(names)) for (const name of names) if (typeof name === 'string') privileges.add(name);
    }
  }
  const basePath = basePathOf(document);
  const api = basePath.split('/').filter(Boolean).pop() ?? 'api';
  return { api, document, backendDocument: toBackendDocument(document), basePath, privileges };
}
