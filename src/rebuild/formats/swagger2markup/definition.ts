// Definition units (`definitions/*.md` or one `definitions.md`): `### Name`, description, optional
// polymorphism note (`*Polymorphism* : Inheritance` + `*Discriminator* : type`) and `*Type*` line, the property
// table, the inline object tables it refers to (`<a name="panelconfiguration-users">` + `**users**` + a table,
// referenced as `[users](#panelconfiguration-users)`, `< [x](#…) > array` or `< string, [x](#…) > map`), and
// `**Example**` → one SchemaDefinition. Inline objects become nested schemas in place (no component of their own).
import type { Block, Span, TableBlock } from '../../markdown/blocks.ts';
import { fenceJson, type Unit } from './units.ts';
import type { Example, Schema, SchemaDefinition } from '../../model.ts';
import { excerpt, locate, parseJson, type PageContext } from '../../extract/context.ts';
import { propertyTableSchema } from './tables.ts';
import { parseTypeExpr, TypeSyntaxError } from '../../schema-grammar.ts';

/** `<a name="…">` + `**title**` + a table: an inline object the page refers to by its anchor. */
interface InlineTable {
  anchor: Block;
  title: Block;
  table: TableBlock;
}

export function extractDefinition(ctx: PageContext, unit: Unit): SchemaDefinition {
  const name = unit.heading!.text;
  unit.anchor!.used = unit.heading!.used = true;
  const body = unit.blocks.slice(2);
  const inline = new Map<string, InlineTable>();
  const inInline = new Set<Block>();
  for (let i = 0; i + 2 < body.length; i++) {
    const [anchor, title, table] = [body[i]!, body[i + 1]!, body[i + 2]!];
    if (anchor.kind === 'anchor' && title.kind === 'paragraph' && table.kind === 'table') {
      inline.set(anchor.name, { anchor, title, table });
      for (const b of [anchor, title, table]) inInline.add(b);
    }
  }
  const tableIndex = body.findIndex((b) => b.kind === 'table' && !inInline.has(b));
  const firstExtra = body.findIndex((b) => inInline.has(b) || (b.kind === 'paragraph' && b.text === 'Example'));
  const leadEnd = [tableIndex, firstExtra].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), body.length);
  const lead = body.slice(0, leadEnd);
  const descriptionBlocks: Block[] = [];
  const notes: Record<string, string> = {};
  let typeSpans: Span[] | undefined;
  let typeLine = 0;
  let polymorphismLine = 0;
  for (const b of lead) {
    if (b.kind === 'paragraph' && b.spans[0]?.kind === 'em') {
      // `*Polymorphism* : Inheritance  <br>*Discriminator* : type`, or `*Type* : < string, [X](…) > map`
      let key = '';
      for (const s of b.spans) {
        if (s.kind === 'em') key = s.text.toLowerCase();
        else if (s.kind === 'br') key = '';
        else if (key === 'type') {
          typeSpans ??= [];
          typeSpans.push(s);
        } else if (s.kind === 'text' && key) notes[key] = s.text.replace(/^\s*:\s*/, '').trim();
      }
      if (typeSpans) typeLine = b.line;
      if (notes.polymorphism) polymorphismLine ||= b.line;
      b.used = true;
    } else if (b.kind === 'paragraph') descriptionBlocks.push(b);
  }
  const first = descriptionBlocks[0];
  const lastDesc = descriptionBlocks[descriptionBlocks.length - 1];
  const description = first && lastDesc ? excerpt(ctx, first.line, lastDesc.endLine).trim() : '';
  for (const b of descriptionBlocks) b.used = true;

  const nested: SchemaDefinition['nested'] = [];
  const resolving = new Set<string>();
  const resolveLocal = (anchor: string, line: number): Schema | undefined => {
    const found = inline.get(anchor);
    if (!found || resolving.has(anchor)) {
      ctx.findings.warn(
        'dangling-reference',
        locate(ctx, line),
        `definition ${name} points at #${anchor}, which is not an inline object table on the page; typed as any value`,
        { subject: name },
      );
      return undefined;
    }
    found.anchor.used = found.title.used = found.table.used = true;
    resolving.add(anchor);
    const schema = propertyTableSchema(ctx, found.table, resolveLocal);
    resolving.delete(anchor);
    nested.push({ anchor, at: locate(ctx, found.anchor.line) });
    return schema;
  };

  const table = body[tableIndex] as TableBlock | undefined;
  let schema: Schema = table ? propertyTableSchema(ctx, table, resolveLocal) : { type: 'object' };
  if (table) table.used = true;
  // `*Type* : object` on tableless definitions; a collection type wraps the table's object (or names the items).
  if (typeSpans) schema = definitionType(ctx, name, typeSpans, typeLine, table ? schema : undefined, resolveLocal);
  if (description) schema.description = description;

  const examples: Example[] = [];
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    const next = body[i + 1];
    if (b.kind === 'paragraph' && b.text === 'Example' && next?.kind === 'fence') {
      b.used = next.used = true;
      const json = fenceJson(next);
      const parsed = parseJson(ctx, json.text, json.line, `${name} example`);
      if (parsed.ok) examples.push({ value: parsed.value, at: locate(ctx, json.line), origin: 'example' });
      i++;
    }
  }
  const definition: SchemaDefinition = {
    name,
    description,
    schema,
    examples,
    nested,
    at: locate(ctx, unit.heading!.line),
  };
  if (notes.polymorphism) {
    definition.polymorphism = {
      kind: notes.polymorphism,
      ...(notes.discriminator ? { discriminator: notes.discriminator } : {}),
      at: locate(ctx, polymorphismLine),
    };
  }
  return definition;
}

/**
 * The schema a definition's `*Type*` line states: a primitive or `object` as it is; `< string, [X](…) > map` and
 * `< [X](…) > array` as JSON Schema collections, where a local `[X](#anchor)` is an inline object table of the
 * page (or the definition's own table).
 */
function definitionType(
  ctx: PageContext,
  name: string,
  spans: Span[],
  line: number,
  tableSchema: Schema | undefined,
  resolveLocal: (anchor: string, line: number) => Schema | undefined,
): Schema {
  const [first, ...rest] = spans;
  const lead = first?.kind === 'text' ? { ...first, text: first.text.replace(/^\s*:\s*/, '') } : first;
  const cell = (lead ? [lead, ...rest] : rest).filter((s) => s.kind !== 'text' || s.text.trim() !== '');
  const fallback = tableSchema ?? { type: 'object' };
  try {
    const expr = parseTypeExpr(cell);
    if (expr.kind === 'schema') return tableSchema && expr.schema.type === 'object' ? tableSchema : { ...expr.schema };
    if (expr.kind === 'local') {
      const object = resolveLocal(expr.anchor, line) ?? tableSchema;
      if (!object) throw new TypeSyntaxError('no table for the inline object');
      if (expr.shape === 'array') return { type: 'array', items: object };
      if (expr.shape === 'map') return { type: 'object', additionalProperties: object };
      return object;
    }
    throw new TypeSyntaxError('"No Content" is not a type');
  } catch (e) {
    if (!(e instanceof TypeSyntaxError)) throw e;
    ctx.findings.warn('unknown-type', locate(ctx, line), `definition ${name}: *Type* not understood (${e.message})`);
    return fallback;
  }
}
