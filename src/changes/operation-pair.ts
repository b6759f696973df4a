// One operation as found on both sides: what the per-operation checks receive.
import type { Sides } from './context.ts';
import type { SchemaDiffer } from './schemas.ts';

export interface OperationSide {
  operation: Record<string, unknown>;
  pathItem: Record<string, unknown>;
  /** `/paths/~1groups~1{id}/delete`. */
  pointer: string;
  /** `/paths/~1groups~1{id}`. */
  pathPointer: string;
}

export interface OperationPair extends Sides {
  schemas: SchemaDiffer;
  before: OperationSide;
  after: OperationSide;
}
