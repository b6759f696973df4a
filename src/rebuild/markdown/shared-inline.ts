// markdown-it core rule standing in for the stock `inline` rule. swagger2markup writes the same cells, headings
// and list items on every page (most inline runs repeat: counts in bench/README.md), so within one build
// each distinct run is inline-parsed once and its tokens are shared. The tokens are the ones markdown-it gives
// (test/markdown-rules.test.ts compares every corpus page with a stock parse); consumers only read them.
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/** Inline content → its parsed children, for the pages of one build. Passed to md.parse as `env.inlineCache`. */
export type InlineCache = Map<string, Token[]>;

export function sharedInline(state: StateCore): void {
  // A page defining link references ([label]: url) can give the same text another meaning: parse it alone.
  const cache: InlineCache | undefined = state.env.references === undefined ? state.env.inlineCache : undefined;
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue;
    const known = cache?.get(token.content);
    if (known) {
      token.children = known; // already joined by text_join, which leaves joined runs as they are
      continue;
    }
    token.children ??= [];
    state.md.inline.parse(token.content, state.md, state.env, token.children);
    cache?.set(token.content, token.children);
  }
}
