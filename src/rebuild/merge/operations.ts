// One operation per endpoint. Pages of one release that claim the same operation must agree (a concatenated
// paths.md next to operations/*.md is not counted twice); across releases the later one wins field by field,
// deprecation is kept, and every changed field is reported with both locations.
import { isDeepStrictEqual } from 'node:util';
import type { Findings, Location } from '../findings.ts';
import type { Operation, Parameter, Response, Schema } from '../model.ts';
import { refName } from '../../openapi/ref-utils.ts';

/** Evidence a later release gives about a named schema through an inline (anonymous) object. */
export interface SchemaEvidence {
  name: string;
  schema: Schema;
  release: string;
  order: number;
  at: Location;
}

export function mergeOperations(ops: Operation[], findings: Findings, evidence: SchemaEvidence[]): Operation[] {
  return operationGroups(ops).map((group) => {
    let merged = group[0]!;
    for (const next of group.slice(1)) {
      if (next.order === merged.order) merged = sameRelease(merged, next, findings);
      else merged = laterWins(merged, next, findings, evidence);
    }
    return merged;
  });
}

/**
 * Ops in release order, grouped: each joins the first group holding an op with its method+path or its
 * operationId, else starts one. Both keys index the first group that has them (a scan of the groups made this
 * O(n²)); an op joins the lower of its two keys' groups, so re-pointing both keys to it keeps each the first.
 */
export function operationGroups(ops: Operation[]): Operation[][] {
  const groups: Operation[][] = [];
  const byEndpoint = new Map<string, number>();
  const byId = new Map<string, number>();
  for (const op of [...ops].sort((a, b) => a.order - b.order)) {
    const endpoint = `${op.method} ${op.path}`;
    const found = Math.min(byEndpoint.get(endpoint) ?? Infinity, byId.get(op.operationId) ?? Infinity);
    const group = found === Infinity ? groups.push([]) - 1 : found;
    groups[group]!.push(op);
    byEndpoint.set(endpoint, group);
    byId.set(op.operationId, group);
  }
  return groups;
}

function sameRelease(kept: Operation, other: Operation, findings: Findings): Operation {
  if (isDeepStrictEqual(comparable(kept), comparable(other))) {
    findings.info(
      'duplicate-operation',
      other.at,
      `${other.operationId} is also on ${kept.at.file}:${kept.at.line} with the same content; counted once`,
      {
        subject: kept.operationId,
        related: kept.at,
      },
    );
  } else {
    findings.error(
      'conflicting-operation',
      other.at,
      `${other.operationId} (${other.method.toUpperCase()} ${other.path}) is claimed with different content ` +
        `by ${kept.at.file}:${kept.at.line} of the same release`,
      {
        subject: kept.operationId,
        related: kept.at,
      },
    );
  }
  return kept;
}

/** The operation without locations, for "same content" comparisons. */
function comparable(op: Operation): unknown {
  return JSON.parse(JSON.stringify(op, (key, value) => (key === 'at' || key === 'fieldAt' ? undefined : value)));
}

