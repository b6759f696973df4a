// diffSpecs(): the changelog between two OpenAPI 3.x documents, operation by operation.
import type { Found } from './context.ts';
import { diffOperation, type Operation, operationsOf, sourceOf } from './operations.ts';
import { diffParameters } from './parameters.ts';
import { diffRequestBody } from './request-body.ts';
import { diffResponses } from './responses.ts';
import { SchemaDiffer } from './schemas.ts';
import { diffSecurity } from './security.ts';
import type { Change, ChangedOperation, Changelog, DiffOptions, Doc, OperationRef } from './types.ts';

const CHECKS = [diffOperation, diffParameters, diffRequestBody, diffResponses, diffSecurity];

export function diffSpecs(oldDoc: Doc, newDoc: Doc, _options: DiffOptions = {}): Changelog {
  const before = operationsOf(oldDoc);
  const after = operationsOf(newDoc);
  const schemas = new SchemaDiffer({ oldDoc, newDoc });
  const log: Changelog = {
    summary: { added: 0, removed: 0, changed: 0, deprecated: 0, breaking: 0 },
    added: [],
    removed: [],
    changed: [],
    deprecated: [],
  };
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(byPathThenMethod(before, after));
  for (const k of keys) {
    const a = before.get(k);
    const b = after.get(k);
    if (a && b) {
      const pair = { oldDoc, newDoc, schemas, before: a, after: b };
      const found = CHECKS.flatMap((check) => check(pair));
      if (found.length > 0) log.changed.push(changed(a, b, found));
      if (b.operation.deprecated === true && a.operation.deprecated !== true) log.deprecated.push(deprecated(b));
    } else if (b) {
      log.added.push(withSource({ ...ref(b), pointer: b.pointer }, 'source', b));
      if (b.operation.deprecated === true) log.deprecated.push(deprecated(b));
    } else if (a) {
      const removed = { ...ref(a), breaking: true as const, rule: 'api-removed', oldPointer: a.pointer };
      log.removed.push(withSource(removed, 'oldSource', a));
    }
  }
  log.summary = {
    added: log.added.length,
    removed: log.removed.length,
    changed: log.changed.length,
    deprecated: log.deprecated.length,
    breaking: log.removed.length + log.changed.reduce((n, c) => n + c.changes.filter((x) => x.breaking).length, 0),
  };
  return log;
}

function changed(a: Operation, b: Operation, found: Found[]): ChangedOperation {
  const source = sourceOf(b.operation);
  const oldSource = sourceOf(a.operation);
  const changes = found.map((f): Change => {
    const change: Change = { ...f };
    if (source !== undefined) change.source = source;
    if (oldSource !== undefined) change.oldSource = oldSource;
    return change;
  });
  const entry: ChangedOperation = { ...ref(b), pointer: b.pointer, oldPointer: a.pointer, breaking: false, changes };
  if (source !== undefined) entry.source = source;
  if (oldSource !== undefined) entry.oldSource = oldSource;
  entry.breaking = changes.some((c) => c.breaking);
  return entry;
}

function deprecated(b: Operation) {
  return withSource({ ...ref(b), pointer: b.pointer }, 'source', b);
}

function ref(op: Operation): OperationRef {
  const out: OperationRef = { method: op.method, path: op.path };
  if (typeof op.operation.operationId === 'string') out.operationId = op.operation.operationId;
  return out;
}

function withSource<T extends object>(entry: T, field: 'source' | 'oldSource', op: Operation): T {
  const source = sourceOf(op.operation);
  return source === undefined ? entry : { ...entry, [field]: source };
}

/** Path, then method: the keys are `path method`, but a path may hold spaces, so compare the parts. */
function byPathThenMethod(before: Map<string, Operation>, after: Map<string, Operation>) {
  return (x: string, y: string) => {
    const a = before.get(x) ?? after.get(x)!;
    const b = before.get(y) ?? after.get(y)!;
    return compare(a.path, b.path) || compare(a.method, b.method);
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
