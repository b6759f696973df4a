// What every extractor gets: the page's source, its lines (for verbatim excerpts) and the findings sink.
import type { Findings, Location } from '../findings.ts';
import type { Source } from '../model.ts';

export interface PageContext {
  source: Source;
  lines: string[];
  findings: Findings;
}

export function locate(ctx: PageContext, line: number): Location {
  return { file: ctx.source.file, line };
}

/** Source lines [from, to] (1-based, inclusive), verbatim. */
export function excerpt(ctx: PageContext, from: number, to: number): string {
  return ctx.lines.slice(from - 1, to).join('\n');
}

export function parseJson(ctx: PageContext, text: string, line: number, what: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    // Point at the line of the offending character, not just the start of the example.
    const position = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? 0);
    const offset = text.slice(0, position).split('\n').length - 1;
    ctx.findings.warn('invalid-json', locate(ctx, line + offset), `${what} is not valid JSON (${(e as Error).message}); example dropped`);
    return { ok: false };
  }
}
