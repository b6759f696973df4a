// `##### Responses`: HTTP Code | Description | Schema, with `**Headers** :` lists in the description cell and
// inline response objects (`[Response 200](#op-response-200)`) on the page.
import type { Cell, Span } from '../../../markdown/blocks.ts';
import { spansMarkdown } from '../../../markdown/blocks.ts';
import type { Header } from '../../../model.ts';
import { parseTypeExpr, TypeSyntaxError } from '../../../schema-grammar.ts';
import { locate } from '../../../extract/context.ts';
import { describedCell, schemaOfExpr, typeOfCell } from '../tables.ts';
import { tableRows, type OperationRule } from './state.ts';

const COLUMNS = ['HTTP Code', 'Description', 'Schema'] as const;

export const responses: OperationRule = (state) => {
  const { ctx, op } = state;
  tableRows(state, 'Responses', COLUMNS, (cells, line, resolve) => {
    const [codeC, descC, schemaC] = cells as [Cell, Cell, Cell];
    const status = codeC.text.replace(/\*/g, '').trim();
    if (!/^([1-5]\d\d|default)$/.test(status)) {
      ctx.findings.warn('broken-table', locate(ctx, line), `"${status}" is not an HTTP status code; response dropped`, {
        subject: op.operationId,
      });
      return;
    }
    const { description, labelled } = describedCell(descC);
    const expr = typeOfCell(ctx, schemaC, line);
    const headers = headersOf(labelled.get('Headers') ?? []);
    const at = locate(ctx, line);
    // Two literals rather than a conditional spread, which builds each response the slow way.
    op.responses.push(
      expr?.kind === 'none'
        ? { status, description, headers, examples: [], at }
        : { status, description, schema: schemaOfExpr(expr, line, resolve), headers, examples: [], at },
    );
  });
  if (op.responses.length) op.fieldAt.responses = op.responses[0]!.at;
};

/** `<br>`Location` (string) : ID of the created space.` repeated per header. */
function headersOf(spans: Span[]): Header[] {
  const headers: Header[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (s.kind !== 'code') continue;
    const rest: Span[] = [];
    for (let j = i + 1; j < spans.length && spans[j]!.kind !== 'br' && spans[j]!.kind !== 'code'; j++)
      rest.push(spans[j]!);
    const text = spansMarkdown(rest);
    const m = /^\(([^)]*)\)\s*:?\s*([\s\S]*)$/.exec(text);
    let schema = { type: 'string' } as Record<string, unknown>;
    try {
      const expr = m ? parseTypeExpr([{ kind: 'text', text: m[1]! }]) : undefined;
      if (expr?.kind === 'schema') schema = expr.schema;
    } catch (e) {
      if (!(e instanceof TypeSyntaxError)) throw e;
    }
    headers.push({ name: s.text, description: (m?.[2] ?? text).trim(), schema });
  }
  return headers;
}
