// spec/sources.yaml: which pages to read, their release and merge order, and the facts no page states.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Schema } from '../model.ts';

export interface Manifest {
  info: { title: string; version: string; description: string; license?: { name: string; url?: string } };
  basePath: string;
  hostDefault: string;
  sources: { file: string; release: string; order: number; note?: string }[];
  securitySchemes: Record<string, Schema>;
  tags: { name: string; description: string; pathPrefix: string }[];
  statusByDescription: Record<string, string>;
}

export class ManifestError extends Error {}

export function loadManifest(path: string): Manifest {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ManifestError(`${path}:1: cannot read the manifest: ${(e as Error).message}`);
  }
  const m = raw as Partial<Manifest> | null;
  for (const key of ['info', 'basePath', 'sources', 'statusByDescription'] as const) {
    if (!m || m[key] === undefined) throw new ManifestError(`${path}:1: manifest lacks "${key}"`);
  }
  return { hostDefault: 'localhost', securitySchemes: {}, tags: [], ...m } as Manifest;
}
