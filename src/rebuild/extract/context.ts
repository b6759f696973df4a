// What every extractor gets: the page's source, its lines (for verbatim excerpts), the findings sink, and the
// parses the pages of one build share.
import type { Findings, Location } from '../findings.ts';
import type { Source } from '../model.ts';
import type { PageLines } from '../markdown/page-lines.ts';
import { newSharedRuns, type SharedRuns } from '../markdown/markdown-blocks.ts';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface PageContext {
  source: Source;
  lines: PageLines;
  findings: Findings;
  memo: ParseMemo;
}

/**
 * What the pages of one build share. swagger2markup repeats itself across pages, so each distinct inline run
 * and each distinct JSON text (one error body repeats on most pages; counts in bench/README.md) is parsed once
 * and the result shared. None is ever mutated.
 */
export interface ParseMemo extends SharedRuns {
  /** Each distinct JSON text's value, or why it is not JSON (reported again wherever the text appears). */
  json: Map<string, unknown>;
}

export function newParseMemo(): ParseMemo {
  return { ...newSharedRuns(), json: new Map() };
}

export function locate(ctx: PageContext, line: number): Location {
  return { file: ctx.source.file, line };
}

/** Source lines [from, to] (1-based, inclusive), verbatim. */
export function excerpt(ctx: PageContext, from: number, to: number): string {
  return ctx.lines.excerpt(from, to);
}

/** Why a text is not JSON, and on which of its lines (0-based). */
class NotJson {
  constructor(
    readonly reason: string,
    readonly lineOffset: number,
  ) {}
}

export function parseJson(
  ctx: PageContext,
  text: string,
  line: number,
  what: string,
): { ok: true; value: unknown } | { ok: false } {
  let known = ctx.memo.json.get(text);
  if (known === undefined) {
    known = readJson(text);
    ctx.memo.json.set(text, known);
  }
  if (!(known instanceof NotJson)) return { ok: true, value: known };
  ctx.findings.warn(
    'invalid-json',
    locate(ctx, line + known.lineOffset),
    `${what} is not valid JSON (${known.reason}); example dropped`,
  );
  return { ok: false };
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // JSON.parse does not always say where; jsonc-parser (strict mode) gives the offset of the first error.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const offset = errors[0]?.offset ?? 0;
    const reason = errors[0] ? printParseErrorCode(errors[0].error) : (e as Error).message;
    return new NotJson(reason, text.slice(0, offset).split('\n').length - 1);
  }
}
