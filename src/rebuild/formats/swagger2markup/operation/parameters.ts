// `##### Parameters`: Type | Name | Description | Schema | Default. Path/Query/Header/FormData rows become
// parameters; the Body row becomes the request body (its schema possibly an inline table on the page).
import type { Cell } from '../../../markdown/blocks.ts';
import { locate } from '../../../extract/context.ts';
import { defaultValue, describedCell, nameCell, schemaOfExpr, setDefault, typeOfCell } from '../tables.ts';
import { tableRows, type OperationRule } from './state.ts';

const COLUMNS = ['Type', 'Name', 'Description', 'Schema', 'Default'] as const;
const LOCATIONS = { Path: 'path', Query: 'query', Header: 'header', Cookie: 'cookie' } as const;

export const parameters: OperationRule = (state) => {
  const { ctx, op } = state;
  tableRows(state, 'Parameters', COLUMNS, (cells, line, resolve) => {
    const [typeC, nameC, descC, schemaC, defaultC] = cells as [Cell, Cell, Cell, Cell, Cell];
    const kind = typeC.text.replace(/\*/g, '').trim();
    const { name, required } = nameCell(nameC);
    const { description } = describedCell(descC);
    const schema = schemaOfExpr(typeOfCell(ctx, schemaC, line), line, resolve);
    setDefault(ctx, schema, defaultValue(defaultC.spans), line);
    const at = locate(ctx, line);
    if (kind === 'Body') {
      op.requestBody = { name, required, description, schema, at };
      op.fieldAt.requestBody = at;
    } else if (kind in LOCATIONS) {
      const where = LOCATIONS[kind as keyof typeof LOCATIONS];
      op.parameters.push({ name, in: where, required: where === 'path' ? true : required, description, schema, at });
    } else {
      ctx.findings.warn(
        'unknown-parameter-kind',
        at,
        `parameter "${name}" has unknown kind "${kind}"; parameter dropped`,
        {
          subject: op.operationId,
        },
      );
    }
  });
  if (op.parameters.length) op.fieldAt.parameters = op.parameters[0]!.at;
};
