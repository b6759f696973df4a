// swagger2markup prints "*Polymorphism* : Inheritance / *Discriminator* : type" on the subtypes but never
// names their parent. The parent is a definition with the discriminator property: first one whose enum of
// that property lists the subtype (UserStorageCredentials.type: posix, ceph, … → posix), else the one sharing
// the longest name suffix (DOIServiceProperties → HandleServiceProperties). It becomes a oneOf of its subtypes
// with a discriminator mapping, so examples of a subtype validate where the parent is referenced.
import type { Findings } from '../findings.ts';
import type { Schema, SchemaDefinition } from '../model.ts';
import { componentRef } from '../../openapi/ref-utils.ts';

export function linkInheritance(
  definitions: SchemaDefinition[],
  schemas: Record<string, Schema>,
  findings: Findings,
): void {
  const children = definitions.filter(
    (d) => (d.schema['x-polymorphism'] as { polymorphism?: string } | undefined)?.polymorphism === 'Inheritance',
  );
  const parentsOf = new Map<string, SchemaDefinition[]>();
  for (const child of children) {
    const discriminator = (child.schema['x-polymorphism'] as { discriminator?: string }).discriminator ?? '';
    const candidates = definitions.filter((d) => !children.includes(d) && hasProperty(d.schema, discriminator));
    const parent =
      candidates.find((d) => discriminatorValues(d.schema, discriminator).some((v) => child.name.startsWith(v))) ??
      candidates
        .map((d) => ({ d, shared: commonSuffix(d.name, child.name) }))
        .filter((c) => c.shared > 0)
        .sort((a, b) => b.shared - a.shared)[0]?.d;
    if (!parent) {
      findings.warn(
        'dangling-reference',
        child.at,
        `${child.name} is documented as a subtype (discriminator ${discriminator}) but no definition can be its parent`,
        { subject: child.name },
      );
      continue;
    }
    parentsOf.set(parent.name, [...(parentsOf.get(parent.name) ?? []), child]);
  }
  for (const [parentName, subtypes] of parentsOf) {
    const parent = schemas[parentName]!;
    const discriminator = (subtypes[0]!.schema['x-polymorphism'] as { discriminator: string }).discriminator;
    const values = discriminatorValues(parent, discriminator);
    const mapping: Record<string, string> = {};
    for (const sub of subtypes) {
      const value = values.find((v) => sub.name.startsWith(v));
      if (value) mapping[value] = componentRef(sub.name).$ref;
    }
    parent.oneOf = subtypes.map((s) => componentRef(s.name));
    parent.discriminator = { propertyName: discriminator, ...(Object.keys(mapping).length ? { mapping } : {}) };
    findings.info(
      'inferred-fact',
      subtypes[0]!.at,
      `${subtypes.map((s) => s.name).join(', ')} taken as subtypes of ${parentName} (discriminator ${discriminator}), matched by name`,
      { subject: parentName },
    );
  }
}

/** The values the parent's discriminator property may take (its enum), longest first. */
function discriminatorValues(schema: Schema, discriminator: string): string[] {
  const property = (schema.properties as Record<string, Schema> | undefined)?.[discriminator];
  const values = Array.isArray(property?.enum) ? (property.enum as unknown[]) : [];
  return values.filter((v): v is string => typeof v === 'string').sort((a, b) => b.length - a.length);
}

function hasProperty(schema: Schema, name: string): boolean {
  return Boolean((schema.properties as Record<string, unknown> | undefined)?.[name]);
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
