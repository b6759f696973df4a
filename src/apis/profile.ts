// What the toolkit knows of one API beyond its docs: a profile, one module per API (src/apis/<api>/index.ts),
// found by registry.ts. Its name, title and base path are its manifest's (spec/<api>/sources.yaml); the rest
// says how the server runs it: who logs in and how, its privilege scope, its state, its real operations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../paths.ts';
import type { GroupSeed, User } from '../server/accounts.ts';
import type { Registry } from './implementation-types.ts';
import type { StateBudget, StateLimits } from '../server/limits.ts';
import type { PrivilegeScope } from '../server/privileges.ts';

/** What a profile's state factory gets from the server that serves the API. */
export interface StateContext {
  groups: readonly GroupSeed[];
  /** Every privilege the served spec names in x-privileges. */
  specPrivileges: ReadonlySet<string>;
  /** The users of the users file, `everyPrivilege` resolved against the served spec. */
  fileUsers: readonly User[];
  /** Shared by the states of every API one server serves. */
  budget: StateBudget;
  limits: Readonly<StateLimits>;
}

/** The served spec, as much of it as a profile reads. */
export interface ServedSpec {
  document: { components?: { schemas?: Record<string, unknown> } };
}

export interface ApiProfile<State = unknown> {
  /** The folder name: spec/<name>/, generated/<name>/, site/<name>/, src/apis/<name>/. */
  name: string;
  /** The manifest's info.title. */
  title: string;
  /** The manifest's basePath, e.g. /api/v3/luma. */
  basePath: string;
  /** Where `npm run serve` puts the API among the others (lowest first; the first one's URL is `url`). */
  serveOrder: number;
  /** The port `npm start -- --mock` and the portal's "Try it" forms give the API's Prism mock. */
  mockPort: number;
  /** The API's own stores, made fresh by each server. */
  createState(context: StateContext): State;
  /** Which privileges are the user's and which are held on a resource, in the served release's names. */
  privilegeScope(spec: ServedSpec, state: State): PrivilegeScope;
  /** Password accounts kept in the state (Onepanel's user resources): they alone answer password logins. */
  passwordLogin?(state: State): (username: string, password: string) => User | undefined;
  /** A rule the docs state in prose beside x-privileges (Onepanel's roles); throws the 403 for a call it refuses. */
  roles?(state: State): (operationId: string, caller: User, params: Record<string, string>) => void;
  /** Invite tokens the state remembers (the server's usage()). */
  inviteTokens?(state: State): number;
  /** The hand-written implementations by operationId; every other operation answers its stub. */
  implementations: Registry;
}

/** Every privilege is the user's: the scope of an API without resources that hold privileges. */
export const USER_WIDE: PrivilegeScope = { userWide: () => true };

/**
 * The name, title and base path of an API, from its manifest. A manifest that cannot be read gives the name and no
 * base path: the pipeline reports it at its line, and nothing that loads the profiles stops on it first.
 */
export function manifestFacts(name: string): Pick<ApiProfile, 'name' | 'title' | 'basePath'> {
  let manifest: { info?: { title?: unknown }; basePath?: unknown } | null = null;
  try {
    manifest = parse(readFileSync(join(PROJECT_ROOT, 'spec', name, 'sources.yaml'), 'utf8'));
  } catch {
    // Reported by the pipeline, with the line.
  }
  const title = manifest?.info?.title;
  const basePath = manifest?.basePath;
  return {
    name,
    title: typeof title === 'string' ? title : name,
    basePath: typeof basePath === 'string' ? basePath : '',
  };
}

/** The profile of a spec no profile describes (`--spec` of another API): no state, no real operations. */
export function plainProfile(name: string, basePath: string): ApiProfile {
  return {
    name,
    title: name,
    basePath,
    serveOrder: Number.MAX_SAFE_INTEGER,
    mockPort: 0,
    createState: () => ({}),
    privilegeScope: () => USER_WIDE,
    implementations: {},
  };
}
