// Build-time syntax highlighting for the samples and examples: a small tokenizer per language (shell, JSON,
// TypeScript) that wraps strings, numbers, keywords, flags, variables and comments in <span class="tok-…">.
// No highlighter runs in the browser; the text inside stays exactly the source (copy buttons copy textContent).
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => ENTITIES[c]!);

type Rule = [kind: string, pattern: RegExp];

const RULES: Record<string, Rule[]> = {
  shell: [
    ['c', /#[^\n]*/y],
    ['s', /'[^']*'|"(?:[^"\\]|\\.)*"/y],
    ['v', /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/y],
    ['f', /(?<=\s)--?[A-Za-z][\w-]*/y],
    ['k', /(?<![\w-])(?:curl|onezone-rest-cli|onepanel-rest-cli|oneprovider-rest-cli|luma-rest-cli)(?![\w-])/y],
  ],
  json: [
    ['p', /"(?:[^"\\]|\\.)*"(?=\s*:)/y],
    ['s', /"(?:[^"\\]|\\.)*"/y],
    ['n', /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y],
    ['k', /\b(?:true|false|null)\b/y],
  ],
  ts: [
    ['c', /\/\/[^\n]*|\/\*[\s\S]*?\*\//y],
    ['s', /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/y],
    ['n', /\b\d+(?:\.\d+)?\b/y],
    ['k', /\b(?:import|from|const|let|await|async|if|else|return|new|true|false|null|undefined)\b/y],
    ['p', /\b[A-Za-z_$][\w$]*(?=\s*:)/y],
  ],
};

/** `source` as HTML with token spans; unknown languages are only escaped. */
export function highlight(source: string, language: string): string {
  const rules = RULES[language === 'bash' || language === 'curl' ? 'shell' : language];
  if (!rules) return escapeText(source);
  let out = '';
  let plain = '';
  let i = 0;
  outer: while (i < source.length) {
    // Tokens start only at a word boundary (or anywhere for punctuation-led ones).
    for (const [kind, pattern] of rules) {
      pattern.lastIndex = i;
      const m = pattern.exec(source);
      if (m?.[0].length && (i === 0 || !/\w/.test(source[i - 1]!) || !/^\w/.test(m[0]))) {
        out += `${escapeText(plain)}<span class="tok-${kind}">${escapeText(m[0])}</span>`;
        plain = '';
        i += m[0].length;
        continue outer;
      }
    }
    plain += source[i];
    i++;
  }
  return out + escapeText(plain);
}
