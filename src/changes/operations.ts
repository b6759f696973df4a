// The operations of a document, keyed by method and exact path, and the operation-level checks.
import { found, type Found } from './context.ts';
import type { OperationPair, OperationSide } from './operation-pair.ts';
import { child } from './pointer.ts';
import { isObject } from './resolve.ts';
import type { Doc } from './types.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Operation extends OperationSide {
  method: string;
  path: string;
}

/** Every operation of `doc` by `path method`, in path then method order. */
export function operationsOf(doc: Doc): Map<string, Operation> {
  const out = new Map<string, Operation>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const path of Object.keys(paths).sort()) {
    const pathItem = paths[path];
    if (!isObject(pathItem)) continue;
    const pathPointer = child('/paths', path);
    for (const method of [...METHODS].sort()) {
      const operation = pathItem[method];
      if (isObject(operation))
        out.set(key(path, method), {
          method,
          path,
          operation,
          pathItem,
          pathPointer,
          pointer: child(pathPointer, method),
        });
    }
  }
  return out;
}

function key(path: string, method: string): string {
  return `${path} ${method}`;
}

/** Deprecation and operationId changes. */
export function diffOperation(pair: OperationPair): Found[] {
  const out: Found[] = [];
  const was = pair.before.operation.deprecated === true;
  const is = pair.after.operation.deprecated === true;
  if (!was && is)
    out.push(
      found('api-deprecated', 'the operation is deprecated', child(pair.after.pointer, 'deprecated'), undefined),
    );
  if (was && !is)
    out.push(
      found(
        'api-reactivated',
        'the operation is no longer deprecated',
        pair.after.pointer,
        child(pair.before.pointer, 'deprecated'),
      ),
    );
  const idBefore = pair.before.operation.operationId;
  const idAfter = pair.after.operation.operationId;
  if (typeof idBefore === 'string' && typeof idAfter === 'string' && idBefore !== idAfter)
    out.push(
      found(
        'api-operation-id-changed',
        `operationId changed from '${idBefore}' to '${idAfter}'`,
        child(pair.after.pointer, 'operationId'),
        child(pair.before.pointer, 'operationId'),
      ),
    );
  return out;
}

/** The operation's `x-doc-source` (file:line), when it has one. */
export function sourceOf(operation: Record<string, unknown>): string | undefined {
  const source = operation['x-doc-source'];
  return typeof source === 'string' ? source : undefined;
}
