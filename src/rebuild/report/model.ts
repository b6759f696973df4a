// The build report's one model: its summary, its findings, and the groups a reader meets them in. REPORT.md,
// report.json and the site's report page are all views of it.
import type { BuildResult } from '../build.ts';
import type { Finding, FindingCode } from '../findings.ts';

export interface ReportGroup {
  /** Anchor of the group on the site's report page. */
  id: string;
  title: string;
  /** One plain sentence: why a reader should care about this group. */
  why: string;
  codes: FindingCode[];
}

export const REPORT_GROUPS: readonly ReportGroup[] = [
  {
    id: 'errors',
    title: 'Errors',
    why: 'Input the rebuilder could not use; the build exits non-zero.',
    codes: ['unreadable-file', 'no-input', 'page-claimed-twice', 'conflicting-operation', 'unrecognised-page'],
  },
  {
    id: 'merged-conflicts',
    title: 'Merged conflicts',
    why: 'The same operation in several releases: the later release wins field by field.',
    codes: ['merged-change'],
  },
  {
    id: 'inferred-schemas',
    title: 'Inferred schemas',
    why: 'Referenced but never defined: inferred from every example that uses them (x-inferred: true).',
    codes: ['inferred-schema', 'schema-versions'],
  },
  {
    id: 'inferred-constraints',
    title: 'Constraints read from prose',
    why: 'Length and character rules a description states in words, made schema keywords (x-inferred-from: the line).',
    codes: ['inferred-constraint'],
  },
  {
    id: 'doc-inconsistencies',
    title: 'Doc inconsistencies',
    why: 'The docs contradict themselves; the spec keeps the declared endpoint and only examples that validate.',
    codes: ['curl-mismatch', 'example-invalid', 'example-without-response', 'dangling-reference', 'unused-definition'],
  },
  {
    id: 'unmapped',
    title: 'Unmapped content',
    why: 'Blocks, sections or rows no extractor could place in the spec.',
    codes: [
      'unmapped-block',
      'unknown-section',
      'unknown-parameter-kind',
      'empty-page',
      'no-endpoint',
      'broken-table',
      'invalid-json',
      'unknown-type',
    ],
  },
  {
    id: 'facts',
    title: 'Facts not on the pages',
    why: "Filled in from the API's manifest (spec/<api>/sources.yaml) or a stated convention.",
    codes: ['inferred-fact'],
  },
  {
    id: 'components',
    title: 'How each schema was rebuilt',
    why:
      'One line per component: a plain page, a subtype (allOf its parent), ' +
      'a parent with its discriminator mapping, nested inline objects, or inferred.',
    codes: ['definition-rebuilt'],
  },
  {
    id: 'duplicates',
    title: 'Duplicates',
    why: 'One operation on several pages of one release with the same content: counted once.',
    codes: ['duplicate-operation'],
  },
];

export interface ReportSummary {
  sources: number;
  operations: number;
  schemas: number;
  inferredSchemas: number;
  errors: number;
  warnings: number;
  infos: number;
  unmapped: number;
}

/** What report.json holds, and what the site reads back. */
export interface ReportJson {
  summary: ReportSummary;
  counts: Record<string, number>;
  findings: Finding[];
}

export function reportModel(result: BuildResult): ReportJson {
  const all = result.findings.all;
  const schemas = (result.document.components as { schemas: Record<string, { 'x-inferred'?: boolean }> }).schemas;
  const counts: Record<string, number> = {};
  for (const f of all) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return {
    summary: {
      sources: result.sources.length,
      operations: result.operations.length,
      schemas: Object.keys(schemas).length,
      inferredSchemas: Object.values(schemas).filter((s) => s['x-inferred']).length,
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
      infos: all.filter((f) => f.severity === 'info').length,
      unmapped: all.filter((f) => f.code === 'unmapped-block').length,
    },
    counts,
    findings: all.map(({ severity, code, rule, file, line, message, subject, related, before, after }) => ({
      severity,
      code,
      rule,
      file,
      line,
      message,
      subject,
      related,
      before,
      after,
    })),
  };
}

/** The one-line summary both the Markdown report and the report page open with. */
export function summaryLine(s: ReportSummary): string {
  return (
    `${s.sources} source page(s) → ${s.operations} operation(s), ` +
    `${s.schemas} schema(s) (${s.inferredSchemas} inferred). ` +
    `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s); ${s.unmapped} unmapped block(s).`
  );
}
