// Every problem the rebuilder meets is a Finding with the doc location it came from (Redocly-style):
// nothing is dropped silently, and the build report is just these, grouped.

type Severity = 'error' | 'warning' | 'info';

/** Stable, greppable categories; REPORT.md groups by these. */
export type FindingCode =
  | 'unreadable-file'
  | 'no-input'
  /** A page the manifests of two APIs both list. */
  | 'page-claimed-twice'
  | 'empty-page'
  | 'unrecognised-page'
  | 'no-endpoint'
  | 'broken-table'
  | 'invalid-json'
  | 'unknown-section'
  /** A parameter row whose kind (path, query, header, body…) the format does not know. */
  | 'unknown-parameter-kind'
  | 'unmapped-block'
  | 'unknown-type'
  | 'duplicate-operation'
  | 'conflicting-operation'
  | 'merged-change'
  | 'inferred-schema'
  | 'schema-versions'
  | 'curl-mismatch'
  | 'example-invalid'
  | 'example-without-response'
  | 'dangling-reference'
  | 'unused-definition'
  | 'inferred-fact'
  /** A length or character rule a description states in words, made minLength/maxLength/pattern. */
  | 'inferred-constraint'
  /** How a component was rebuilt: plain, composed, subtype of X, parent, nested, inferred (one per component). */
  | 'definition-rebuilt';

export interface Location {
  file: string;
  line: number;
}

export interface Finding extends Location {
  severity: Severity;
  code: FindingCode;
  message: string;
  /** The named rule or build step that made the finding, e.g. `swagger2markup/operation/parameters`. */
  rule?: string;
  /** Operation or schema the finding concerns, for links from the report. */
  subject?: string;
  /** Second location, e.g. the other side of a merge conflict. */
  related?: Location;
  /** Old/new values of a merged field, for the conflicts table. */
  before?: unknown;
  after?: unknown;
}

export class Findings {
  readonly all: Finding[] = [];
  private rule: string | undefined;

  add(finding: Finding): void {
    this.all.push(finding.rule || !this.rule ? finding : { ...finding, rule: this.rule });
  }

  /** Runs `step`; the findings it adds without a rule of their own are credited to `rule`. */
  within<T>(rule: string, step: () => T): T {
    const outer = this.rule;
    this.rule = rule;
    try {
      return step();
    } finally {
      this.rule = outer;
    }
  }

  error(code: FindingCode, at: Location, message: string, extra: Partial<Finding> = {}): void {
    this.add({ severity: 'error', code, file: at.file, line: at.line, message, ...extra });
  }

  warn(code: FindingCode, at: Location, message: string, extra: Partial<Finding> = {}): void {
    this.add({ severity: 'warning', code, file: at.file, line: at.line, message, ...extra });
  }

  info(code: FindingCode, at: Location, message: string, extra: Partial<Finding> = {}): void {
    this.add({ severity: 'info', code, file: at.file, line: at.line, message, ...extra });
  }

  get hasErrors(): boolean {
    return this.all.some((f) => f.severity === 'error');
  }

  byCode(code: FindingCode): Finding[] {
    return this.all.filter((f) => f.code === code);
  }
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}: ${f.severity}: ${f.message} [${f.code}]`;
}
