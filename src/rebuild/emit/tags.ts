// Tag Objects in paths.md order; descriptions from the paths.md groups, else overview.md's tag list, else
// the manifest.
import type { DocModel, Schema } from '../model.ts';
import type { Manifest } from '../docs/manifest.ts';

export function emitTags(model: DocModel, used: Set<string>, manifestTags: Manifest['tags']): Schema[] {
  const names = [
    ...model.tags.map((t) => t.name),
    ...Object.keys(model.info.tagDescriptions),
    ...manifestTags.map((t) => t.name),
    ...used,
  ];
  return [...new Set(names)]
    .filter((name) => used.has(name))
    .map((name) => ({
      name,
      description:
        model.tags.find((t) => t.name === name)?.description ||
        model.info.tagDescriptions[name] ||
        manifestTags.find((t) => t.name === name)?.description ||
        name,
    }));
}
