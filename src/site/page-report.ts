// The build report (spec/report.json) as a page: the same groups as spec/REPORT.md, every finding linked to the
// operation or schema it concerns; each row has an id the operation and schema pages link back to.
import { findingRowId } from './findings-list.ts';
import { badge, escapeHtml, section, tableHead, tableWrap } from './html.ts';
import { page } from './layout.ts';
import { href, REPORT_PAGE } from './links.ts';
import type { Finding, Location } from '../rebuild/findings.ts';
import { REPORT_GROUPS, summaryLine } from '../rebuild/report/model.ts';
import type { NumberedFinding, SiteModel } from './site-model.ts';
import { apiCrumbs, breadcrumbs } from './nav.ts';

const VALUE_PREVIEW = 120;

export function reportPageArtifact(model: SiteModel): { path: string; content: string } {
  const file = REPORT_PAGE;
  const numbered = model.report.findings.map((finding, index) => ({ finding, index }));
  const known = new Set<string>(REPORT_GROUPS.flatMap((g) => g.codes));
  const groups = [
    ...REPORT_GROUPS,
    {
      id: 'other',
      title: 'Other findings',
      why: 'Findings of kinds this page does not group.',
      codes: [...new Set(numbered.map((n) => n.finding.code).filter((c) => !known.has(c)))],
    },
  ];
  const subject = (f: Finding) => {
    if (!f.subject) return '';
    const target = model.subjectPage(f.subject);
    if (!target) return `<code>${escapeHtml(f.subject)}</code>`;
    // A renamed operation is named by the operationId the spec has (and its page); the old name follows.
    const name = model.subjectName(f.subject);
    const was = name === f.subject ? '' : ` <span class="muted">(was <code>${escapeHtml(f.subject)}</code>)</span>`;
    return `<a href="${escapeHtml(href(file, target))}"><code>${escapeHtml(name)}</code></a>${was}`;
  };
  const sections = groups
    .filter((g) => g.id !== 'other' || g.codes.length)
    .map((g) => {
      const items = sorted(numbered.filter((n) => g.codes.includes(n.finding.code)));
      const table = !items.length
        ? '<p>None.</p>'
        : g.id === 'merged-conflicts'
          ? mergeTable(items, subject)
          : findingTable(items, subject, g.title);
      return section(g.id, `${g.title} (${items.length})`, `<p>${escapeHtml(g.why)}</p>\n${table}`);
    });
  const toc = groups
    .filter((g) => g.id !== 'other' || g.codes.length)
    .map((g) => `<li><a href="#${g.id}">${escapeHtml(g.title)}</a></li>`)
    .join('');
  const body = [
    '<h1>Build report</h1>',
    `<p>${escapeHtml(summaryLine(model.report.summary))}</p>`,
    `<nav aria-label="Report sections"><ul class="toc">${toc}</ul></nav>`,
    ...sections,
  ];
  const crumbs = breadcrumbs(file, [...apiCrumbs(model), { label: 'Build report' }]);
  return {
    path: file,
    content: page({ file, title: 'Build report', site: model.site, body: body.join('\n'), breadcrumbs: crumbs }),
  };
}

function sorted(items: NumberedFinding[]): NumberedFinding[] {
  return [...items].sort(
    (a, b) => a.finding.file.localeCompare(b.finding.file) || a.finding.line - b.finding.line || a.index - b.index,
  );
}

/** `file:line`, breakable after each folder so long paths wrap without splitting names. */
const loc = (l: Location | undefined) =>
  l ? `<code>${escapeHtml(`${l.file}:${l.line}`).replace(/\//g, '/<wbr>')}</code>` : '';

/** Short values inline; long ones (whole descriptions) folded, readable without JavaScript. */
function value(v: unknown): string {
  if (v === undefined) return '<span class="muted">(absent)</span>';
  const text = typeof v === 'string' ? v : JSON.stringify(v, null, 2);
  if (text.length <= VALUE_PREVIEW && !text.includes('\n')) return `<code>${escapeHtml(text)}</code>`;
  const preview = `${text.replace(/\s+/g, ' ').slice(0, VALUE_PREVIEW - 1)}…`;
  const full = `<pre tabindex="0"><code>${escapeHtml(text)}</code></pre>`;
  return `<details><summary>${escapeHtml(preview)}</summary>${full}</details>`;
}

function mergeTable(items: NumberedFinding[], subject: (f: Finding) => string): string {
  const rows = items
    .map(({ finding: f, index }) => {
      const what = f.message.replace(/^[^:]*: /, '');
      return (
        `<tr id="${findingRowId(index)}"><td>${subject(f)}</td><td>${escapeHtml(what)}</td>` +
        `<td>${loc(f.related)}<br>${value(f.before)}</td><td>${loc(f)}<br>${value(f.after)}</td></tr>`
      );
    })
    .join('\n');
  return tableWrap(
    `<table class="wide"><caption>Merged conflicts</caption>\n` +
      `${tableHead('Operation', 'What changed', 'Older', 'Newer')}\n<tbody>\n${rows}\n</tbody></table>`,
  );
}

function findingTable(items: NumberedFinding[], subject: (f: Finding) => string, caption: string): string {
  // The message first: on a phone it is what shows before the table scrolls.
  const rows = items
    .map(({ finding: f, index }) => {
      const code = `<span class="muted">(${escapeHtml(f.code)})</span>`;
      const finding = `${badge(f.severity, f.severity)} ${escapeHtml(f.message)} ${code}`;
      return `<tr id="${findingRowId(index)}"><td>${finding}</td><td>${subject(f)}</td><td>${loc(f)}</td></tr>`;
    })
    .join('\n');
  return tableWrap(
    `<table class="wide"><caption>${escapeHtml(caption)}</caption>\n` +
      `${tableHead('Finding', 'Concerns', 'Where')}\n<tbody>\n${rows}\n</tbody></table>`,
  );
}
