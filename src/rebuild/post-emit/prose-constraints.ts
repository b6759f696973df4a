// Post-emit pass: constraints a string property's description states in words become schema keywords, so clients,
// validators and the server know them. Each rule reads one recognisable phrasing (swagger2markup renders the
// description as the docs wrote it); what a description says that no rule reads stays prose. Every keyword added
// is reported with the doc line of the description, and the schema names that line in `x-inferred-from`.
// Runs before drop-invalid-examples, so a documented example that breaks the stated rule is reported there.
import type { Findings, Location } from '../findings.ts';
import type { Schema, Source } from '../model.ts';

/** A character class as the docs write it (`[a-z]`, `[0-9]`, `[:]`, `[a-zA-Z0-9]`): plain characters and ranges. */
const CLASS = String.raw`\[([\w:./@ -]+)\]`;

interface Constraints {
  minLength?: number;
  maxLength?: number;
  /** Lookaheads: at least n characters of a class. */
  required: string[];
  /** A class no character may be of. */
  forbidden: string[];
  /** The only class characters may be of. */
  only?: string;
}

/** The rules, each one phrasing: "It must be at least 8 characters long", "a minimum of 1 lower case letter [a-z]"… */
const RULES: { name: string; read: (text: string, into: Constraints) => void }[] = [
  {
    name: 'at-least-n-characters',
    read: (text, into) => {
      const m = /\bat least (\d+) characters? long\b/i.exec(text);
      if (m) into.minLength = Number(m[1]);
    },
  },
  {
    name: 'at-most-n-characters',
    read: (text, into) => {
      const m = /\b(?:at most|no more than|up to) (\d+) characters?(?: long)?\b/i.exec(text);
      if (m) into.maxLength = Number(m[1]);
    },
  },
  {
    name: 'a-minimum-of-n-of-class',
    read: (text, into) => {
      for (const m of text.matchAll(new RegExp(String.raw`\b(?:a )?minimum of (\d+) [^.\[]*?${CLASS}`, 'gi')))
        into.required.push(m[1] === '1' ? `(?=.*[${m[2]}])` : `(?=(?:.*[${m[2]}]){${m[1]}})`);
    },
  },
  {
    name: 'must-not-contain-class',
    read: (text, into) => {
      for (const m of text.matchAll(new RegExp(String.raw`\bmust not contain [^.\[]*?${CLASS}`, 'gi')))
        into.forbidden.push(m[1]!);
    },
  },
  {
    name: 'contain-only-class',
    read: (text, into) => {
      const m = new RegExp(String.raw`\bcontain only [^.\[]*?${CLASS}`, 'i').exec(text);
      if (m) into.only = m[1];
    },
  },
];

export function proseConstraints(document: Schema, sources: readonly Source[], findings: Findings): void {
  const schemas = (document.components as { schemas?: Record<string, Schema> } | undefined)?.schemas ?? {};
  const lineOf = descriptionLines(sources);
  for (const [name, schema] of Object.entries(schemas)) visit(schema, name, `#/components/schemas/${name}`);

  function visit(schema: Schema, component: string, pointer: string): void {
    const properties = schema.properties as Record<string, Schema> | undefined;
    for (const [key, property] of Object.entries(properties ?? {})) {
      if (property && typeof property === 'object') {
        apply(property, component, `${pointer}/properties/${key}`);
        visit(property, component, `${pointer}/properties/${key}`);
      }
    }
    if (schema.items && typeof schema.items === 'object') visit(schema.items as Schema, component, `${pointer}/items`);
  }

  function apply(schema: Schema, component: string, pointer: string): void {
    if (schema.type !== 'string' || typeof schema.description !== 'string') return;
    const text = schema.description;
    const found: Constraints = { required: [], forbidden: [] };
    for (const rule of RULES) rule.read(text, found);
    const keywords: Record<string, unknown> = {};
    if (found.minLength !== undefined && schema.minLength === undefined) keywords.minLength = found.minLength;
    if (found.maxLength !== undefined && schema.maxLength === undefined) keywords.maxLength = found.maxLength;
    const pattern = patternOf(found);
    if (pattern !== undefined && schema.pattern === undefined) keywords.pattern = pattern;
    if (Object.keys(keywords).length === 0) return;
    const at: Location = lineOf(text) ?? { file: '(unknown page)', line: 0 };
    Object.assign(schema, keywords, { 'x-inferred-from': `${at.file}:${at.line}` });
    const said = Object.entries(keywords)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`)
      .join(', ');
    findings.info('inferred-constraint', at, `${pointer}: ${said}, read from its description`, {
      rule: 'post-emit/prose-constraints',
      subject: component,
    });
  }
}

/** One anchored pattern for the classes a description requires, forbids or allows; undefined when none. */
function patternOf({ required, forbidden, only }: Constraints): string | undefined {
  if (!required.length && !forbidden.length && only === undefined) return undefined;
  const none = forbidden.map((c) => `(?!.*[${c}])`).join('');
  const pattern = `^${required.join('')}${none}${only === undefined ? '.*' : `[${only}]*`}$`;
  try {
    new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  return pattern;
}

/** The doc line of a description: the first page line that holds its first 60 characters. */
function descriptionLines(sources: readonly Source[]): (description: string) => Location | undefined {
  let lines: { file: string; line: number; text: string }[] | undefined;
  return (description) => {
    lines ??= sources.flatMap((s) => s.text.split('\n').map((text, i) => ({ file: s.file, line: i + 1, text })));
    const needle = description.slice(0, 60);
    const found = lines.find(({ text }) => text.includes(needle));
    return found && { file: found.file, line: found.line };
  };
}
