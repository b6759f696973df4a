// Definition units (`definitions/*.md` or one `definitions.md`): `### Name`, description, optional
// polymorphism note, the property table and `**Example**` → components/schemas/Name.
import type { Block, TableBlock } from '../../markdown/blocks.ts';
import { fenceJson, type Unit } from '../../markdown/units.ts';
import type { Example, SchemaDefinition } from '../../model.ts';
import { excerpt, locate, parseJson, type PageContext } from '../context.ts';
import { propertyTableSchema } from './tables.ts';

export function extractDefinition(ctx: PageContext, unit: Unit): SchemaDefinition {
  const name = unit.heading!.text;
  unit.anchor!.used = unit.heading!.used = true;
  const body = unit.blocks.slice(2);
  const tableIndex = body.findIndex((b) => b.kind === 'table');
  const lead = tableIndex < 0 ? body : body.slice(0, tableIndex);
  const descriptionBlocks: Block[] = [];
  const polymorphism: Record<string, string> = {};
  for (const b of lead) {
    if (b.kind === 'paragraph' && b.spans[0]?.kind === 'em') {
      // `*Polymorphism* : Inheritance  <br>*Discriminator* : type`
      let key = '';
      for (const s of b.spans) {
        if (s.kind === 'em') key = s.text.toLowerCase();
        else if (s.kind === 'text' && key) polymorphism[key] = s.text.replace(/^\s*:\s*/, '').trim();
      }
      b.used = true;
    } else if (b.kind === 'paragraph') descriptionBlocks.push(b);
  }
  const first = descriptionBlocks[0];
  const lastDesc = descriptionBlocks[descriptionBlocks.length - 1];
  const description = first && lastDesc ? excerpt(ctx, first.line, lastDesc.endLine).trim() : '';
  for (const b of descriptionBlocks) b.used = true;

  const table = body[tableIndex] as TableBlock | undefined;
  const schema = table
    ? propertyTableSchema(ctx, table, (anchor, line) => {
        ctx.findings.warn(
          'dangling-reference',
          locate(ctx, line),
          `definition ${name} points at #${anchor}, which definitions cannot hold`,
        );
        return undefined;
      })
    : { type: 'object' };
  if (table) table.used = true;
  if (description) schema.description = description;
  if (polymorphism.type) schema.type = polymorphism.type; // `*Type* : object` on tableless definitions
  if (polymorphism.polymorphism)
    schema['x-polymorphism'] = { polymorphism: polymorphism.polymorphism, discriminator: polymorphism.discriminator };

  const examples: Example[] = [];
  const rest = tableIndex < 0 ? [] : body.slice(tableIndex + 1);
  for (let i = 0; i < rest.length; i++) {
    const b = rest[i]!;
    const next = rest[i + 1];
    if (b.kind === 'paragraph' && b.text === 'Example' && next?.kind === 'fence') {
      b.used = next.used = true;
      const json = fenceJson(next);
      const parsed = parseJson(ctx, json.text, json.line, `${name} example`);
      if (parsed.ok) examples.push({ value: parsed.value, at: locate(ctx, json.line), origin: 'example' });
      i++;
    }
  }
  return { name, description, schema, examples, at: locate(ctx, unit.heading!.line) };
}
