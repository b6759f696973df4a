// Cell readers shared by the parameter, response and definition tables.
import type { Cell, Span, TableBlock } from '../../markdown/blocks.ts';
import { spansMarkdown } from '../../markdown/blocks.ts';
import type { Schema } from '../../model.ts';
import { parseTypeExpr, TypeSyntaxError, type TypeExpr } from '../../schema-grammar.ts';
import { locate, type PageContext } from '../../extract/context.ts';

/** True when the table has the expected columns and every row has as many cells; reports otherwise. */
export function checkTable(ctx: PageContext, table: TableBlock, columns: readonly string[]): boolean {
  if (table.header.length !== columns.length || table.header.some((c, i) => c.text !== columns[i])) {
    const header = table.header.map((c) => c.text).join(' | ');
    ctx.findings.warn(
      'broken-table',
      locate(ctx, table.line),
      `table has columns ${header || '(none)'}, expected ${columns.join(' | ')}`,
    );
    return false;
  }
  let ok = true;
  table.rows.forEach((row, i) => {
    if (!isWhole(table, i, columns.length)) {
      ctx.findings.warn(
        'broken-table',
        locate(ctx, table.rowLines[i] ?? table.line),
        `table row has ${table.rowWidths[i] ?? row.length} cells, expected ${columns.length}; row dropped`,
      );
      ok = false;
    }
  });
  return ok;
}

/** Rows written with the full set of cells (the others were reported by checkTable). */
export function wholeRows(table: TableBlock, width: number): { cells: Cell[]; line: number }[] {
  const rows: { cells: Cell[]; line: number }[] = [];
  table.rows.forEach((cells, i) => {
    if (isWhole(table, i, width)) rows.push({ cells, line: table.rowLines[i] ?? table.line });
  });
  return rows;
}

function isWhole(table: TableBlock, row: number, width: number): boolean {
  const cells = table.rows[row] ?? [];
  return (table.rowWidths[row] ?? cells.length) === width && cells.length === width && cells.some((c) => c.text !== '');
}

/** `**name**  <br>*required*` → name and flag. */
export function nameCell(cell: Cell): { name: string; required: boolean } {
  const name = cell.spans.find((s) => s.kind === 'strong')?.text ?? cell.text;
  const required = cell.spans.some((s) => s.kind === 'em' && s.text === 'required');
  return { name: name.trim(), required };
}

/** Splits a description cell at `**Label** :` markers (Default, Headers, Example …). */
export function describedCell(cell: Cell): { description: string; labelled: Map<string, Span[]> } {
  const labelled = new Map<string, Span[]>();
  let current: Span[] = [];
  const lead = current;
  for (const s of cell.spans) {
    if (s.kind === 'strong') {
      current = [];
      labelled.set(s.text.trim(), current);
      continue;
    }
    current.push(s);
  }
  return { description: spansMarkdown(lead), labelled };
}

/** Reads a Default cell or `**Default** : `x`` label: JSON where it parses, the plain text otherwise. */
export function defaultValue(spans: readonly Span[] | undefined): unknown {
  const raw = spans
    ?.map((s) => (s.kind === 'br' ? '' : s.text))
    .join('')
    .replace(/^\s*:\s*/, '')
    .trim();
  if (!raw || raw === '--') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function typeOfCell(ctx: PageContext, cell: Cell, line: number): TypeExpr | undefined {
  try {
    return parseTypeExpr(cell.spans);
  } catch (e) {
    if (!(e instanceof TypeSyntaxError)) throw e;
    ctx.findings.warn(
      'unknown-type',
      locate(ctx, line),
      `cannot read type "${cell.text}": ${e.message}; typed as any value`,
    );
    return undefined;
  }
}

/** Name | Description | Schema tables (definitions, inline bodies and responses) → object schema. */
export function propertyTableSchema(
  ctx: PageContext,
  table: TableBlock,
  resolveLocal: (anchor: string, line: number) => Schema | undefined,
): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  if (checkTable(ctx, table, ['Name', 'Description', 'Schema']) || table.header.length === 3) {
    for (const { cells, line } of wholeRows(table, 3)) {
      const [nameC, descC, typeC] = cells as [Cell, Cell, Cell];
      const { name, required: isRequired } = nameCell(nameC);
      const { description, labelled } = describedCell(descC);
      const schema = schemaOfExpr(typeOfCell(ctx, typeC, line), line, resolveLocal);
      if (description) schema.description = description;
      setDefault(ctx, schema, defaultValue(labelled.get('Default')), line);
      properties[name] = schema;
      if (isRequired) required.push(name);
    }
  }
  const schema: Schema = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  return schema;
}

export function schemaOfExpr(
  expr: TypeExpr | undefined,
  line: number,
  resolveLocal: (anchor: string, line: number) => Schema | undefined,
): Schema {
  if (!expr || expr.kind === 'none') return {};
  if (expr.kind === 'schema') return { ...expr.schema };
  const local = resolveLocal(expr.anchor, line) ?? {};
  if (expr.shape === 'array') return { type: 'array', items: local };
  if (expr.shape === 'map') return { type: 'object', additionalProperties: local };
  return local;
}

/**
 * A documented value (default, enum member, example) in its schema's type: swagger2markup prints boolean and
 * number defaults of parameters quoted (`"false"`), which would make the default a string. Returns `undefined`
 * when the value cannot be read as that type.
 */
function typedValue(schema: Schema, value: unknown): { value: unknown } | undefined {
  const type = schema.type;
  if (typeof type !== 'string') return { value };
  const text = typeof value === 'string' ? value.trim() : undefined;
  switch (type) {
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      return text === 'true' || text === 'false' ? { value: text === 'true' } : undefined;
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : text !== undefined && text !== '' ? Number(text) : Number.NaN;
      if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n))) return undefined;
      return { value: n };
    }
    case 'string':
      return typeof value === 'string'
        ? { value }
        : typeof value === 'number' || typeof value === 'boolean'
          ? { value: String(value) }
          : undefined;
    default:
      return { value };
  }
}

/** Sets the documented default in the schema's type; a default that is not of that type is reported and left out. */
export function setDefault(ctx: PageContext, schema: Schema, value: unknown, line: number): void {
  if (value === undefined) return;
  const typed = typedValue(schema, value);
  if (typed && (!Array.isArray(schema.enum) || schema.enum.includes(typed.value))) {
    schema.default = typed.value;
    return;
  }
  const columnType = `${JSON.stringify(schema.type ?? 'any')}${Array.isArray(schema.enum) ? ' (enum)' : ''}`;
  ctx.findings.warn(
    'unknown-type',
    locate(ctx, line),
    `default ${JSON.stringify(value)} is not a value of the column's type ${columnType}; default left out`,
  );
}
