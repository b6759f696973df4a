// swagger2markup's units, one named rule per kind: how a unit of that kind is recognised (by swagger2markup's
// markers: anchors, the tag table's columns, the scheme's `*Type*` line) and what it adds to the doc model.
import { locate, type PageContext } from '../../extract/context.ts';
import { blankOperation, type DocModel } from '../../model.ts';
import { Ruler } from '../ruler.ts';
import { extractDefinition } from './definition.ts';
import type { OperationRule } from './operation/state.ts';
import { extractOverview, extractTitle } from './overview.ts';
import { extractSecurityScheme } from './security.ts';
import { extractTag } from './tag.ts';
import { endpointOf, sectionsOf, type Unit, type UnitKind } from './units.ts';

export interface UnitRule {
  kind: UnitKind;
  matches(unit: Unit): boolean;
  extract(ctx: PageContext, unit: Unit, model: DocModel, operation: Ruler<OperationRule>): void;
}

/** Anchors swagger2markup gives to the headings that only group other units. */
const CONTAINER_ANCHORS = new Set(['paths', 'definitions', 'securityscheme']);

/** A fresh chain, tried in order: the first rule that matches a unit gives its kind. */
export function unitRules(): Ruler<UnitRule> {
  return new Ruler<UnitRule>('swagger2markup/unit')
    .push('toc', { kind: 'toc', matches: (u) => !u.anchor && isToc(u), extract: extractToc })
    .push('preamble', { kind: 'preamble', matches: (u) => !u.anchor, extract: extractPreamble })
    .push('operation', {
      kind: 'operation',
      matches: (u) => !!u.heading && !!endpointOf(u.blocks[2]),
      extract: extractOperation,
    })
    .push('overview', {
      kind: 'overview',
      matches: (u) => u.anchor?.name === 'overview',
      extract: (ctx, u, m) => extractOverview(ctx, u, m.info),
    })
    .push('container', {
      kind: 'container',
      matches: (u) => CONTAINER_ANCHORS.has(u.anchor?.name ?? ''),
      extract: extractContainer,
    })
    .push('tag', {
      kind: 'tag',
      matches: (u) => tableHeads(u).includes('Path|Method|Description'),
      extract: (ctx, u, m) => void m.tags.push(extractTag(ctx, u)),
    })
    .push('security-scheme', {
      kind: 'security-scheme',
      matches: hasSchemeTypeLine,
      extract: (ctx, u, m) => {
        const scheme = extractSecurityScheme(ctx, u);
        if (scheme) m.securitySchemes.push(scheme);
      },
    })
    .push('definition', {
      kind: 'definition',
      matches: (u) => (u.heading?.level ?? 9) <= 3,
      extract: (ctx, u, m) => void m.definitions.push(extractDefinition(ctx, u)),
    })
    .push('unknown', { kind: 'unknown', matches: (u) => !!u.heading, extract: reportUnknown });
}

/** A TOC is lists of links and nothing else; a headless page with a stray list is not one. */
function isToc(u: Unit): boolean {
  const items = u.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
  const linked = items.filter((item) => item.spans.some((s) => s.kind === 'link')).length;
  return items.length > 0 && linked === items.length && u.blocks.every((b) => b.kind === 'list');
}

function tableHeads(u: Unit): string[] {
  return u.blocks
    .slice(2)
    .filter((b) => b.kind === 'table')
    .map((b) => b.header.map((c) => c.text).join('|'));
}

/** `*Type* : apiKey` (or basic, oauth2) under the heading. */
function hasSchemeTypeLine(u: Unit): boolean {
  const typeLine = u.blocks
    .slice(2)
    .find((b) => b.kind === 'paragraph' && b.spans[0]?.kind === 'em' && b.spans[0].text === 'Type');
  const rest = typeLine?.kind === 'paragraph' && typeLine.spans[1]?.kind === 'text' ? typeLine.spans[1].text : '';
  return /^\s*:\s*(apiKey|basic|oauth2)\b/.test(rest);
}

function extractOperation(ctx: PageContext, unit: Unit, model: DocModel, operation: Ruler<OperationRule>): void {
  const op = blankOperation(ctx.source);
  op.at = locate(ctx, unit.heading!.line);
  const state = { ctx, unit, sections: sectionsOf(unit), op };
  for (const [name, rule] of operation.getRules()) ctx.findings.within(name, () => rule(state));
  model.operations.push(op);
}

function extractPreamble(_: PageContext, unit: Unit, model: DocModel): void {
  extractTitle(unit, model.info);
}

function extractToc(ctx: PageContext, unit: Unit, model: DocModel): void {
  for (const b of unit.blocks) {
    b.used = true;
    if (b.kind !== 'list') continue;
    for (const item of b.items) {
      for (const s of item.spans)
        if (s.kind === 'link' && s.href) model.tocLinks.push({ target: s.href, at: locate(ctx, b.line) });
    }
  }
}

/** `## Paths`, `## Security`, `## Definitions` (+ its index table, cross-checked like a TOC). */
function extractContainer(ctx: PageContext, unit: Unit, model: DocModel): void {
  unit.anchor!.used = unit.heading!.used = true;
  for (const b of unit.blocks.slice(2)) {
    if (b.kind !== 'table' || b.header[0]?.text !== 'Type') continue;
    b.used = true;
    for (const row of b.rows) {
      const link = row[0]?.spans.find((s) => s.kind === 'link');
      if (link) model.tocLinks.push({ target: link.href, at: locate(ctx, b.line) });
    }
  }
}

function reportUnknown(ctx: PageContext, unit: Unit): void {
  ctx.findings.warn(
    'no-endpoint',
    locate(ctx, unit.heading!.line),
    `"${unit.heading!.text}" is neither an operation (no METHOD /path block after the heading) nor a definition`,
  );
}
