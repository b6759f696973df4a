// The newer onedata.org API reference, saved as plain text: no Markdown survives, so the page is read line by
// line against the format's own section labels. Produces the same Operation model as the Markdown rules.
import type { Example, Operation, Parameter, Response, Schema } from '../../model.ts';
import { locate, parseJson, type PageContext } from '../../extract/context.ts';
import { parseCurl } from '../../extract/curl.ts';
import { privilegesFromPlainText } from '../../extract/privileges.ts';
import type { PageFacts } from '../registry.ts';

const SECTION_LABELS = [
  'Example cURL requests',
  'Path parameters',
  'Query parameters',
  'Request body',
  'Request Examples',
  'Responses',
];
const PARAMETER_SECTIONS: Record<string, Parameter['in']> = { 'Path parameters': 'path', 'Query parameters': 'query' };

export function looksLikePlaintextReference(text: string): boolean {
  return (
    /^Request Examples$/m.test(text) || /^(Path|Query) parameters$/m.test(text) || /\bonezone-rest-cli\b/.test(text)
  );
}

export function extractPlaintextOperation(
  ctx: PageContext,
  options: PageFacts,
  blank: Operation,
): Operation | undefined {
  const lines = ctx.lines.all;
  const used = new Array<boolean>(lines.length).fill(false);
  const op = blank;
  const at = (i: number) => locate(ctx, i + 1);
  const isLabel = (i: number) => SECTION_LABELS.includes((lines[i] ?? '').trim());

  // Title line, with the "Deprecated" badge glued to it.
  let i = lines.findIndex((l) => l.trim() !== '');
  if (i < 0) return undefined;
  const title = lines[i]!.trim();
  op.deprecated = /\sDeprecated$/.test(title);
  op.summary = title.replace(/\s+Deprecated$/, '');
  op.fieldAt.summary = op.fieldAt.deprecated = at(i);
  used[i] = true;

  // Description: everything up to the first section label, verbatim.
  const descStart = ++i;
  while (i < lines.length && !isLabel(i)) i++;
  op.description = lines.slice(descStart, i).join('\n').trim();
  op.fieldAt.description = at(descStart);
  op.privileges = privilegesFromPlainText(op.description);
  op.fieldAt.privileges = at(descStart);
  used.fill(true, descStart, i);

  let curlPath: { method: string; segments: string[] } | undefined;
  while (i < lines.length) {
    const label = lines[i]!.trim();
    used[i] = true;
    const start = ++i;
    while (i < lines.length && !isLabel(i) && !/^onezone-rest-cli\b/.test(lines[i]!)) i++;
    if (label === 'Request Examples') while (i < lines.length && !/Responses$/.test(lines[i]!) && !isLabel(i)) i++;
    const end = label === 'Request Examples' || label === 'Responses' ? lines.length : i;
    if (label === 'Example cURL requests') curlPath = readCurl(ctx, op, start, end, used) ?? curlPath;
    else if (label in PARAMETER_SECTIONS) readParameters(ctx, op, PARAMETER_SECTIONS[label]!, start, end, used);
    else if (label === 'Request Examples') {
      const next = readRestCli(ctx, op, start, used);
      if (next.responsesGlued) {
        // "onezone-rest-cli … id=…Responses": the responses start on the following line.
        readResponses(ctx, op, options, start + 1, used);
        break;
      }
      i = next.line;
      continue;
    } else if (label === 'Responses') {
      readResponses(ctx, op, options, start, used);
      break;
    }
    i = end;
  }

  if (curlPath) {
    // $GROUP_ID-style segments are the path parameters, in order.
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    let n = 0;
    const segments = curlPath.segments.map((s) =>
      s.startsWith('$') ? `{${pathParams[n++]?.name ?? s.slice(1).toLowerCase()}}` : s,
    );
    op.method = curlPath.method.toLowerCase();
    op.path = `/${segments.join('/')}`;
    const base = options.basePath.replace(/\/+$/, '');
    if (base && op.path.startsWith(`${base}/`)) op.path = op.path.slice(base.length);
  }

  for (let j = 0; j < lines.length; j++) {
    if (used[j] || lines[j]!.trim() === '') continue;
    let k = j;
    while (k + 1 < lines.length && !used[k + 1] && lines[k + 1]!.trim() !== '') k++;
    ctx.findings.warn(
      'unmapped-block',
      at(j),
      `lines ${j + 1}-${k + 1} were not mapped: "${lines[j]!.trim().slice(0, 60)}"`,
      { subject: op.operationId || op.summary },
    );
    j = k;
  }
  return op;
}

function readCurl(ctx: PageContext, op: Operation, start: number, end: number, used: boolean[]) {
  const lines = ctx.lines.all;
  const curlAt = lines.slice(start, end).findIndex((l) => l.startsWith('curl'));
  if (curlAt < 0) return undefined;
  const first = start + curlAt;
  let last = first;
  while (last + 1 < end && lines[last]!.trimEnd().endsWith('\\')) last++;
  const label = curlAt > 0 ? lines[first - 1]!.trim() : 'cURL';
  const command = lines.slice(first, last + 1).join('\n');
  const curl = parseCurl(command);
  used.fill(true, start, end);
  if (!curl) return undefined;
  op.codeSamples.push({ label, lang: 'cURL', source: command, at: locate(ctx, first + 1) });
  const output = lines
    .slice(last + 1, end)
    .join('\n')
    .trim();
  if (output) {
    const parsed = parseJson(ctx, output, last + 2, 'cURL sample output');
    if (parsed.ok) op.curlOutputs.push({ value: parsed.value, at: locate(ctx, last + 2), origin: 'curl' });
  }
  op.curlTargets.push({ origin: curl.origin, at: locate(ctx, first + 1) });
  return { method: curl.method, segments: curl.urlPath.split('/').filter(Boolean) };
}

