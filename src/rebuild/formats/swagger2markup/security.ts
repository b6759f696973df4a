// security.md: `### api_key` + `*Type* : apiKey  *Name* : X-Auth-Token  *In* : HEADER` → securitySchemes.
import type { Unit } from './units.ts';
import type { SecurityScheme } from '../../model.ts';
import { locate, type PageContext } from '../../extract/context.ts';

export function extractSecurityScheme(ctx: PageContext, unit: Unit): SecurityScheme | undefined {
  const fields: Record<string, string> = {};
  unit.anchor!.used = unit.heading!.used = true;
  for (const b of unit.blocks.slice(2)) {
    if (b.kind !== 'paragraph') continue;
    let key = '';
    for (const s of b.spans) {
      if (s.kind === 'em') key = s.text.toLowerCase();
      else if (s.kind === 'text' && key) fields[key] = (fields[key] ?? '') + s.text.replace(/^\s*:\s*/, '').trim();
    }
    b.used = true;
  }
  const key = unit.heading!.text;
  const at = locate(ctx, unit.heading!.line);
  switch (fields.type) {
    case 'basic':
      return { key, scheme: { type: 'http', scheme: 'basic' }, at };
    case 'apiKey':
      return { key, scheme: { type: 'apiKey', name: fields.name, in: (fields.in ?? 'header').toLowerCase() }, at };
    default:
      ctx.findings.warn(
        'unknown-section',
        at,
        `security scheme ${key} has unknown type "${fields.type ?? ''}"; scheme dropped`,
      );
      return undefined;
  }
}
