// A file → units (an `<a name>` anchor + heading and everything up to the next one) → sections (headings inside a
// unit). swagger2markup writes one unit per operation/definition/tag/scheme, whether split into files or
// concatenated into paths.md / definitions.md, so units are what the extractors work on.
import type { AnchorBlock, Block, FenceBlock, HeadingBlock } from './blocks.ts';

export type UnitKind =
  | 'operation'
  | 'definition'
  | 'tag'
  | 'security-scheme'
  | 'overview'
  | 'container'
  | 'toc'
  | 'preamble'
  | 'unknown';

export interface Unit {
  kind: UnitKind;
  anchor?: AnchorBlock;
  heading?: HeadingBlock;
  blocks: Block[];
}

export interface Section {
  heading: HeadingBlock;
  /** The heading text in lower case, as sections are looked up. */
  title: string;
  /** Blocks after the heading, up to the next heading of any level. */
  blocks: Block[];
  /** Whether an extractor claimed this section; unclaimed ones are reported as unknown sections. */
  claimed: boolean;
}

/** `/segment/{param}/…`: braces balanced, one parameter per segment. */
const PATH_TEMPLATE = /^(?:\/(?:[A-Za-z0-9._~!$&'()*+,;=:@-]*|\{[A-Za-z0-9_.-]+\}))+$/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);
/** Anchors swagger2markup gives to the headings that only group other units. */
const CONTAINER_ANCHORS = new Set(['paths', 'definitions', 'securityscheme']);

export function splitUnits(blocks: Block[]): Unit[] {
  const units: Unit[] = [];
  let current: Unit = { kind: 'preamble', blocks: [] };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (b.kind === 'anchor' && next?.kind === 'heading') {
      if (current.blocks.length > 0) units.push(current);
      current = { kind: 'unknown', anchor: b, heading: next, blocks: [b, next] };
      i++;
      continue;
    }
    current.blocks.push(b);
  }
  if (current.blocks.length > 0) units.push(current);
  for (const u of units) u.kind = classify(u);
  return units;
}

export function endpointOf(fence: Block | undefined): { method: string; path: string } | undefined {
  if (fence?.kind !== 'fence') return undefined;
  const [method, path, ...rest] = fence.content.trim().split(/\s+/);
  if (!method || !path || rest.length > 0 || !METHODS.has(method) || !PATH_TEMPLATE.test(path)) return undefined;
  return { method, path };
}

function classify(u: Unit): UnitKind {
  if (!u.anchor) {
    // A TOC is lists of links and nothing else; a headless page with a stray list is not one.
    const items = u.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
    const linked = items.filter((item) => item.spans.some((s) => s.kind === 'link')).length;
    if (items.length > 0 && linked === items.length && u.blocks.every((b) => b.kind === 'list')) return 'toc';
    return 'preamble';
  }
  const body = u.blocks.slice(2);
  if (endpointOf(body[0])) return 'operation';
  if (u.anchor.name === 'overview') return 'overview';
  if (CONTAINER_ANCHORS.has(u.anchor.name)) return 'container';
  const tableHeads = body.filter((b) => b.kind === 'table').map((b) => b.header.map((c) => c.text).join('|'));
  if (tableHeads.includes('Path|Method|Description')) return 'tag';
  const typeLine = body.find((b) => b.kind === 'paragraph' && b.spans[0]?.kind === 'em' && b.spans[0].text === 'Type');
  if (
    typeLine?.kind === 'paragraph' &&
    /^\s*:\s*(apiKey|basic|oauth2)\b/.test(typeLine.spans[1]?.kind === 'text' ? typeLine.spans[1].text : '')
  ) {
    return 'security-scheme';
  }
  if (u.heading!.level <= 3) return 'definition';
  return 'unknown';
}

export function sectionsOf(unit: Unit): Section[] {
  const sections: Section[] = [];
  for (const b of unit.blocks.slice(2)) {
    if (b.kind === 'heading') sections.push({ heading: b, title: b.text.toLowerCase(), blocks: [], claimed: false });
    else sections[sections.length - 1]?.blocks.push(b);
  }
  return sections;
}

/** An example fence's JSON and the file line it starts on (after swagger2markup's "json :" media-type line). */
export function fenceJson(fence: FenceBlock): { text: string; line: number } {
  const m = /^\s*json\s*:\s*\n/.exec(fence.content);
  return m
    ? { text: fence.content.slice(m[0].length), line: fence.line + 2 }
    : { text: fence.content, line: fence.line + 1 };
}
