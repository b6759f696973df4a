// markdown-it's block state with its line table built line by line: stock StateBlock visits every character
// of a page to find line ends, where indexOf finds them and only each line's indentation is read one character
// at a time. The state is stock's own object (built on an empty source, so its loop has nothing to visit):
// same class, same fields, same values (test/rebuild/markdown/line-marked-state.test.ts; A/B: bench/README.md).
import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type Token from 'markdown-it/lib/token.mjs';

type BlockState = typeof StateBlock;

export function lineMarkedState(stock: BlockState): BlockState {
  function LineMarkedState(src: string, md: MarkdownIt, env: unknown, tokens: Token[]): StateBlock {
    const state = new stock('', md, env, tokens);
    const bMarks: number[] = [];
    const eMarks: number[] = [];
    const tShift: number[] = [];
    const sCount: number[] = [];
    const bsCount: number[] = [];
    const length = src.length;
    for (let start = 0; start < length; ) {
      let pos = start;
      let indent = 0;
      let offset = 0;
      for (; pos < length; pos++) {
        const ch = src.charCodeAt(pos);
        if (ch === 0x20) offset++;
        else if (ch === 0x09) offset += 4 - (offset % 4);
        else break;
        indent++;
      }
      // Stock keeps no line for blanks that end the page without a newline.
      if (pos === length) break;
      const newline = src.indexOf('\n', pos);
      const end = newline < 0 ? length : newline;
      bMarks.push(start);
      eMarks.push(end);
      tShift.push(indent);
      sCount.push(offset);
      bsCount.push(0);
      start = end + 1;
    }
    // The fake last line stock adds to spare bounds checks.
    bMarks.push(length);
    eMarks.push(length);
    tShift.push(0);
    sCount.push(0);
    bsCount.push(0);
    state.src = src;
    state.bMarks = bMarks;
    state.eMarks = eMarks;
    state.tShift = tShift;
    state.sCount = sCount;
    state.bsCount = bsCount;
    state.lineMax = bMarks.length - 1;
    return state;
  }
  return LineMarkedState as unknown as BlockState;
}
