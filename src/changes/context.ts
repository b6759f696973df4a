// What every check shares: the two documents and the list the changes go to.
import { breaks, type RuleId } from './rules.ts';
import type { Change, Doc } from './types.ts';

/** A change before it is attached to an operation (no doc sources yet). */
export type Found = Omit<Change, 'source' | 'oldSource'>;

export interface Sides {
  oldDoc: Doc;
  newDoc: Doc;
}

/** A change by `rule`; `condition` decides the rules that break only under one (rules.ts). */
export function found(rule: RuleId, message: string, pointer: string, oldPointer?: string, condition = false): Found {
  const change: Found = { breaking: breaks(rule, condition), rule, message, pointer };
  if (oldPointer !== undefined) change.oldPointer = oldPointer;
  return change;
}

/** Sorted union of two key lists, so every check reports in one order whatever the documents' key order. */
export function unionKeys(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}
