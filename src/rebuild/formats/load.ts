// The doc formats a manifest adds (`formats: [./my-format.ts]`): modules loaded by dynamic import, each
// exporting a DocFormatFactory as default, so a new format is files beside the doc set and nothing in src/.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lineOfKey, loadManifest, ManifestError } from '../docs/manifest.ts';
import type { DocFormat, DocFormatFactory } from './registry.ts';

/** The formats the manifest at `manifestPath` lists, one fresh instance each; none without a manifest. */
export async function loadFormats(manifestPath: string | undefined): Promise<DocFormat[]> {
  if (!manifestPath) return [];
  const modules = loadManifest(manifestPath).formats ?? [];
  const line = () => lineOfKey(readFileSync(manifestPath, 'utf8'), 'formats');
  const formats: DocFormat[] = [];
  for (const module of modules) {
    const url = pathToFileURL(resolve(dirname(manifestPath), module)).href;
    let loaded: { default?: unknown };
    try {
      loaded = await import(url);
    } catch (e) {
      throw new ManifestError(manifestPath, line(), `cannot load format ${module}: ${(e as Error).message}`);
    }
    const factory = typeof loaded.default === 'function' ? (loaded.default as DocFormatFactory) : undefined;
    let format: Partial<DocFormat> | undefined;
    try {
      format = factory?.();
    } catch (e) {
      throw new ManifestError(manifestPath, line(), `format ${module} failed to start: ${(e as Error).message}`);
    }
    if (!isFormat(format))
      throw new ManifestError(
        manifestPath,
        line(),
        `format ${module} must export as default a function returning { name, extensions, detect, read, ` +
          'extract, rulers }',
      );
    formats.push(format);
  }
  return formats;
}

function isFormat(f: Partial<DocFormat> | undefined): f is DocFormat {
  return (
    typeof f?.name === 'string' &&
    Array.isArray(f.extensions) &&
    typeof f.detect === 'function' &&
    typeof f.read === 'function' &&
    typeof f.extract === 'function' &&
    Array.isArray(f.rulers)
  );
}
