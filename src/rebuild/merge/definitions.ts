// One definition per name: the latest release wins; same-release duplicates must agree.
import type { Findings } from '../findings.ts';
import type { SchemaDefinition } from '../model.ts';

export function latestDefinitions(definitions: SchemaDefinition[], findings: Findings): SchemaDefinition[] {
  const byName = new Map<string, SchemaDefinition>();
  for (const d of definitions) {
    const kept = byName.get(d.name);
    if (kept && JSON.stringify(kept.schema) !== JSON.stringify(d.schema)) {
      findings.warn(
        'conflicting-operation',
        d.at,
        `definition ${d.name} differs from ${kept.at.file}:${kept.at.line}; the later page wins`,
        { subject: d.name, related: kept.at },
      );
    }
    byName.set(d.name, d);
  }
  return [...byName.values()];
}
