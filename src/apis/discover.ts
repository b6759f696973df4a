// The APIs of a project: every folder of spec/ with a sources.yaml. Light to load: the sync inputs use it too.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every folder of spec/ with a sources.yaml, in name order. */
export function apiNames(root: string): string[] {
  const specDir = join(root, 'spec');
  if (!existsSync(specDir)) return [];
  return readdirSync(specDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(specDir, e.name, 'sources.yaml')))
    .map((e) => e.name)
    .sort();
}
