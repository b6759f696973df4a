// A file → units (an `<a name>` anchor + heading and everything up to the next one) → sections (headings inside a
// unit). swagger2markup writes one unit per operation/definition/tag/scheme, whether split into files or
// concatenated into paths.md / definitions.md, so units are what the extractors work on.
import type { AnchorBlock, Block, FenceBlock, HeadingBlock } from '../../markdown/blocks.ts';
import type { Ruler } from '../ruler.ts';
import type { UnitRule } from './unit-rules.ts';

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

/** The page's units, each of the kind of the first enabled rule that matches it. */
export function splitUnits(blocks: Block[], rules: Ruler<UnitRule>): Unit[] {
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
  const enabled = rules.getRules();
  for (const u of units) u.kind = enabled.find(([, rule]) => rule.matches(u))?.[1].kind ?? 'unknown';
  return units;
}

export function endpointOf(fence: Block | undefined): { method: string; path: string } | undefined {
  if (fence?.kind !== 'fence') return undefined;
  const [method, path, ...rest] = fence.content.trim().split(/\s+/);
  if (!method || !path || rest.length > 0 || !METHODS.has(method) || !PATH_TEMPLATE.test(path)) return undefined;
  return { method, path };
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
