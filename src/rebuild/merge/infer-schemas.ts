// Schemas the pages reference but never define are inferred from every example that uses them: JSON types and
// string formats. An inferred property is required only where a page's property table says so (`*required*`):
// an example shows what a value may hold, never what every value must hold. Where releases disagree on the
// shape (a property's type changes), the schema becomes an anyOf of one variant per run of agreeing releases,
// so every kept example still validates; anyOf, not oneOf: with nothing required, the variants overlap (`{}`
// is both). The decision is reported.
import type { Findings, Location } from '../findings.ts';
import type { Schema } from '../model.ts';
import type { SchemaEvidence } from './operations.ts';
import { componentRef } from '../../openapi/ref-utils.ts';

export interface Sample {
  value: unknown;
  release: string;
  order: number;
  at: Location;
}

export function inferSchemas(
  name: string,
  samples: Sample[],
  evidence: SchemaEvidence[],
  findings: Findings,
  firstUse: Location,
): Record<string, Schema> {
  const sources = [...samples.map((s) => s.at), ...evidence.map((e) => e.at)].map((l) => `${l.file}:${l.line}`);
  const at = samples[0]?.at ?? evidence[0]?.at ?? firstUse;
  if (samples.length === 0 && evidence.length === 0) {
    findings.warn(
      'inferred-schema',
      firstUse,
      `schema ${name} is referenced but neither defined nor shown in any example; left open (any value)`,
      { subject: name },
    );
    return { [name]: { 'x-inferred': true, description: `${name} (no definition or example in the docs).` } };
  }
  const whole = infer(samples.map((s) => s.value));
  if (whole.conflicts.length === 0) {
    const schema = withEvidence(whole.schema, evidence);
    findings.info(
      'inferred-schema',
      at,
      `schema ${name} inferred from ${samples.length} example(s) and ${evidence.length} property table(s)`,
      { subject: name },
    );
    return { [name]: { ...schema, 'x-inferred': true, 'x-inferred-from': sources } };
  }
  // Group consecutive releases whose examples agree with each other.
  const orders = [...new Set(samples.map((s) => s.order))].sort((a, b) => a - b);
  const runs: Sample[][] = [];
  for (const order of orders) {
    const release = samples.filter((s) => s.order === order);
    const last = runs[runs.length - 1];
    if (last && infer([...last, ...release].map((s) => s.value)).conflicts.length === 0) last.push(...release);
    else runs.push(release);
  }
  const out: Record<string, Schema> = {};
  const variants: string[] = [];
  for (const run of runs) {
    const latest = run.reduce((a, b) => (b.order > a.order ? b : a));
    const variant = `${name}_${latest.release.replace(/[^A-Za-z0-9]+/g, '_')}`;
    const releases = [...new Set(run.map((s) => s.release))];
    const runEvidence = evidence.filter((e) => releases.includes(e.release));
    out[variant] = {
      ...withEvidence(infer(run.map((s) => s.value)).schema, runEvidence),
      description: `${name} as documented by release(s) ${releases.join(', ')}.`,
      'x-inferred': true,
      'x-releases': releases,
      'x-inferred-from': run.map((s) => `${s.at.file}:${s.at.line}`),
    };
    variants.push(variant);
  }
  out[name] = {
    anyOf: variants.map(componentRef),
    description: `${name} changed shape between releases (${whole.conflicts.join('; ')}); one variant per release.`,
    'x-inferred': true,
  };
  findings.warn(
    'schema-versions',
    at,
    `schema ${name} has incompatible shapes across releases (${whole.conflicts.join('; ')}): ` +
      `emitted as anyOf ${variants.join(' | ')} so every kept example validates`,
    { subject: name },
  );
  return out;
}

type Inferred = { schema: Schema; conflicts: string[] };

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function infer(values: unknown[], path = ''): Inferred {
  const types = new Set(values.map(jsonType));
  if (types.has('integer') && types.has('number')) types.delete('integer');
  if (types.size > 1) {
    return {
      schema: { type: [...types].sort() },
      conflicts: [`${path || 'value'} is ${[...types].sort().join(' vs ')}`],
    };
  }
  const type = [...types][0];
  switch (type) {
    case 'object': {
      const objects = values as Record<string, unknown>[];
      const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
      const properties: Record<string, Schema> = {};
      const conflicts: string[] = [];
      for (const key of keys) {
        const sub = infer(
          objects.filter((o) => key in o).map((o) => o[key]),
          path ? `${path}.${key}` : key,
        );
        properties[key] = sub.schema;
        conflicts.push(...sub.conflicts);
      }
      return { schema: { type: 'object', properties }, conflicts };
    }
    case 'array': {
      const items = (values as unknown[][]).flat();
      if (items.length === 0) return { schema: { type: 'array', items: {} }, conflicts: [] };
      const sub = infer(items, `${path}[]`);
      return { schema: { type: 'array', items: sub.schema }, conflicts: sub.conflicts };
    }
    case 'string': {
      const format = stringFormat(values as string[]);
      return { schema: { type: 'string', ...(format ? { format } : {}) }, conflicts: [] };
    }
    default:
      return { schema: type ? { type } : {}, conflicts: [] };
  }
}

const FORMATS: [string, RegExp][] = [
  ['date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['uri', /^https?:\/\/[^\s]+$/],
];

function stringFormat(values: string[]): string | undefined {
  return FORMATS.find(([, re]) => values.length > 0 && values.every((v) => re.test(v)))?.[0];
}

/** Property tables (descriptions, properties no example shows) enrich the inferred shape. */
function withEvidence(schema: Schema, evidence: SchemaEvidence[]): Schema {
  const properties = { ...((schema.properties as Record<string, Schema>) ?? {}) };
  const required = new Set<string>();
  for (const e of evidence) {
    for (const key of (e.schema.required as string[] | undefined) ?? []) required.add(key);
    for (const [key, prop] of Object.entries((e.schema.properties as Record<string, Schema>) ?? {})) {
      const current = properties[key];
      if (!current) properties[key] = prop;
      else if (prop.description && !current.description)
        properties[key] = { ...current, description: prop.description };
    }
  }
  return Object.keys(properties).length > 0 || schema.type === 'object'
    ? { ...schema, type: 'object', properties, ...(required.size ? { required: [...required] } : {}) }
    : schema;
}
