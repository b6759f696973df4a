// Privileges stated in prose ("This operation requires `space_invite_user` privilege", "… `oz_groups_list`
// privilege is required"). A privilege is a snake_case identifier in a sentence that talks about privileges.
const IDENTIFIER = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

/** From Markdown: the code spans of paragraphs mentioning privileges. */
export function privilegesFromCodeSpans(paragraphs: { text: string; codes: string[] }[]): string[] {
  const found = new Set<string>();
  for (const p of paragraphs) {
    if (!/privilege/i.test(p.text)) continue;
    for (const c of p.codes) if (IDENTIFIER.test(c)) found.add(c);
  }
  return [...found];
}

/** From plain text (no code spans survive): snake_case words of sentences mentioning privileges. */
export function privilegesFromPlainText(text: string): string[] {
  const found = new Set<string>();
  for (const sentence of text.split(/(?<=\.)\s+|\n(?=[A-Z])/)) {
    if (!/privilege/i.test(sentence)) continue;
    for (const w of sentence.split(/[\s,.;:()]+/)) if (IDENTIFIER.test(w)) found.add(w);
  }
  return [...found];
}

export const PUBLIC_ACCESS = /\bhas public access\b/i;
