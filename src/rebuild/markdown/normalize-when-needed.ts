// markdown-it core rule standing in for the stock `normalize`, which turns \r\n and \r into \n and NUL into
// U+FFFD with a global replace that also matches every \n: it copies each page whole even when nothing
// changes, as on every corpus page (figures: bench/README.md). This one rewrites only pages that
// have a \r or a NUL, to the same text (test/markdown-rules.test.ts compares the tokens with stock ones).
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';

export function normalizeWhenNeeded(state: StateCore): void {
  // Two includes() scans rather than one /[\r\0]/ test: the regex is the slower way over a whole page.
  if (state.src.includes('\r') || state.src.includes('\0'))
    state.src = state.src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}
