// Local `$ref`s (`#/…`), followed where a check reads a node; other references stay opaque.
import { lookup } from './pointer.ts';

export interface Located {
  node: Record<string, unknown>;
  /** Where the node is: the target of the last `$ref` followed, or where it was found. */
  pointer: string;
}

/** `node` at `pointer` with its local `$ref` chain followed (3.1 siblings override the target), or undefined. */
export function resolve(doc: unknown, node: unknown, pointer: string): Located | undefined {
  let current = node;
  let at = pointer;
  const seen = new Set<string>();
  let siblings: Record<string, unknown> | undefined;
  while (isObject(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#')) {
    const { $ref, ...rest } = current;
    if (seen.has($ref)) break; // a reference loop has no value; stop at it
    seen.add($ref);
    if (Object.keys(rest).length > 0) siblings = { ...rest, ...siblings };
    const target = lookup(doc, $ref);
    if (target === undefined) break;
    current = target;
    at = decodeURIComponent($ref.slice(1));
  }
  if (!isObject(current)) return undefined;
  if (siblings) return { node: { ...current, ...siblings }, pointer: at };
  return { node: current, pointer: at };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
