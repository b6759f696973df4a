// The changelog's shape: what diffSpecs() returns and `--format json` prints.

/** One difference inside an operation, classified by the rule that found it (rules.ts). */
export interface Change {
  breaking: boolean;
  rule: string;
  message: string;
  /** JSON pointer into the newer spec (the nearest node that still exists there). */
  pointer: string;
  /** JSON pointer into the older spec, where the older side differs in place. */
  oldPointer?: string;
  /** The newer operation's `x-doc-source` (file:line), when it has one. */
  source?: string;
  /** The older operation's `x-doc-source`. */
  oldSource?: string;
}

export interface OperationRef {
  /** Lower case, as OpenAPI keys it. */
  method: string;
  path: string;
  operationId?: string;
}

interface AddedOperation extends OperationRef {
  pointer: string;
  source?: string;
}

interface RemovedOperation extends OperationRef {
  breaking: true;
  rule: string;
  oldPointer: string;
  oldSource?: string;
}

export interface ChangedOperation extends OperationRef {
  pointer: string;
  oldPointer: string;
  source?: string;
  oldSource?: string;
  /** True when any of its changes is. */
  breaking: boolean;
  changes: Change[];
}

interface DeprecatedOperation extends OperationRef {
  pointer: string;
  source?: string;
}

interface Summary {
  added: number;
  removed: number;
  changed: number;
  deprecated: number;
  /** Breaking changes, removed operations included. */
  breaking: number;
}

export interface Changelog {
  summary: Summary;
  added: AddedOperation[];
  removed: RemovedOperation[];
  changed: ChangedOperation[];
  /** Operations deprecated in the newer spec that were not in the older one. */
  deprecated: DeprecatedOperation[];
}

export interface DiffOptions {
  /** Labels of the two sides for renderers (`3.0.0-rc15`, a file name). */
  from?: string;
  to?: string;
}

/** A parsed OpenAPI document: plain JSON data. */
export type Doc = Record<string, unknown>;
