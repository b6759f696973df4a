// `##### Description`: the prose (kept verbatim, cURL samples included), the privileges it names, public access,
// and the cURL samples themselves (→ x-codeSamples, their printed output → a response example).
import type { Block } from '../../../markdown/blocks.ts';
import { excerpt, locate, parseJson } from '../../../extract/context.ts';
import { parseCurl } from '../../../extract/curl.ts';
import { privilegesFromCodeSpans, PUBLIC_ACCESS } from '../../../extract/privileges.ts';
import { checkCurlAgainstEndpoint } from './curl-check.ts';
import { claim, type OperationRule } from './state.ts';

export const description: OperationRule = (state) => {
  const { ctx, op } = state;
  const [section] = claim(state, 'Description');
  if (!section) return;
  const blocks = section.blocks;
  const last = blocks[blocks.length - 1];
  op.description = last ? excerpt(ctx, section.heading.line + 1, last.endLine).trim() : '';
  op.fieldAt.description = locate(ctx, section.heading.line);

  const paragraphs = blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
  op.privileges = privilegesFromCodeSpans(
    paragraphs.map((p) => ({ text: p.text, codes: p.spans.filter((s) => s.kind === 'code').map((s) => s.text) })),
  );
  op.public = paragraphs.some((p) => PUBLIC_ACCESS.test(p.text));
  op.fieldAt.privileges = op.fieldAt.description;

  let label = '';
  for (const b of blocks) {
    b.used = true; // the whole section is the description, verbatim
    if (b.kind === 'paragraph' && b.spans.length === 1 && b.spans[0]!.kind === 'strong') label = b.text;
    if (b.kind !== 'fence' || !/^(bash|sh|shell)$/.test(b.info)) continue;
    const curl = parseCurl(b.content);
    if (!curl) continue;
    op.codeSamples.push({ label: label || 'cURL', lang: 'cURL', source: curl.command, at: locate(ctx, b.line) });
    checkCurlAgainstEndpoint(state, curl, b.line + 1);
    if (curl.output) {
      const outputLine = b.line + 1 + curl.outputLine;
      const parsed = parseJson(ctx, curl.output, outputLine, 'cURL sample output');
      if (parsed.ok) op.curlOutputs.push({ value: parsed.value, at: locate(ctx, outputLine), origin: 'curl' });
    }
    label = '';
  }
};
