// paths.md groups: `### Group`, its description and the Path | Method | Description table linking each
// operation (to `operations/<id>.md` when split, to `#<id>` when concatenated) → tags.
import type { Unit } from './units.ts';
import type { Tag } from '../../model.ts';
import { excerpt, locate, type PageContext } from '../../extract/context.ts';
import { checkTable } from './tables.ts';

export function extractTag(ctx: PageContext, unit: Unit): Tag {
  unit.anchor!.used = unit.heading!.used = true;
  const operationIds: string[] = [];
  const descriptionLines: string[] = [];
  for (const b of unit.blocks.slice(2)) {
    if (b.kind === 'paragraph') {
      descriptionLines.push(excerpt(ctx, b.line, b.endLine).trim());
      b.used = true;
    } else if (b.kind === 'table' && checkTable(ctx, b, ['Path', 'Method', 'Description'])) {
      b.used = true;
      for (const row of b.rows) {
        const link = row[0]?.spans.find((s) => s.kind === 'link');
        const id = link && /(?:^|\/|#)([^/#]+?)(?:\.md)?$/.exec(link.href)?.[1];
        if (id) operationIds.push(id);
      }
    }
  }
  return {
    name: unit.heading!.text,
    description: descriptionLines.join('\n\n'),
    operationIds,
    at: locate(ctx, unit.heading!.line),
  };
}
