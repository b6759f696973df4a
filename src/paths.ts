// The project root, whichever script or test asks.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The complete doc set of one API that the project carries, with its provenance in spec/<api>/sources.yaml. */
export const docSetDir = (api: string, release = '17.06.0-rc8') => join(PROJECT_ROOT, 'spec', api, 'docs', release);
