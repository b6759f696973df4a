// Shared state of the operation rule chain (markdown-it style: each rule is one function over this state).
import type { Block, TableBlock } from '../../../markdown/blocks.ts';
import type { Section, Unit } from '../units.ts';
import type { Operation, Schema } from '../../../model.ts';
import { locate, type PageContext } from '../../../extract/context.ts';
import { checkTable, propertyTableSchema, wholeRows } from '../tables.ts';
import type { Cell } from '../../../markdown/blocks.ts';

export interface OperationState {
  ctx: PageContext;
  unit: Unit;
  sections: Section[];
  op: Operation;
}

export type OperationRule = (state: OperationState) => void;

/** Finds a section by title (case-insensitive) and claims it. */
export function claim(state: OperationState, title: string | RegExp): Section[] {
  const lower = typeof title === 'string' ? title.toLowerCase() : undefined;
  const found = state.sections.filter((s) =>
    lower !== undefined ? s.title === lower : (title as RegExp).test(s.heading.text),
  );
  for (const s of found) {
    s.claimed = true;
    s.heading.used = true;
  }
  return found;
}

/**
 * Inline object schemas: `<a name="op-name"></a>` + `**name**` + a property table, referenced from a
 * Schema cell as `[name](#op-name)`. Resolving one marks its blocks as mapped.
 */
export function localSchemaResolver(state: OperationState, blocks: Block[]) {
  return (anchor: string, line: number): Schema | undefined => {
    const i = blocks.findIndex((b) => b.kind === 'anchor' && b.name === anchor);
    const title = blocks[i + 1];
    const table = blocks[i + 2];
    if (i < 0 || title?.kind !== 'paragraph' || table?.kind !== 'table') {
      state.ctx.findings.warn(
        'dangling-reference',
        locate(state.ctx, line),
        `inline schema #${anchor} is not on the page; typed as any value`,
      );
      return undefined;
    }
    blocks[i]!.used = title.used = table.used = true;
    return propertyTableSchema(state.ctx, table as TableBlock, localSchemaResolver(state, blocks));
  };
}

/**
 * The rows of the section's main tables (not the inline schema tables, which the resolver maps), checked
 * against the expected columns; each whole row goes to `row` with the section's inline-schema resolver.
 */
export function tableRows(
  state: OperationState,
  title: string,
  columns: readonly string[],
  row: (cells: Cell[], line: number, resolve: ReturnType<typeof localSchemaResolver>) => void,
): void {
  for (const section of claim(state, title)) {
    const resolve = localSchemaResolver(state, section.blocks);
    for (const table of section.blocks) {
      if (table.kind !== 'table' || table.used) continue;
      table.used = true;
      checkTable(state.ctx, table, columns);
      for (const { cells, line } of wholeRows(table, columns.length)) row(cells, line, resolve);
    }
  }
}
