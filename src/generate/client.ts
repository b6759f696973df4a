// generated/client.ts: openapi-fetch's createClient<paths> with the spec's servers and security schemes
// turned into a base-URL default and auth helpers.
import { generatedHeader } from './header.ts';
import type { Spec } from '../openapi/spec-types.ts';
import { serverUrl } from '../openapi/servers.ts';

export function generateClient(spec: Spec, from: string): string {
  const servers = (spec.servers ?? []).map((s) => s.url);
  const first = spec.servers?.[0];
  const defaultUrl = first ? serverUrl(first) : 'http://localhost';
  const schemes = Object.entries(spec.components.securitySchemes);
  const apiKey = schemes.find(([, s]) => s.type === 'apiKey' && s.in === 'header');
  const basic = schemes.find(([, s]) => s.type === 'http' && s.scheme === 'basic');
  const authTypes: string[] = [];
  const authLines: string[] = [];
  if (apiKey) {
    authTypes.push(
      `  /** Security scheme \`${apiKey[0]}\`: the \`${apiKey[1].name}\` header. */\n  | { token: string }`,
    );
    authLines.push(`  if ('token' in auth) return { ${JSON.stringify(apiKey[1].name)}: auth.token };`);
  }
  if (basic) {
    authTypes.push(`  /** Security scheme \`${basic[0]}\`: HTTP basic. */\n  | { username: string; password: string }`);
    authLines.push(
      `  if ('username' in auth) ` +
        `return { Authorization: \`Basic \${btoa(\`\${auth.username}:\${auth.password}\`)}\` };`,
    );
  }
  // Generated lines wider than this source allows, kept in variables so the output stays as it is.
  const fetchImport = "import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';";
  const mergedHeaders = '{ ...authHeaders(auth), ...(headers as Record<string, string> | undefined) }';
  return `${generatedHeader('typed openapi-fetch client', from)}${fetchImport}
import type { paths } from './schema.d.ts';

export type { paths };

/** Server URL templates the spec documents; the first is the default. */
export const SERVERS = ${JSON.stringify(servers)} as const;

/** The first server with its variables' defaults filled in. */
export const DEFAULT_BASE_URL = ${JSON.stringify(defaultUrl)};

/** Credentials for one of the spec's security schemes. */
export type Auth =
${authTypes.length ? authTypes.join('\n') : '  never'};

/** The request headers that carry the given credentials. */
export function authHeaders(auth: Auth | undefined): Record<string, string> {
  if (!auth) return {};
${authLines.join('\n')}
  return {};
}

export interface ApiClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Base URL including the API base path (default: ${defaultUrl}). */
  baseUrl?: string;
  auth?: Auth;
}

/** A client typed by the spec: paths, parameters, bodies and responses are checked at compile time. */
export function createClient(options: ApiClientOptions = {}): Client<paths> {
  const { baseUrl = DEFAULT_BASE_URL, auth, headers, ...rest } = options;
  return createFetchClient<paths>({ baseUrl, headers: ${mergedHeaders}, ...rest });
}
`;
}
