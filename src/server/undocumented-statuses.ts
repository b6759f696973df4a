// The status codes the server can send for an operation that its docs do not list, read from the spec the way each
// step of a request reads it (app.ts, http.ts): so a user of the emulator knows which answers come from the server
// rather than from the docs. Statuses of the hand-written implementations (404 for an unknown resource, 429 for a
// quota, 507 for the state budget) are theirs and listed in the README beside them.
import type { Spec, SpecOperation } from '../openapi/spec-types.ts';

export interface StatusGap {
  status: number;
  /** Why the server sends it. */
  why: string;
  /** The operations (operationId) that can get it without documenting it. */
  operations: string[];
}

/** What the server adds beyond the spec for one API: Onepanel's roles check every operation (403). */
export interface ServedRules {
  roles: boolean;
}

const STEPS: {
  status: number;
  why: string;
  applies: (op: SpecOperation, spec: Spec, rules: ServedRules) => boolean;
}[] = [
  {
    status: 400,
    why:
      'malformed HTTP, a request without Host, an undocumented or nameless query parameter, ' +
      'a value outside its schema',
    applies: () => true,
  },
  {
    status: 401,
    why: 'no or wrong credentials for a secured operation',
    applies: (op, spec) => {
      const security = op.security ?? spec.security ?? [];
      return security.length > 0 && !security.some((requirement) => Object.keys(requirement).length === 0);
    },
  },
  {
    status: 403,
    why: 'none of its x-privileges held, or (Onepanel) a role that may not call it',
    applies: (op, _spec, rules) => rules.roles || (op['x-privileges'] ?? []).length > 0,
  },
  { status: 405, why: 'another method on its path (CONNECT included)', applies: () => true },
  { status: 408, why: 'headers or body not received within the timeouts', applies: () => true },
  { status: 413, why: 'a body over --body-limit', applies: () => true },
  {
    status: 415,
    why: 'a body in a media type it does not document, or with a content coding',
    applies: (op) => op.requestBody !== undefined,
  },
  { status: 417, why: 'an Expect header other than 100-continue', applies: () => true },
  { status: 431, why: 'request headers too large', applies: () => true },
];

export function undocumentedStatuses(spec: Spec, rules: ServedRules): StatusGap[] {
  const operations = Object.values(spec.paths).flatMap((item) => Object.values(item));
  return STEPS.map(({ status, why, applies }) => ({
    status,
    why,
    operations: operations
      .filter((op) => !(String(status) in (op.responses ?? {})) && applies(op, spec, rules))
      .map((op) => op.operationId),
  })).filter((gap) => gap.operations.length > 0);
}
