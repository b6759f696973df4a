// Code samples on operation pages: the documented shell samples (x-codeSamples), a cURL command built from the
// example request when the docs have none, and a TypeScript call through the generated typed client.
import type { Spec, SpecOperation } from '../openapi/spec-types.ts';
import { serverUrl } from '../openapi/servers.ts';
import { exampleRequest, type ExampleRequest } from './examples.ts';
import type { SiteOperation } from './site-model.ts';

export interface CodeSample {
  label: string;
  lang: string;
  source: string;
}

type AuthKind = 'basic' | 'token' | 'none';

/** Basic auth when the operation accepts it (the docs' cURL samples use it), else the API-key header. */
function authKind(op: SpecOperation, spec: Spec): { kind: AuthKind; header?: string } {
  const names = (op.security ?? spec.security ?? []).flatMap((requirement) => Object.keys(requirement));
  const schemes = names.map((n) => spec.components.securitySchemes[n]).filter((s) => s !== undefined);
  if (schemes.some((s) => s.type === 'http' && s.scheme === 'basic')) return { kind: 'basic' };
  const apiKey = schemes.find((s) => s.type === 'apiKey' && s.in === 'header');
  return apiKey ? { kind: 'token', header: apiKey.name } : { kind: 'none' };
}

export function shellSamples(operation: SiteOperation, spec: Spec): CodeSample[] {
  const documented = operation.op['x-codeSamples'] ?? [];
  if (documented.some((s) => s.lang.toLowerCase() === 'curl')) return documented;
  return [...documented, { label: 'Built from the example request', lang: 'cURL', source: builtCurl(operation, spec) }];
}

/** `https://$HOST:8443/...`: server variables become shell variables, as in the documented samples. */
function shellServerUrl(spec: Spec): string {
  const server = spec.servers?.[0];
  return server ? serverUrl(server, (name) => `$${name.toUpperCase()}`) : 'http://localhost';
}

function builtCurl({ op, method, path }: SiteOperation, spec: Spec): string {
  const request = exampleRequest(op, spec, path);
  const pathValues = request.params.path ?? {};
  const filled = path.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    name in pathValues ? encodeURIComponent(String(pathValues[name])) : whole,
  );
  const query = Object.entries(request.params.query ?? {}).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
  );
  const lines = [`curl -X ${method.toUpperCase()}`];
  const auth = authKind(op, spec);
  if (auth.kind === 'basic') lines.push('-u username:password');
  if (auth.kind === 'token') lines.push(`-H "${auth.header}: $TOKEN"`);
  for (const [name, value] of Object.entries(request.params.header ?? {}))
    lines.push(`-H ${shellQuote(`${name}: ${String(value)}`)}`);
  if (request.body)
    lines.push(`-H 'Content-Type: application/json'`, `-d ${shellQuote(JSON.stringify(request.body.value))}`);
  lines.push(`"${shellServerUrl(spec)}${filled}${query.length ? `?${query.join('&')}` : ''}"`);
  return lines.join(' \\\n  ');
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `client`: the generated client module, from a file one folder below the project root. */
export function typescriptSample({ op, method, path }: SiteOperation, spec: Spec, client: string): string {
  const request = exampleRequest(op, spec, path);
  const auth = authKind(op, spec);
  const options =
    auth.kind === 'basic'
      ? `{ auth: { username: 'username', password: 'password' } }`
      : auth.kind === 'token'
        ? `{ auth: { token: 'TOKEN' } }`
        : '';
  const init = initLiteral(request);
  return [
    `import { createClient } from '${client}';`,
    '',
    `const client = createClient(${options});`,
    '',
    `const { data, error } = await client.${method.toUpperCase()}(${tsLiteral(path, '')}${init ? `, ${init}` : ''});`,
    'if (error) console.error(error);',
    'else console.log(data);',
    '',
  ].join('\n');
}

/**
 * openapi-fetch's second argument, one key a line: `{ params: { path, query, header }, body }`; empty when
 * nothing to send.
 */
function initLiteral(request: ExampleRequest): string {
  const lines: string[] = [];
  if (Object.keys(request.params).length) lines.push(`  params: ${tsLiteral(request.params, '  ')},`);
  if (request.body) lines.push(`  body: ${tsLiteral(request.body.value, '  ')},`);
  return lines.length ? `{\n${lines.join('\n')}\n}` : '';
}

/** A TypeScript literal in the project's style: single quotes, bare keys, short objects on one line. */
function tsLiteral(value: unknown, indent: string): string {
  if (typeof value === 'string')
    return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((v) => tsLiteral(v, inner))
    : Object.entries(value).map(
        ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : tsLiteral(k, '')}: ${tsLiteral(v, inner)}`,
      );
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (!items.length) return open + close;
  const oneLine = Array.isArray(value) ? `[${items.join(', ')}]` : `{ ${items.join(', ')} }`;
  if (oneLine.length <= 72 && !oneLine.includes('\n')) return oneLine;
  return `${open}\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}${close}`;
}
