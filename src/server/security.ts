// Authentication as the spec declares it: one check per scheme in components.securitySchemes. An operation's
// `security` (its own or the global one, as openapi-backend's router merges them) is met when all schemes of
// any one of its requirements find a user. `security: []` marks a public operation.
import type { Accounts, User } from './accounts.ts';
import type { Spec } from '../openapi/spec-types.ts';

type SecurityScheme = Spec['components']['securitySchemes'][string];
type Headers = Record<string, string | string[] | undefined>;
type SchemeCheck = (headers: Headers) => User | undefined;

interface Authentication {
  /** True when the operation's security is met (always for public operations). */
  authorized: boolean;
  caller: User | undefined;
}

export type Authenticate = (headers: Headers) => Authentication;

export interface Authenticator {
  /** The check for an operation's `security`, worked out once. */
  forOperation(security: readonly Record<string, unknown>[] | undefined): Authenticate;
  /** For the 401: the header to send and how, from the declared schemes, and the WWW-Authenticate value. */
  challenge: { key: string; description: string; wwwAuthenticate: string };
}

export function authenticator(
  schemes: Readonly<Record<string, SecurityScheme>>,
  accounts: Accounts,
  realm = 'api',
): Authenticator {
  const checks = new Map(Object.entries(schemes).map(([name, scheme]) => [name, schemeCheck(scheme, accounts)]));
  const never: SchemeCheck = () => undefined;
  const ways = Object.values(schemes).map((scheme) =>
    scheme.type === 'apiKey' ? `the ${scheme.name} ${scheme.in}` : `HTTP ${scheme.scheme ?? scheme.type}`,
  );
  const firstHeader = Object.values(schemes).find((scheme) => scheme.type === 'apiKey' && scheme.in === 'header')?.name;
  return {
    forOperation(security = []) {
      if (security.length === 0) return () => ({ authorized: true, caller: undefined });
      const requirements = security.map((requirement) =>
        Object.keys(requirement).map((name) => checks.get(name) ?? never),
      );
      return (headers) => {
        for (const requirement of requirements) {
          const users = requirement.map((check) => check(headers));
          // An empty requirement ({}) allows anonymous calls.
          if (users.every((user) => user !== undefined)) return { authorized: true, caller: users[0] };
        }
        return { authorized: false, caller: undefined };
      };
    },
    challenge: {
      key: firstHeader ?? 'Authorization',
      description: `Missing or invalid credentials: authenticate with ${ways.join(' or ') || 'credentials'}.`,
      wwwAuthenticate: challenges(schemes, realm),
    },
  };
}

/** One challenge per declared scheme: `Basic realm="onepanel"`, an API key as `X-Auth-Token realm="luma"`. */
function challenges(schemes: Readonly<Record<string, SecurityScheme>>, realm: string): string {
  const names = Object.values(schemes).map((scheme) => {
    if (scheme.type === 'http') {
      const name = scheme.scheme ?? 'Basic';
      return name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
    }
    return scheme.type === 'apiKey' && scheme.name ? scheme.name : scheme.type;
  });
  return [...new Set(names)].map((name) => `${name} realm="${realm}"`).join(', ');
}

function schemeCheck(scheme: SecurityScheme, accounts: Accounts): SchemeCheck {
  if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name) {
    const header = scheme.name.toLowerCase();
    return (headers) => {
      const token = headers[header];
      return typeof token === 'string' ? accounts.withToken(token) : undefined;
    };
  }
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') {
    return (headers) => {
      const credentials = basicCredentials(headers.authorization);
      return credentials && accounts.withPassword(credentials.username, credentials.password);
    };
  }
  // Schemes the users file has no credentials for (bearer, oauth2…) are never met.
  return () => undefined;
}

/** "Basic dXNlcjpwYXNz" → {username: 'user', password: 'pass'}; undefined for anything else. */
function basicCredentials(header: string | string[] | undefined): { username: string; password: string } | undefined {
  const match = typeof header === 'string' && /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
