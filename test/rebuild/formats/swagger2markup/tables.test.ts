// src/rebuild/formats/swagger2markup/tables.ts: the cell readers of parameter, response and definition tables.
// Tables: from the 17.06.0-rc8 pages in test/fixtures/swagger2markup/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TableBlock } from '../../../../src/rebuild/markdown/blocks.ts';
import {
  checkTable,
  defaultValue,
  describedCell,
  nameCell,
  propertyTableSchema,
  wholeRows,
} from '../../../../src/rebuild/formats/swagger2markup/tables.ts';
import { fixture, lineOf, readText } from '../../helpers.ts';

const PARAMETER_COLUMNS = ['Type', 'Name', 'Description', 'Schema', 'Default'];

/** The n-th table of a fixture (or of an edited copy), with the page it was read from. */
function tableOf(name: string, n: number, edit: (text: string) => string = (t) => t) {
  const file = `swagger2markup/${name}`;
  const text = edit(fixture(file));
  const read = readText(file, text);
  const table = read.blocks.filter((b): b is TableBlock => b.kind === 'table')[n];
  assert.ok(table, `table ${n} of ${name}`);
  return { table, text, ...read };
}

describe('cells', () => {
  it('nameCell: "**id**  <br>*required*" and "**metrics**  <br>*optional*"', () => {
    const { table } = tableOf('onepanel-get_provider_space_sync_stats.md', 0);
    assert.deepEqual(nameCell(table.rows[0]![1]!), { name: 'id', required: true });
    assert.deepEqual(nameCell(table.rows[1]![1]!), { name: 'metrics', required: false });
  });

  it('describedCell: the 204 cell splits into its description and a **Headers** label', () => {
    const { table } = tableOf('onezone-add_group_handle_service.cut.md', 1);
    const { description, labelled } = describedCell(table.rows[0]![1]!);
    assert.equal(description, 'Request successful.');
    assert.deepEqual([...labelled.keys()], ['Headers']);
    assert.ok(labelled.get('Headers')!.some((s) => s.kind === 'code' && s.text === 'Location'));
  });

  it('defaultValue: "--" is no default; `false` is JSON false; unparsable text stays text', () => {
    const { table } = tableOf('onepanel-get_provider_space_sync_stats.md', 0);
    assert.equal(defaultValue(table.rows[0]![4]!.spans), undefined);
    const spaceSupport = tableOf('onepanel-SpaceSupportRequest.md', 0).table;
    assert.equal(defaultValue(describedCell(spaceSupport.rows[0]![1]!).labelled.get('Default')), false);
    assert.equal(defaultValue([{ kind: 'code', text: 'hour' }]), 'hour');
    assert.equal(defaultValue([{ kind: 'code', text: '100' }]), 100);
  });
});

describe('checkTable and wholeRows', () => {
  it('the Parameters table of get_provider_space_sync_stats has the five columns and three whole rows', () => {
    const { table, ctx, findings } = tableOf('onepanel-get_provider_space_sync_stats.md', 0);
    assert.equal(checkTable(ctx, table, PARAMETER_COLUMNS), true);
    assert.deepEqual(findings, []);
    assert.deepEqual(
      wholeRows(table, 5).map((r) => nameCell(r.cells[1]!).name),
      ['id', 'metrics', 'period'],
    );
  });

  it('a row with a cell missing is reported at its line and left out of wholeRows', () => {
    const short = '|**Query**|**metrics**  <br>*optional*|Specify which statistic metrics should be returned|string|';
    const { table, ctx, findings, text } = tableOf('onepanel-get_provider_space_sync_stats.md', 0, (t) =>
      t.replace(/\|\*\*Query\*\*\|\*\*metrics\*\*.*\n/, `${short}\n`),
    );
    assert.equal(checkTable(ctx, table, PARAMETER_COLUMNS), false);
    assert.deepEqual(
      findings.map((f) => [f.code, f.line]),
      [['broken-table', lineOf(text, short)]],
    );
    assert.deepEqual(
      wholeRows(table, 5).map((r) => r.line),
      [lineOf(text, '**id**'), lineOf(text, '**period**')],
    );
  });

  it('a Responses table checked against the parameter columns is reported at its header line', () => {
    const { table, ctx, findings, text } = tableOf('onepanel-get_provider_space_sync_stats.md', 1);
    assert.equal(checkTable(ctx, table, PARAMETER_COLUMNS), false);
    assert.deepEqual(
      findings.map((f) => [f.code, f.line]),
      [['broken-table', lineOf(text, '|HTTP Code|Description|Schema|')]],
    );
  });
});

describe('propertyTableSchema', () => {
  it('the inline "Response 200" table of replicate_file → an object with an optional transferId', () => {
    const { table, ctx } = tableOf('oneprovider-replicate_file.md', 2);
    assert.deepEqual(
      propertyTableSchema(ctx, table, () => undefined),
      { type: 'object', properties: { transferId: { type: 'string', description: 'Transfer ID.' } } },
    );
  });
});
