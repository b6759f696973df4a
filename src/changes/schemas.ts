// Schema checks: properties added or removed, required, type and enum, recursing through properties, items,
// additionalProperties and anyOf/oneOf (allOf is flattened), memoised, with a guard against cycles.
import { found, type Found, type Sides, unionKeys } from './context.ts';
import { child } from './pointer.ts';
import { isObject, type Located, resolve } from './resolve.ts';

/** Which way data flows: a request schema must keep accepting, a response schema must not start surprising. */
export type Direction = 'request' | 'response';

export interface SchemaAt {
  node: unknown;
  pointer: string;
}

interface Flat {
  types: Set<string> | undefined;
  enum: unknown[] | undefined;
  properties: Map<string, Located>;
  required: Set<string>;
  items: Located | undefined;
  additional: Located | undefined;
  variants: { key: 'anyOf' | 'oneOf'; parts: Located[] } | undefined;
  readOnly: boolean;
  writeOnly: boolean;
}

export class SchemaDiffer {
  private readonly memo = new Map<string, Found[]>();
  private readonly active = new Set<string>();
  constructor(private readonly sides: Sides) {}

  /** The changes between two schemas; `label` names the value in messages ("request body", "property 'id'"). */
  diff(direction: Direction, oldAt: SchemaAt, newAt: SchemaAt, label: string): Found[] {
    const oldS = resolve(this.sides.oldDoc, oldAt.node, oldAt.pointer);
    const newS = resolve(this.sides.newDoc, newAt.node, newAt.pointer);
    if (!oldS || !newS) return [];
    const pair = `${direction}|${oldS.pointer}|${newS.pointer}`;
    // Entered again before it finished, under whatever label: a cycle; the outer visit reports this pair.
    if (this.active.has(pair)) return [];
    const key = `${pair}|${label}`;
    const known = this.memo.get(key);
    if (known) return known;
    this.active.add(pair);
    const changes = this.compare(direction, oldS, newS, label);
    this.active.delete(pair);
    this.memo.set(key, changes);
    return changes;
  }

  private compare(direction: Direction, oldS: Located, newS: Located, label: string): Found[] {
    const a = flatten(this.sides.oldDoc, oldS);
    const b = flatten(this.sides.newDoc, newS);
    const out: Found[] = [];
    compareTypes(direction, a, b, label, oldS, newS, out);
    compareEnums(direction, a, b, label, oldS, newS, out);
    for (const name of unionKeys(a.properties.keys(), b.properties.keys())) {
      const before = a.properties.get(name);
      const after = b.properties.get(name);
      const what = `property '${name}'`;
      if (before && after) {
        this.compareRequired(direction, a.required.has(name), b.required.has(name), what, label, after, before, out);
        out.push(...this.diff(direction, before, after, what));
      } else if (after) this.added(direction, b, name, after, label, out);
      else if (before) this.removed(direction, a, name, before, label, newS, out);
    }
    if (a.items && b.items) out.push(...this.diff(direction, a.items, b.items, `items of ${label}`));
    if (a.additional && b.additional)
      out.push(...this.diff(direction, a.additional, b.additional, `values of ${label}`));
    if (a.variants && b.variants && a.variants.key === b.variants.key) {
      const n = Math.min(a.variants.parts.length, b.variants.parts.length);
      for (let i = 0; i < n; i++)
        out.push(
          ...this.diff(direction, a.variants.parts[i]!, b.variants.parts[i]!, `${a.variants.key}[${i}] of ${label}`),
        );
    }
    return out;
  }

  private added(direction: Direction, b: Flat, name: string, after: Located, label: string, out: Found[]) {
    const what = `property '${name}' of ${label}`;
    if (direction === 'request') {
      if (isReadOnly(this.sides.newDoc, after)) return;
      if (b.required.has(name)) out.push(found('new-required-request-property', `new required ${what}`, after.pointer));
      else out.push(found('new-optional-request-property', `new optional ${what}`, after.pointer));
    } else if (!isWriteOnly(this.sides.newDoc, after)) {
      out.push(found('response-property-added', `new ${what}`, after.pointer));
    }
  }

  private removed(
    direction: Direction,
    a: Flat,
    name: string,
    before: Located,
    label: string,
    newS: Located,
    out: Found[],
  ) {
    const what = `property '${name}' of ${label}`;
    if (direction === 'request') {
      if (isReadOnly(this.sides.oldDoc, before)) return;
      out.push(found('request-property-removed', `removed ${what}`, newS.pointer, before.pointer));
    } else if (!isWriteOnly(this.sides.oldDoc, before)) {
      const was = a.required.has(name) ? 'required ' : '';
      out.push(found('response-property-removed', `removed ${was}${what}`, newS.pointer, before.pointer));
    }
  }

  private compareRequired(
    direction: Direction,
    was: boolean,
    is: boolean,
    what: string,
    label: string,
    after: Located,
    before: Located,
    out: Found[],
  ) {
    if (was === is) return;
    const text = `${what} of ${label} became ${is ? 'required' : 'optional'}`;
    const rule =
      direction === 'request'
        ? is
          ? 'request-property-became-required'
          : 'request-property-became-optional'
        : is
          ? 'response-property-became-required'
          : 'response-property-became-optional';
    out.push(found(rule, text, after.pointer, before.pointer));
  }
}