function laterWins(old: Operation, next: Operation, findings: Findings, evidence: SchemaEvidence[]): Operation {
  const out: Operation = { ...old, fieldAt: { ...old.fieldAt }, release: next.release, order: next.order, at: next.at };
  const change = (
    field: string,
    before: unknown,
    after: unknown,
    oldAt: Location | undefined,
    newAt: Location | undefined,
  ): void => {
    findings.info(
      'merged-change',
      newAt ?? next.at,
      `${old.operationId}: ${field} changed in ${next.release} (was ${old.release})`,
      {
        subject: old.operationId,
        related: oldAt ?? old.at,
        before,
        after,
      },
    );
  };
  for (const field of ['operationId', 'summary', 'description', 'method', 'path'] as const) {
    if (next[field] && next[field] !== old[field]) {
      change(field, old[field], next[field], old.fieldAt[field], next.fieldAt[field]);
      out[field] = next[field];
      out.fieldAt[field] = next.fieldAt[field];
    }
  }
  if (next.deprecated && !old.deprecated)
    change('deprecated', false, true, old.fieldAt.summary, next.fieldAt.deprecated);
  out.deprecated = old.deprecated || next.deprecated;
  for (const field of ['privileges', 'consumes', 'produces'] as const) {
    if (next[field].length > 0 && !isDeepStrictEqual(next[field], old[field])) {
      change(field, old[field], next[field], old.fieldAt[field], next.fieldAt[field]);
      out[field] = next[field];
    }
  }
  out.public = next.public || (old.public && next.privileges.length === 0);
  out.tags = [...new Set([...old.tags, ...next.tags])];
  out.parameters = mergeParameters(old, next, change);
  if (next.requestBody && !isDeepStrictEqual(strip(next.requestBody), strip(old.requestBody))) {
    change(
      'requestBody',
      strip(old.requestBody),
      strip(next.requestBody),
      old.fieldAt.requestBody,
      next.fieldAt.requestBody,
    );
    out.requestBody = next.requestBody;
  }
  out.responses = mergeResponses(old, next, change, evidence);
  if (next.requestExamples.path || next.requestExamples.query || next.requestExamples.body)
    out.requestExamples = { ...old.requestExamples, ...next.requestExamples };
  if (next.codeSamples.length > 0) out.codeSamples = next.codeSamples;
  out.curlOutputs = next.curlOutputs.length > 0 ? next.curlOutputs : old.curlOutputs;
  out.curlTargets = [...old.curlTargets, ...next.curlTargets];
  return out;
}

type Change = (
  field: string,
  before: unknown,
  after: unknown,
  oldAt: Location | undefined,
  newAt: Location | undefined,
) => void;

function mergeParameters(old: Operation, next: Operation, change: Change): Parameter[] {
  const out = [...old.parameters];
  for (const p of next.parameters) {
    const i = out.findIndex((o) => o.in === p.in && o.name === p.name);
    if (i < 0) {
      change(`parameter ${p.in}:${p.name}`, undefined, strip(p), undefined, p.at);
      out.push(p);
      continue;
    }
    const o = out[i]!;
    const merged: Parameter = { ...o, at: p.at };
    for (const field of ['description', 'required'] as const) {
      if (p[field] !== o[field] && (field === 'required' || p[field])) {
        change(`parameter ${p.in}:${p.name} ${field}`, o[field], p[field], o.at, p.at);
        (merged as unknown as Record<string, unknown>)[field] = p[field];
      }
    }
    if (!isDeepStrictEqual(p.schema, o.schema) && p.schema.type !== undefined) {
      change(`parameter ${p.in}:${p.name} schema`, o.schema, p.schema, o.at, p.at);
      merged.schema = p.schema;
    }
    out[i] = merged;
  }
  return out;
}

function mergeResponses(old: Operation, next: Operation, change: Change, evidence: SchemaEvidence[]): Response[] {
  const out = [...old.responses];
  for (const r of next.responses) {
    const i = out.findIndex((o) => o.status === r.status);
    if (i < 0) {
      change(`response ${r.status}`, undefined, r.description, undefined, r.at);
      out.push(r);
      continue;
    }
    const o = out[i]!;
    const merged: Response = { ...o, at: r.at };
    if (r.description && r.description !== o.description) {
      change(`response ${r.status} description`, o.description, r.description, o.at, r.at);
      merged.description = r.description;
    }
    const oldRef = refName(o.schema);
    if (r.schema && oldRef && !refName(r.schema)) {
      // An anonymous object where the older release names a schema: evidence about that schema.
      evidence.push({ name: oldRef, schema: r.schema, release: next.release, order: next.order, at: r.at });
    } else if (r.schema && !isDeepStrictEqual(r.schema, o.schema)) {
      change(`response ${r.status} schema`, o.schema, r.schema, o.at, r.at);
      merged.schema = r.schema;
    }
    if (r.headers.length > 0) merged.headers = r.headers;
    if (r.examples.length > 0) {
      if (
        !isDeepStrictEqual(
          r.examples.map((e) => e.value),
          o.examples.map((e) => e.value),
        )
      ) {
        change(
          `response ${r.status} example`,
          o.examples.map((e) => e.value),
          r.examples.map((e) => e.value),
          o.examples[0]?.at ?? o.at,
          r.examples[0]!.at,
        );
      }
      merged.examples = r.examples;
    }
    out[i] = merged;
  }
  return out;
}

function strip<T extends object>(value: T | undefined): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value, (k, v) => (k === 'at' ? undefined : v)));
}
