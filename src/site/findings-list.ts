// "Build report notes" on operation and schema pages: the findings about that page, linked to their report rows.
import { badge, escapeHtml, section } from './html.ts';
import { href, REPORT_PAGE } from './links.ts';
import type { NumberedFinding } from './site-model.ts';

export function findingRowId(index: number): string {
  return `finding-${index}`;
}

export function findingsSection(file: string, findings: NumberedFinding[]): string {
  if (!findings.length) return '';
  const items = findings
    .map(({ index, finding: f }) => {
      const link = escapeHtml(href(file, `${REPORT_PAGE}#${findingRowId(index)}`));
      const where = escapeHtml(`${f.file}:${f.line}`);
      const note = `<span class="muted">(${escapeHtml(f.code)}, <code>${where}</code>)</span>`;
      return `<li>${badge(f.severity, f.severity)} <a href="${link}">${escapeHtml(f.message)}</a> ${note}</li>`;
    })
    .join('\n');
  return section('report-notes', 'Build report notes', `<ul class="findings">\n${items}\n</ul>`);
}
