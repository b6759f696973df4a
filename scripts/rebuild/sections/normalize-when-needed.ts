// markdown-it core rule standing in for the stock `normalize`, which turns \r\n and \r into \n and NUL into
// U+FFFD with a global replace that also matches every \n: it copies each page whole even when nothing
// changes, as on every corpus page (2.5 MB of copies per corpus build). This one rewrites only pages that
// have a \r or a NUL, to the same text (test/markdown-rules.test.ts compares the tokens with stock ones).
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';

const NEEDS_NORMALIZING = /[\r\0]/;

export function normalizeWhenNeeded(state: StateCore): void {
  if (NEEDS_NORMALIZING.test(state.src)) state.src = state.src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}
