// src/rebuild/markdown/line-marked-state.ts: markdown-it's block state with its line table found by indexOf.
// Every field stock StateBlock computes must come out the same, on the pages' odd corners and on every page of
// every doc set the project carries.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { docSetDir, PROJECT_ROOT } from '../../../src/paths.ts';
import { apiNames } from '../../../src/sync/inputs.ts';
import { directorySources } from '../../../src/rebuild/docs/read-docs.ts';
import { Findings } from '../../../src/rebuild/findings.ts';
import { lineMarkedState } from '../../../src/rebuild/markdown/line-marked-state.ts';

// The pages of spec/<api>/docs/17.06.0-rc8: luma 36, onepanel 124, oneprovider 46, onezone 268.
const PAGES_OF_THE_FOUR_DOC_SETS = 36 + 124 + 46 + 268;
const md = new MarkdownIt({ html: true });
const Stock = md.block.State;
const LineMarked = lineMarkedState(Stock);

function lineTable(state: StateBlock): unknown {
  const { bMarks, eMarks, tShift, sCount, bsCount, lineMax, blkIndent, line, level, parentType } = state;
  return { bMarks, eMarks, tShift, sCount, bsCount, lineMax, blkIndent, line, level, parentType };
}

function assertSameState(src: string, label = JSON.stringify(src)): void {
  const ours = new LineMarked(src, md, {}, []);
  const stock = new Stock(src, md, {}, []);
  assert.deepStrictEqual(lineTable(ours), lineTable(stock), label);
  assert.equal(Object.getPrototypeOf(ours), Stock.prototype);
  assert.deepEqual(Object.keys(ours), Object.keys(stock), 'the same fields, in the same order');
}

describe('lineMarkedState', () => {
  it('gives the stock line table on edge cases: blank tails, tabs, no final newline, empty input', () => {
    for (const src of [
      '',
      '\n',
      '\n\n',
      'a',
      'a\n',
      'a\nb',
      '  \n',
      'a\n  ',
      'a\n \t',
      '   x',
      '\tx\n \tx\n  \t x\n',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      'text \n  trailing space  ',
      '    code\n\n\t\tmore\n',
    ])
      assertSameState(src);
  });

  it('gives the stock line table on every page of the four doc sets', () => {
    let pages = 0;
    for (const api of apiNames(PROJECT_ROOT)) {
      const dir = docSetDir(api);
      for (const page of directorySources(dir, new Findings(), dir)) {
        assertSameState(page.text, page.file);
        pages++;
      }
    }
    assert.equal(pages, PAGES_OF_THE_FOUR_DOC_SETS);
  });

  it('keeps the blanks at the end of a page out of the line table, as stock does', () => {
    const state = new LineMarked('a\n   ', md, {}, []);
    assert.equal(state.lineMax, 1);
    assert.deepEqual(state.bMarks, [0, 5]);
  });
});
