// The three ways to print a changelog: plain text for a terminal, Markdown (breaking changes first) for a
// review or the portal, and JSON (the Changelog as it is) for tools.
import type { Change, ChangedOperation, Changelog, DiffOptions, OperationRef } from './types.ts';

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function render(log: Changelog, format: Format, labels: DiffOptions = {}): string {
  if (format === 'json') return renderJson(log);
  if (format === 'markdown') return renderMarkdown(log, labels);
  return renderText(log, labels);
}

function renderJson(log: Changelog): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}

function renderText(log: Changelog, labels: DiffOptions = {}): string {
  const lines = [`${title(labels)}: ${summaryText(log)}`];
  const section = (name: string, rows: string[]) => {
    if (rows.length > 0) lines.push('', `${name}:`, ...rows);
  };
  section(
    'Removed',
    log.removed.map((op) => `  ${operation(op)}  [breaking]${where(undefined, op.oldSource)}`),
  );
  section(
    'Added',
    log.added.map((op) => `  ${operation(op)}${where(op.source, undefined)}`),
  );
  section(
    'Deprecated',
    log.deprecated.map((op) => `  ${operation(op)}${where(op.source, undefined)}`),
  );
  section(
    'Changed',
    log.changed.flatMap((op) => [
      `  ${operation(op)}${op.breaking ? '  [breaking]' : ''}${where(op.source, op.oldSource)}`,
      ...breakingFirst(op.changes).map((c) => `    ${c.breaking ? '!' : '-'} ${c.message} (${c.rule})`),
    ]),
  );
  if (lines.length === 1) lines.push('', 'No differences.');
  return `${lines.join('\n')}\n`;
}

function renderMarkdown(log: Changelog, labels: DiffOptions = {}): string {
  const out = [`# ${title(labels)}`, '', summaryText(log)];
  const breaking = log.changed.filter((op) => op.breaking);
  if (log.removed.length > 0 || breaking.length > 0) {
    out.push('', '## Breaking changes');
    if (log.removed.length > 0) {
      out.push('', '### Removed operations', '');
      for (const op of log.removed) out.push(`- ${mdOperation(op)}${mdWhere(undefined, op.oldSource)}`);
    }
    for (const op of breaking) {
      out.push('', `### ${mdOperation(op)}`, '');
      if (op.source || op.oldSource) out.push(`${mdSources(op.source, op.oldSource)}`, '');
      for (const c of op.changes.filter((x) => x.breaking)) out.push(mdChange(c));
    }
  }
  const calm = log.changed
    .map((op) => ({ op, changes: op.changes.filter((c) => !c.breaking) }))
    .filter((x) => x.changes.length > 0);
  if (log.added.length > 0 || log.deprecated.length > 0 || calm.length > 0) {
    out.push('', '## Other changes');
    if (log.added.length > 0) {
      out.push('', '### Added operations', '');
      for (const op of log.added) out.push(`- ${mdOperation(op)}${mdWhere(op.source, undefined)}`);
    }
    if (log.deprecated.length > 0) {
      out.push('', '### Deprecated operations', '');
      for (const op of log.deprecated) out.push(`- ${mdOperation(op)}${mdWhere(op.source, undefined)}`);
    }
    for (const { op, changes } of calm) {
      out.push('', `### ${mdOperation(op)}`, '');
      for (const c of changes) out.push(mdChange(c));
    }
  }
  if (out.length === 3) out.push('', 'No differences.');
  return `${out.join('\n')}\n`;
}

function title(labels: DiffOptions): string {
  return labels.from && labels.to ? `Changes from ${labels.from} to ${labels.to}` : 'Changes';
}

function summaryText(log: Changelog): string {
  const s = log.summary;
  return (
    `${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.deprecated} deprecated operation(s); ` +
    `${s.breaking} breaking change(s)`
  );
}

function breakingFirst(changes: Change[]): Change[] {
  return [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)];
}

function operation(op: OperationRef): string {
  return `${op.method.toUpperCase()} ${op.path}${op.operationId ? ` (${op.operationId})` : ''}`;
}

function where(source: string | undefined, oldSource: string | undefined): string {
  if (source && oldSource) return `  ${source} (was ${oldSource})`;
  if (source) return `  ${source}`;
  if (oldSource) return `  was ${oldSource}`;
  return '';
}

function mdOperation(op: OperationRef | ChangedOperation): string {
  return `\`${op.method.toUpperCase()} ${op.path}\`${op.operationId ? ` (${code(op.operationId)})` : ''}`;
}

function mdWhere(source: string | undefined, oldSource: string | undefined): string {
  return source || oldSource ? ` — ${mdSources(source, oldSource)}` : '';
}

function mdSources(source: string | undefined, oldSource: string | undefined): string {
  const parts = [];
  if (source) parts.push(`docs: ${code(source)}`);
  if (oldSource) parts.push(`was: ${code(oldSource)}`);
  return parts.join(', ');
}

function mdChange(c: Change): string {
  return `- ${escapeMarkdown(c.message)} (${code(c.rule)}, at ${code(c.pointer)})`;
}

function code(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``;
}

/** Messages quote privileges in backticks already: outside those spans, what would start HTML or emphasis is
 * escaped. */
function escapeMarkdown(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[<>*_\\[\]]/g, (ch) => `\\${ch}`)))
    .join('`');
}
