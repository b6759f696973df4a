// Info Object: overview.md when the input has one, else the manifest's stand-in facts.
import type { ApiInfo, Schema } from '../model.ts';
import type { Manifest } from '../docs/manifest.ts';

export function emitInfo(info: ApiInfo, fallback: Manifest['info']): Schema {
  const out: Schema = {
    title: info.title ?? fallback.title,
    version: info.version ?? fallback.version,
    description: info.description ?? fallback.description,
  };
  if (info.contact) out.contact = info.contact;
  const license = info.license ?? fallback.license;
  if (license) out.license = license;
  return out;
}
