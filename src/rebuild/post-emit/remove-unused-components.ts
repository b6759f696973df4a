// Post-emit pass over the emitted document, like Redocly's remove-unused-components decorator: components no
// operation reaches (through $ref or a discriminator mapping, transitively) are removed, except definition
// pages, which the docs' model keeps as components whether an operation uses them or not (reported).
import type { Findings, Location } from '../findings.ts';
import type { Schema } from '../model.ts';
import { referencedNames, refTarget } from '../../openapi/ref-utils.ts';

export function removeUnusedComponents(
  document: Schema,
  pages: ReadonlyMap<string, Location>,
  findings: Findings,
): void {
  const schemas = (document.components as { schemas: Record<string, Schema> }).schemas;
  const reached = new Set<string>();
  const queue = [...referencedNames(document.paths)];
  while (queue.length) {
    const name = queue.pop()!;
    if (reached.has(name) || !schemas[name]) continue;
    reached.add(name);
    queue.push(...referencedNames(schemas[name]), ...mappingTargets(schemas[name]));
  }
  for (const name of Object.keys(schemas)) {
    if (reached.has(name)) continue;
    const page = pages.get(name);
    if (page) {
      findings.info(
        'unused-definition',
        page,
        `definition ${name} is used by no operation; kept in components/schemas (every definition page is a component)`,
        { subject: name },
      );
    } else delete schemas[name];
  }
}

/** The components a schema's discriminator mapping names (anywhere inside it). */
function mappingTargets(root: unknown, out: string[] = []): string[] {
  if (Array.isArray(root)) for (const item of root) mappingTargets(item, out);
  else if (root && typeof root === 'object') {
    const node = root as Record<string, unknown>;
    for (const key in node) {
      const value = node[key];
      if (key === 'discriminator' && value && typeof value === 'object') {
        for (const ref of Object.values((value as { mapping?: Record<string, string> }).mapping ?? {})) {
          const name = refTarget(ref);
          if (name) out.push(name);
        }
      } else if (key !== 'example' && key !== 'examples') mappingTargets(value, out);
    }
  }
  return out;
}
