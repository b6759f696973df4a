// The parsed shape of spec/report.json (written by src/rebuild/report/render.ts), as the site reads it.
export interface ReportLocation {
  file: string;
  line: number;
}

export interface ReportFinding extends ReportLocation {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  /** operationId or schema name the finding concerns. */
  subject?: string;
  related?: ReportLocation;
  before?: unknown;
  after?: unknown;
}

export interface ReportJson {
  summary: {
    sources: number;
    operations: number;
    schemas: number;
    inferredSchemas: number;
    errors: number;
    warnings: number;
    infos: number;
    unmapped: number;
  };
  counts: Record<string, number>;
  findings: ReportFinding[];
}