/** `| id required | string Group Id. |` */
function readParameters(
  ctx: PageContext,
  op: Operation,
  where: Parameter['in'],
  start: number,
  end: number,
  used: boolean[],
): void {
  for (let j = start; j < end; j++) {
    const cells = tableCells(ctx.lines.all[j]!);
    if (!cells || cells[0] === 'Parameter' || /^-+$/.test(cells[0] ?? '')) {
      used[j] = cells !== undefined;
      continue;
    }
    const [nameCell = '', typeCell = ''] = cells;
    const [name = '', ...flags] = nameCell.split(/\s+/);
    const [type = 'string', ...desc] = typeCell.split(/\s+/);
    op.parameters.push({
      name,
      in: where,
      required: where === 'path' || flags.includes('required'),
      description: desc.join(' '),
      schema: { type },
      at: locate(ctx, j + 1),
    });
    used[j] = true;
  }
  if (op.parameters.length) op.fieldAt.parameters = op.parameters[0]!.at;
}

/** `onezone-rest-cli createUserGroupInviteToken id=…` (the Responses label may be glued to its end). */
function readRestCli(
  ctx: PageContext,
  op: Operation,
  start: number,
  used: boolean[],
): { line: number; responsesGlued: boolean } {
  const m = /^(onezone-rest-cli\s+(\S+)((?:\s+\S+=\S*?)*))(Responses)?$/.exec((ctx.lines.all[start] ?? '').trim());
  if (!m) return { line: start, responsesGlued: false };
  used[start] = true;
  op.operationId = m[2]!;
  op.fieldAt.operationId = locate(ctx, start + 1);
  op.codeSamples.push({ label: 'onezone-rest-cli', lang: 'Shell', source: m[1]!, at: locate(ctx, start + 1) });
  const args = Object.fromEntries([...m[3]!.matchAll(/(\S+?)=(\S*)/g)].map((a) => [a[1]!, a[2]!]));
  op.requestExamples.path = { value: args, at: locate(ctx, start + 1), origin: 'example' };
  return { line: start + 1, responsesGlued: m[4] !== undefined };
}

function readResponses(ctx: PageContext, op: Operation, options: PageFacts, start: number, used: boolean[]): void {
  const lines = ctx.lines.all;
  let j = start;
  let pendingDescription = '';
  let pendingLine = 0;
  while (j < lines.length) {
    // A description glued to the previous example's closing brace ("}Invalid request.") starts on that line.
    const descriptionLine = pendingDescription ? pendingLine : j;
    let description = pendingDescription || lines[j]!.trim();
    if (!pendingDescription) j++;
    pendingDescription = '';
    while (j < lines.length && !lines[j]!.startsWith('|') && lines[j]!.trim() !== 'Example')
      description += ` ${lines[j++]!.trim()}`;
    const properties: Record<string, Schema> = {};
    while (j < lines.length && lines[j]!.trim() !== 'Example') {
      const row = /^\|?\s*(\w+)\s+(string|object|integer|number|boolean|array)\s+(.*?)[\s|]*$/.exec(lines[j]!);
      if (row && !lines[j]!.startsWith('| Property'))
        properties[row[1]!] = { type: row[2]!, description: row[3]!.trim() };
      used[j++] = true;
    }
    used[descriptionLine] = true;
    if (j >= lines.length) break;
    used[j++] = true; // "Example"
    const { json, rest, endLine } = balancedJson(lines, j);
    used.fill(true, j, endLine + 1);
    const status = options.statusByDescription[description] ?? (op.responses.length === 0 ? '200' : undefined);
    const at = locate(ctx, descriptionLine + 1);
    if (!status) {
      ctx.findings.warn('unknown-section', at, `response "${description}" has no known status code; response dropped`, {
        subject: op.operationId,
      });
    } else {
      if (!(description in options.statusByDescription)) {
        ctx.findings.info(
          'inferred-fact',
          at,
          `the page prints no status code for "${description}"; ${status} assumed for the first (success) response`,
          { subject: op.operationId },
        );
      }
      const examples: Example[] = [];
      const parsed = parseJson(ctx, json, j + 1, `response "${description}" example`);
      if (parsed.ok) examples.push({ value: parsed.value, at: locate(ctx, j + 1), origin: 'example' });
      const response: Response = {
        status,
        description,
        schema: { type: 'object', properties },
        headers: [],
        examples,
        at,
      };
      op.responses.push(response);
    }
    j = endLine + 1;
    if (rest) {
      pendingDescription = rest;
      pendingLine = endLine;
    }
  }
  if (op.responses.length) op.fieldAt.responses = op.responses[0]!.at;
}

/** JSON from line `from` up to its balancing brace; text glued after the brace is the next description. */
function balancedJson(lines: string[], from: number): { json: string; rest: string; endLine: number } {
  let depth = 0;
  let inString = false;
  let json = '';
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    for (let k = 0; k < line.length; k++) {
      const c = line[k]!;
      if (inString) {
        if (c === '\\') k++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return { json: json + line.slice(0, k + 1), rest: line.slice(k + 1).trim(), endLine: j };
      }
    }
    json += `${line}\n`;
  }
  return { json, rest: '', endLine: lines.length - 1 };
}

function tableCells(line: string): string[] | undefined {
  if (!line.trim().startsWith('|')) return undefined;
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}
