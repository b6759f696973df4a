// Documented polymorphism, resolved on the model before anything is emitted. swagger2markup prints
// "*Polymorphism* : Inheritance / *Discriminator* : type" on the subtypes, with the parent's properties
// flattened into theirs, but never names the parent. The parent is a definition with the discriminator property:
// the one whose enum of that property names the subtype (UserStorageCredentials.type: posix, ceph, … → posix;
// HandleServiceProperties.type: DOI, PID → DOIServiceProperties), and among those the one sharing the longest
// name suffix (DOIServicePropertiesUpdate → HandleServicePropertiesUpdate, not HandleServiceProperties).
// The docs' model then holds: subtype = allOf [parent, own properties]; the parent carries the discriminator
// with its mapping (enum value → subtype page); every definition page is a component.
import { isDeepStrictEqual } from 'node:util';
import type { Findings } from '../findings.ts';
import type { ComponentPlan, Schema, SchemaDefinition } from '../model.ts';
import { componentRef } from '../../openapi/ref-utils.ts';

export function resolveInheritance(definitions: SchemaDefinition[], findings: Findings): ComponentPlan[] {
  const plans = new Map<string, ComponentPlan>();
  for (const d of definitions) {
    const kinds: ComponentPlan['kinds'] = [];
    if (d.nested.length) kinds.push('nested');
    const nested = d.nested.map((n) => `#${n.anchor} (line ${n.at.line})`).join(', ');
    plans.set(d.name, {
      name: d.name,
      schema: structuredClone(d.schema),
      ...(d.examples[0] ? { example: d.examples[0] } : {}),
      page: true,
      kinds,
      how: d.nested.length ? `nested: inline object(s) ${nested} as schemas in place` : '',
      at: d.at,
    });
  }
  const subtypes = definitions.filter((d) => d.polymorphism?.kind === 'Inheritance' && d.polymorphism.discriminator);
  const parentOf = new Map<SchemaDefinition, SchemaDefinition>();
  for (const child of subtypes) {
    const discriminator = child.polymorphism!.discriminator!;
    const candidates = definitions
      .filter((d) => !subtypes.includes(d) && hasProperty(d.schema, discriminator))
      .map((d) => ({
        d,
        named: discriminatorValues(d.schema, discriminator).some((v) => names(v, child.name)),
        shared: commonSuffix(d.name, child.name),
      }))
      .filter((c) => c.named || c.shared > 0)
      .sort((a, b) => Number(b.named) - Number(a.named) || b.shared - a.shared);
    const parent = candidates[0]?.d;
    if (!parent) {
      findings.warn(
        'dangling-reference',
        child.polymorphism!.at,
        `${child.name} is documented as a subtype (discriminator ${discriminator}) ` +
          'but no definition can be its parent; kept as a plain schema',
        { subject: child.name },
      );
      continue;
    }
    parentOf.set(child, parent);
  }
  for (const [child, parent] of parentOf) {
    const plan = plans.get(child.name)!;
    plan.schema = subtypeSchema(child.schema, parent.schema, parent.name);
    plan.kinds.unshift('subtype');
    plan.how = join(
      `subtype of ${parent.name}: allOf [${parent.name}, own properties] (${parent.at.file}:${parent.at.line})`,
      plan.how,
    );
  }
  const childrenOf = new Map<SchemaDefinition, SchemaDefinition[]>();
  for (const [child, parent] of parentOf) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);
  for (const [parent, children] of childrenOf) {
    const plan = plans.get(parent.name)!;
    const discriminator = children[0]!.polymorphism!.discriminator!;
    const values = discriminatorValues(parent.schema, discriminator);
    const mapping: Record<string, string> = {};
    const unmatched: string[] = [];
    for (const value of [...values].sort()) {
      const child =
        children.find((c) => c.name.toLowerCase() === value.toLowerCase()) ??
        children.find((c) => names(value, c.name));
      if (child) mapping[value] = componentRef(child.name).$ref;
      else unmatched.push(value);
    }
    const mapped = new Set(Object.values(mapping));
    const orphans = children.filter((c) => !mapped.has(componentRef(c.name).$ref));
    plan.schema.discriminator = { propertyName: discriminator, ...(Object.keys(mapping).length ? { mapping } : {}) };
    plan.kinds.unshift('parent');
    const childList = children.map((c) => `${c.name} (${c.at.file}:${c.at.line})`).join(', ');
    const mappingList = Object.entries(mapping)
      .map(([v, ref]) => `${v} → ${ref.split('/').pop()}`)
      .join(', ');
    plan.how = join(`parent of ${childList}: discriminator ${discriminator}, mapping ${mappingList}`, plan.how);
    if (unmatched.length)
      findings.warn(
        'dangling-reference',
        parent.at,
        `${parent.name}.${discriminator} lists ${unmatched.join(', ')}, which no subtype page documents; ` +
          'not in the discriminator mapping',
        { subject: parent.name },
      );
    for (const orphan of orphans)
      findings.warn(
        'dangling-reference',
        orphan.polymorphism!.at,
        `${orphan.name} is a subtype of ${parent.name} but no value of ${parent.name}.${discriminator} names it; ` +
          'not in the discriminator mapping',
        { subject: orphan.name },
      );
  }
  for (const d of definitions) {
    const plan = plans.get(d.name)!;
    if (d.polymorphism && !parentOf.has(d)) {
      plan.kinds.unshift('composed');
      plan.how = join(
        `${d.polymorphism.kind.toLowerCase()} (line ${d.polymorphism.at.line}) with no parent on the pages: ` +
          "the page's flattened properties as they are",
        plan.how,
      );
    }
    if (plan.kinds.length === 0) {
      plan.kinds.push('plain');
      plan.how = 'plain: the page’s property table';
    }
  }
  return [...plans.values()];
}

/** allOf [parent, what the subtype adds]: properties the parent does not declare alike, and their required. */
function subtypeSchema(child: Schema, parent: Schema, parentName: string): Schema {
  const parentProps = (parent.properties as Record<string, Schema> | undefined) ?? {};
  const parentRequired = new Set((parent.required as string[] | undefined) ?? []);
  const own: Record<string, Schema> = {};
  for (const [key, prop] of Object.entries((child.properties as Record<string, Schema> | undefined) ?? {})) {
    if (!isDeepStrictEqual(parentProps[key], prop)) own[key] = prop;
  }
  const required = ((child.required as string[] | undefined) ?? []).filter((k) => !parentRequired.has(k));
  const part: Schema = { type: 'object', properties: own, ...(required.length ? { required } : {}) };
  const out: Schema = { allOf: [componentRef(parentName), part] };
  if (child.description) out.description = child.description;
  return out;
}

/** `posix` names `posix`; `DOI` names `DOIServiceProperties` (case-insensitive prefix). */
function names(value: string, name: string): boolean {
  return value !== '' && name.toLowerCase().startsWith(value.toLowerCase());
}

/** The values the parent's discriminator property may take (its enum). */
function discriminatorValues(schema: Schema, discriminator: string): string[] {
  const property = (schema.properties as Record<string, Schema> | undefined)?.[discriminator];
  const values = Array.isArray(property?.enum) ? (property.enum as unknown[]) : [];
  return values.filter((v): v is string => typeof v === 'string');
}

function hasProperty(schema: Schema, name: string): boolean {
  return Boolean((schema.properties as Record<string, unknown> | undefined)?.[name]);
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join('; ');
}