function compareTypes(
  direction: Direction,
  a: Flat,
  b: Flat,
  label: string,
  oldS: Located,
  newS: Located,
  out: Found[],
) {
  if (sameSet(a.types, b.types)) return;
  // A request must keep accepting what it did; a response must not send what it did not.
  const breaking = direction === 'request' ? !accepts(b.types, a.types) : !accepts(a.types, b.types);
  const text = `type of ${label} changed from ${typeText(a.types)} to ${typeText(b.types)}`;
  const rule = direction === 'request' ? 'request-type-changed' : 'response-type-changed';
  out.push(found(rule, text, newS.pointer, oldS.pointer, breaking));
}

function compareEnums(
  direction: Direction,
  a: Flat,
  b: Flat,
  label: string,
  oldS: Located,
  newS: Located,
  out: Found[],
) {
  if (!b.enum) return;
  if (!a.enum) {
    if (direction === 'request')
      out.push(
        found('request-enum-added', `${label} is now restricted to ${list(b.enum)}`, newS.pointer, oldS.pointer),
      );
    return;
  }
  const before = new Set(a.enum.map((v) => JSON.stringify(v)));
  const after = new Set(b.enum.map((v) => JSON.stringify(v)));
  const gone = [...before].filter((v) => !after.has(v)).sort();
  const fresh = [...after].filter((v) => !before.has(v)).sort();
  for (const v of gone) {
    const rule = direction === 'request' ? 'request-enum-value-removed' : 'response-enum-value-removed';
    out.push(found(rule, `${label} no longer allows ${v}`, newS.pointer, oldS.pointer));
  }
  for (const v of fresh) {
    const rule = direction === 'request' ? 'request-enum-value-added' : 'response-enum-value-added';
    out.push(found(rule, `${label} now allows ${v}`, newS.pointer, oldS.pointer));
  }
}

/** The schema with its allOf parts merged in: what a value must satisfy, as one object. */
function flatten(doc: unknown, at: Located, seen = new Set<string>()): Flat {
  const s = at.node;
  const flat: Flat = {
    types: typesOf(s),
    enum: Array.isArray(s.enum) ? s.enum : 'const' in s ? [s.const] : undefined,
    properties: new Map(),
    required: new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []),
    items: undefined,
    additional: undefined,
    variants: undefined,
    readOnly: s.readOnly === true,
    writeOnly: s.writeOnly === true,
  };
  if (isObject(s.properties))
    for (const name of Object.keys(s.properties)) {
      const prop = s.properties[name];
      const pointer = child(child(at.pointer, 'properties'), name);
      flat.properties.set(name, resolve(doc, prop, pointer) ?? { node: {}, pointer });
    }
  if (s.items !== undefined) flat.items = resolve(doc, s.items, child(at.pointer, 'items'));
  if (isObject(s.additionalProperties))
    flat.additional = resolve(doc, s.additionalProperties, child(at.pointer, 'additionalProperties'));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const parts = s[key];
    if (Array.isArray(parts) && !flat.variants)
      flat.variants = {
        key,
        parts: parts.flatMap((p, i) => resolve(doc, p, child(child(at.pointer, key), i)) ?? []),
      };
  }
  if (Array.isArray(s.allOf)) {
    seen.add(at.pointer);
    s.allOf.forEach((part, i) => {
      const located = resolve(doc, part, child(child(at.pointer, 'allOf'), i));
      if (!located || seen.has(located.pointer)) return;
      const sub = flatten(doc, located, seen);
      for (const [name, prop] of sub.properties) if (!flat.properties.has(name)) flat.properties.set(name, prop);
      for (const r of sub.required) flat.required.add(r);
      flat.types ??= sub.types;
      flat.enum ??= sub.enum;
      flat.items ??= sub.items;
      flat.additional ??= sub.additional;
      flat.variants ??= sub.variants;
    });
  }
  return flat;
}

function typesOf(s: Record<string, unknown>): Set<string> | undefined {
  const raw = s.type;
  const types = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((t) => typeof t === 'string') : [];
  if (types.length === 0) return undefined;
  if (s.nullable === true) types.push('null'); // OpenAPI 3.0
  return new Set(types);
}

/** Whether every value of type set `narrow` is also one of `wide` (undefined: any type). */
function accepts(wide: Set<string> | undefined, narrow: Set<string> | undefined): boolean {
  if (!wide) return true;
  if (!narrow) return false;
  return [...narrow].every((t) => wide.has(t) || (t === 'integer' && wide.has('number')));
}

function sameSet(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && [...a].every((t) => b.has(t));
}

function typeText(types: Set<string> | undefined): string {
  return types ? [...types].sort().join(' | ') : 'any';
}

function list(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function isReadOnly(doc: unknown, at: Located): boolean {
  return flatten(doc, at).readOnly;
}

function isWriteOnly(doc: unknown, at: Located): boolean {
  return flatten(doc, at).writeOnly;
}
