// The doc formats a build reads, after Redocly's detectSpec (packages/core/src/detect-spec.ts): each page goes to
// the first format that recognises it from its file name and text, before anything is parsed. A format is a
// folder with its own front end (`read`: text → its blocks) and extractor (`extract`: blocks → doc model), and
// named rule chains (ruler.ts) a manifest may disable rules of.
import type { PageContext } from '../extract/context.ts';
import type { Manifest } from '../docs/manifest.ts';
import type { DocModel } from '../model.ts';
import { plaintextFormat } from './plaintext/index.ts';
import type { Ruler } from './ruler.ts';
import { swagger2markupFormat } from './swagger2markup/index.ts';

/** The manifest's facts an extractor may need (the plain-text format prints neither base path nor codes). */
export type PageFacts = Pick<Manifest, 'basePath' | 'statusByDescription'>;

export interface DocFormat<Read = unknown> {
  /** Names the format in findings and rule names, e.g. `swagger2markup`. */
  readonly name: string;
  /** File name endings (lower case, no dot) a doc directory's pages are picked by. */
  readonly extensions: readonly string[];
  /** Whether this format reads the page: from its name and text only, before any parse. */
  detect(file: string, text: string): boolean;
  /** The front end: the page's text (`ctx.source.text`) → what `extract` works on. */
  read(ctx: PageContext): Read;
  /** The page's contribution to the doc model; reports what it could not map. */
  extract(read: Read, ctx: PageContext, model: DocModel, facts: PageFacts): void;
  /** The format's rule chains, for enabling and disabling rules by name. */
  readonly rulers: readonly Ruler<unknown>[];
}

/** What a module listed under a manifest's `formats:` exports as default: a fresh format per build. */
export type DocFormatFactory = () => DocFormat;

export class FormatRegistry {
  private constructor(private readonly formats: readonly DocFormat[]) {}

  /**
   * The built-in formats behind `extra`: a doc set's own format is the most specific; plain text is told from
   * swagger2markup by its content, and swagger2markup reads every Markdown (or text) page nothing else took.
   */
  static withBuiltins(extra: readonly DocFormat[] = []): FormatRegistry {
    return new FormatRegistry([...extra, plaintextFormat(), swagger2markupFormat()]);
  }

  /** The format that reads the page, if any. */
  detect(file: string, text: string): DocFormat | undefined {
    return this.formats.find((f) => f.detect(file, text));
  }

  /** Whether a doc directory's file is a page some format may read, by its name. */
  mayRead(file: string): boolean {
    const lower = file.toLowerCase();
    return this.formats.some((f) => f.extensions.some((ext) => lower.endsWith(`.${ext}`)));
  }

  /** `.txt, .md or .markdown`: the page endings, for messages. */
  extensionList(): string {
    const endings = [...new Set(this.formats.flatMap((f) => f.extensions))].map((e) => `.${e}`);
    return endings.length > 1 ? `${endings.slice(0, -1).join(', ')} or ${endings.at(-1)}` : (endings[0] ?? '');
  }

  /** Every rule name of every format. */
  ruleNames(): string[] {
    return this.formats.flatMap((f) => f.rulers.flatMap((r) => r.names()));
  }

  /** Disables the named rules; returns the names no format has. */
  disable(names: readonly string[]): string[] {
    const held = new Set(this.formats.flatMap((f) => f.rulers.flatMap((r) => r.disable(names))));
    return names.filter((n) => !held.has(n));
  }
}
