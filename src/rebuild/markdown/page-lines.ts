// A page's lines as offsets into its text, found once and sliced on demand: a Markdown page needs only its
// excerpts and table rows, and splitting every page made a string of every line of the corpus (bench/README.md).
// Lines are as `text.split('\n')` gives them, minus a trailing \r.
export class PageLines {
  private starts: number[] | undefined;
  private split: string[] | undefined;
  private readonly hasCarriageReturn: boolean;

  constructor(private readonly text: string) {
    this.hasCarriageReturn = text.includes('\r');
  }

  get count(): number {
    return this.lineStarts().length;
  }

  /** Line `index` (0-based); '' past the end. */
  line(index: number): string {
    const starts = this.lineStarts();
    const start = starts[index];
    if (start === undefined) return '';
    const line = this.text.slice(start, index + 1 < starts.length ? starts[index + 1]! - 1 : this.text.length);
    return this.hasCarriageReturn && line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  /** Lines `from` to `to` (1-based, inclusive) as written, joined by \n. */
  excerpt(from: number, to: number): string {
    if (from < 1 || to < 1 || this.hasCarriageReturn) return this.all.slice(from - 1, to).join('\n');
    const starts = this.lineStarts();
    const last = Math.min(to, starts.length);
    if (from > last) return '';
    return this.text.slice(starts[from - 1]!, last < starts.length ? starts[last]! - 1 : this.text.length);
  }

  /** Every line, for readers that walk the whole page (the plain-text format). */
  get all(): string[] {
    if (!this.split) {
      this.split = this.text.split('\n');
      if (this.hasCarriageReturn) this.split = this.split.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    }
    return this.split;
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }
}
