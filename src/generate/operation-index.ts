// generated/operations.json: the operation index the site and the server share.
import type { Spec, SpecOperation } from '../openapi/spec-types.ts';

export interface IndexedOperation {
  operationId: string;
  method: string;
  path: string;
  tag: string | null;
  summary: string;
  privileges: string[];
  deprecated: boolean;
  public: boolean;
}

export function operationIndex(spec: Spec): IndexedOperation[] {
  return specOperations(spec).map(({ method, path, op }) => ({
    operationId: op.operationId,
    method: method.toUpperCase(),
    path,
    tag: op.tags?.[0] ?? null,
    summary: op.summary ?? '',
    privileges: op['x-privileges'] ?? [],
    deprecated: op.deprecated === true,
    public: Array.isArray(op.security) && op.security.length === 0,
  }));
}

export function operationIndexJson(spec: Spec, from: string): string {
  return `${JSON.stringify({ generatedBy: 'npm run sync', from, operations: operationIndex(spec) }, null, 2)}\n`;
}

export function specOperations(spec: Spec): { method: string; path: string; op: SpecOperation }[] {
  const out: { method: string; path: string; op: SpecOperation }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) out.push({ method, path, op });
  }
  return out;
}
