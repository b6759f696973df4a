// Users and pre-defined groups from the users file (src/server/users.yaml by default), checked on load.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

export const DEFAULT_USERS_PATH = join(dirname(fileURLToPath(import.meta.url)), 'users.yaml');

export interface User {
  username: string;
  password: string;
  token: string;
  /** User-wide privileges: Onezone-wide ones (oz_*) on Onezone; every privilege on the other APIs. */
  privileges: readonly string[];
  /** Holds every privilege the served spec names in x-privileges, besides `privileges`. */
  everyPrivilege?: boolean;
}

export interface GroupSeed {
  id: string;
  name: string;
  /** username → group privileges. */
  members: Record<string, readonly string[]>;
}

export interface UsersFile {
  users: User[];
  groups: GroupSeed[];
}

const names = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };
const usersFileSchema = {
  type: 'object',
  required: ['users'],
  additionalProperties: false,
  properties: {
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['username', 'password', 'token'],
        additionalProperties: false,
        properties: {
          username: { type: 'string', minLength: 1, pattern: '^[^:]+$' },
          password: { type: 'string' },
          token: { type: 'string', minLength: 1 },
          privileges: names,
          everyPrivilege: { type: 'boolean' },
        },
      },
    },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string' },
          members: { type: 'object', additionalProperties: names },
        },
      },
    },
  },
};
const validateUsersFile = new Ajv({ allErrors: true }).compile(usersFileSchema);

export class UsersFileError extends Error {}

/** Reads and checks a users file: shape, unique usernames/tokens/group ids, members that exist. */
export function loadUsersFile(path = DEFAULT_USERS_PATH): UsersFile {
  const raw: unknown = parse(readFileSync(path, 'utf8'));
  if (!validateUsersFile(raw)) {
    const problems = (validateUsersFile.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new UsersFileError(`${path}: ${problems.join('; ')}`);
  }
  const file = raw as {
    users: (Omit<User, 'privileges'> & { privileges?: string[] })[];
    groups?: (Omit<GroupSeed, 'members'> & { members?: GroupSeed['members'] })[];
  };
  const users = file.users.map((u) => ({ ...u, privileges: u.privileges ?? [] }));
  const groups = (file.groups ?? []).map((g) => ({ ...g, members: g.members ?? {} }));
  assertUnique(
    path,
    'username',
    users.map((u) => u.username),
  );
  assertUnique(
    path,
    'token',
    users.map((u) => u.token),
  );
  assertUnique(
    path,
    'group id',
    groups.map((g) => g.id),
  );
  const known = new Set(users.map((u) => u.username));
  for (const group of groups) {
    for (const member of Object.keys(group.members)) {
      if (!known.has(member)) throw new UsersFileError(`${path}: group ${group.id} lists unknown user ${member}`);
    }
  }
  return { users, groups };
}

function assertUnique(path: string, what: string, values: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new UsersFileError(`${path}: duplicate ${what} ${value}`);
    seen.add(value);
  }
}

/** The users as one API sees them: an `everyPrivilege` user holds every privilege that API's spec names. */
export function usersFor(users: readonly User[], specPrivileges: ReadonlySet<string>): User[] {
  return users.map((u) =>
    u.everyPrivilege ? { ...u, privileges: [...new Set([...u.privileges, ...specPrivileges])] } : u,
  );
}

/** Credential lookups for the security handlers. */
export class Accounts {
  private readonly byToken: Map<string, User>;
  private readonly byUsername: Map<string, User>;

  /** `passwordLogin`: password accounts kept in an API's state (Onepanel's users), asked instead of `users`. */
  constructor(
    users: readonly User[],
    private readonly passwordLogin?: (username: string, password: string) => User | undefined,
  ) {
    this.byToken = new Map(users.map((u) => [u.token, u]));
    this.byUsername = new Map(users.map((u) => [u.username, u]));
  }

  withToken(token: string): User | undefined {
    return this.byToken.get(token);
  }

  withPassword(username: string, password: string): User | undefined {
    if (this.passwordLogin) return this.passwordLogin(username, password);
    const user = this.byUsername.get(username);
    return user && samePassword(user.password, password) ? user : undefined;
  }
}

/** Digests have equal length, so the comparison takes the same time whatever the password. */
export function samePassword(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
