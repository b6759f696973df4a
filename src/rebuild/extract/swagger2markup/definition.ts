// Definition units (`definitions/*.md` or one `definitions.md`): `### Name`, description, optional
// polymorphism note, the property table and `**Example**` → components/schemas/Name.
import type { Block, Span, TableBlock } from '../../markdown/blocks.ts';
import { fenceJson, type Unit } from '../../markdown/units.ts';
import type { Example, Schema, SchemaDefinition } from '../../model.ts';
import { excerpt, locate, parseJson, type PageContext } from '../context.ts';
import { propertyTableSchema } from './tables.ts';
import { parseTypeExpr, TypeSyntaxError } from '../../schema-grammar.ts';

export function extractDefinition(ctx: PageContext, unit: Unit): SchemaDefinition {
  const name = unit.heading!.text;
  unit.anchor!.used = unit.heading!.used = true;
  const body = unit.blocks.slice(2);
  const tableIndex = body.findIndex((b) => b.kind === 'table');
  const lead = tableIndex < 0 ? body : body.slice(0, tableIndex);
  const descriptionBlocks: Block[] = [];
  const polymorphism: Record<string, string> = {};
  let typeSpans: Span[] | undefined;
  let typeLine = 0;
  for (const b of lead) {
    if (b.kind === 'paragraph' && b.spans[0]?.kind === 'em') {
      // `*Polymorphism* : Inheritance  <br>*Discriminator* : type`, or `*Type* : < string, [X](…) > map`
      let key = '';
      for (const s of b.spans) {
        if (s.kind === 'em') key = s.text.toLowerCase();
        else if (s.kind === 'br') key = '';
        else if (key === 'type') (typeSpans ??= []).push(s);
        else if (s.kind === 'text' && key) polymorphism[key] = s.text.replace(/^\s*:\s*/, '').trim();
      }
      if (typeSpans) typeLine = b.line;
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
  // `*Type* : object` on tableless definitions; a collection type wraps the table's object (or names the items).
  const typed = typeSpans && definitionType(ctx, name, typeSpans, typeLine, table ? schema : undefined);
  if (typed) Object.assign(schema, typed);
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

/**
 * The schema a definition's `*Type*` line states: a primitive or `object` as it is; `< string, [X](…) > map` and
 * `< [X](…) > array` as JSON Schema collections, where a local `[X](#anchor)` is the definition's own table.
 */
function definitionType(
  ctx: PageContext,
  name: string,
  spans: Span[],
  line: number,
  tableSchema: Schema | undefined,
): Schema | undefined {
  const [first, ...rest] = spans;
  const lead = first?.kind === 'text' ? { ...first, text: first.text.replace(/^\s*:\s*/, '') } : first;
  const cell = (lead ? [lead, ...rest] : rest).filter((s) => s.kind !== 'text' || s.text.trim() !== '');
  try {
    const expr = parseTypeExpr(cell);
    if (expr.kind === 'schema') return tableSchema && expr.schema.type === 'object' ? undefined : expr.schema;
    if (expr.kind === 'local' && tableSchema) {
      const object = { ...tableSchema };
      for (const key of Object.keys(tableSchema)) delete tableSchema[key];
      return expr.array ? { type: 'array', items: object } : object;
    }
    throw new TypeSyntaxError(expr.kind === 'none' ? '"No Content" is not a type' : 'no table for the inline object');
  } catch (e) {
    if (!(e instanceof TypeSyntaxError)) throw e;
    ctx.findings.warn('unknown-type', locate(ctx, line), `definition ${name}: *Type* not understood (${e.message})`);
    return undefined;
  }
}
