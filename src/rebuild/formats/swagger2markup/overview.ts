// overview.md: the prose becomes info.description (verbatim); `### Version information`, `### Contact
// information`, `### License information`, `### URI scheme` and `### Tags` become info fields and tag texts.
import type { Block } from '../../markdown/blocks.ts';
import type { Unit } from './units.ts';
import type { ApiInfo } from '../../model.ts';
import { excerpt, locate, type PageContext } from '../../extract/context.ts';

const FACT_SECTIONS = new Set([
  'Version information',
  'Contact information',
  'License information',
  'URI scheme',
  'Tags',
]);

export function extractOverview(ctx: PageContext, unit: Unit, info: ApiInfo): void {
  unit.anchor!.used = unit.heading!.used = true;
  const body = unit.blocks.slice(2);
  const factStart = body.findIndex((b) => b.kind === 'heading' && FACT_SECTIONS.has(b.text));
  const prose = factStart < 0 ? body : body.slice(0, factStart);
  const first = prose[0];
  const last = prose[prose.length - 1];
  if (first && last) {
    info.description = excerpt(ctx, first.line, last.endLine).trim();
    for (const b of prose) b.used = true;
  }
  info.at = locate(ctx, unit.heading!.line);
  let section = '';
  for (const b of factStart < 0 ? [] : body.slice(factStart)) {
    if (b.kind === 'heading') {
      section = b.text;
      b.used = FACT_SECTIONS.has(section);
      continue;
    }
    if (section === 'Tags' && b.kind === 'list') {
      for (const item of b.items) {
        const [name, ...rest] = item.text.split(' : ');
        if (name && rest.length) info.tagDescriptions[name.trim()] = rest.join(' : ').trim();
      }
      b.used = true;
    } else if (b.kind === 'paragraph') {
      const fields = labelledFields(b);
      if (fields.version) info.version = fields.version;
      if (fields.contact) info.contact = { ...info.contact, name: fields.contact };
      if (fields['contact email']) info.contact = { ...info.contact, email: fields['contact email'] };
      if (fields.license) info.license = { ...info.license, name: fields.license };
      if (fields['license url']) info.license = { ...info.license, url: fields['license url'] };
      if (fields.basepath) info.basePath = fields.basepath;
      b.used = Object.keys(fields).length > 0;
    }
  }
}

/** A preamble that is a lone `# Title` names the API. */
export function extractTitle(unit: Unit, info: ApiInfo): void {
  const [heading, ...rest] = unit.blocks;
  if (heading?.kind === 'heading' && heading.level === 1 && rest.length === 0) {
    info.title = heading.text;
    heading.used = true;
  }
}

function labelledFields(b: Extract<Block, { kind: 'paragraph' }>): Record<string, string> {
  const fields: Record<string, string> = {};
  let key = '';
  for (const s of b.spans) {
    if (s.kind === 'em') key = s.text.toLowerCase();
    else if (key && (s.kind === 'text' || s.kind === 'link')) {
      fields[key] = ((fields[key] ?? '') + s.text.replace(/^\s*:\s*/, '')).trim();
    }
  }
  return fields;
}
