// Onepanel user accounts (add_user, get_user, modify_user, remove_user), in memory and bounded (limits.ts): the
// users file's, an `admin` for the one holding every privilege and `regular` for the others, then those created
// through the API. They are the only ones who log in to Onepanel (HTTP basic), with their current passwords.
import { randomBytes } from 'node:crypto';
import { samePassword, type User } from './accounts.ts';
import { HttpError } from './errors.ts';
import { assertRoom, ENTRY_BYTES, LIMITS, type StateBudget, stringBytes } from './limits.ts';

export interface PanelUser {
  username: string;
  password: string;
  /** 20 random characters, like the docs' example "i3h2bp4TjPVuOyvXulbW". */
  userId: string;
  userRole: 'admin' | 'regular';
}

/**
 * What the server keeps of a name or password: at most LIMITS' lengths (the docs state no upper bound). The rules
 * the docs state in words (UserCreateRequest.md: "at least 8 characters long and contain a minimum of 1 lower
 * case letter …") are the spec's minLength and pattern, read from that prose by the rebuilder and enforced by
 * request validation: nothing here adds to them.
 */
function usernameProblem(username: string): string | undefined {
  if (username.length > LIMITS.nameLength) return `The user name must be at most ${LIMITS.nameLength} characters long.`;
  return undefined;
}

export function passwordProblem(password: string): string | undefined {
  if (password.length > LIMITS.passwordLength)
    return `The password must be at most ${LIMITS.passwordLength} characters long.`;
  return undefined;
}

export class PanelUsers {
  private readonly users = new Map<string, PanelUser>();

  /** `fileUsers`: the users file's, there from the start; their passwords need not meet the docs' rules. */
  constructor(
    private readonly budget: StateBudget,
    fileUsers: readonly User[] = [],
  ) {
    for (const { username, password, everyPrivilege } of fileUsers)
      this.add(username, password, everyPrivilege ? 'admin' : 'regular');
  }

  create(username: string, password: string, userRole: PanelUser['userRole']): PanelUser {
    const problem = usernameProblem(username) ?? passwordProblem(password);
    if (problem) throw new HttpError(400, 'Invalid Request', username === '' ? 'username' : 'requestBody', problem);
    if (this.users.has(username))
      throw new HttpError(400, 'Invalid Request', 'username', `A user named ${username} already exists.`);
    assertRoom(this.users.size, LIMITS.panelUsers, 'Onepanel users');
    return this.add(username, password, userRole);
  }

  private add(username: string, password: string, userRole: PanelUser['userRole']): PanelUser {
    // Passwords change (modify_user), so the largest one allowed is charged.
    this.budget.take(bytesOf(username), 'another Onepanel user');
    const user: PanelUser = { username, password, userId: randomBytes(15).toString('base64url'), userRole };
    this.users.set(username, user);
    return user;
  }

  get(username: string): PanelUser | undefined {
    return this.users.get(username);
  }

  remove(username: string): boolean {
    if (!this.users.delete(username)) return false;
    this.budget.give(bytesOf(username));
    return true;
  }

  /** The account for HTTP basic: Onepanel's operations name no privileges; the role decides (roles.ts). */
  login(username: string, password: string): User | undefined {
    const user = this.users.get(username);
    if (!user || !samePassword(user.password, password)) return undefined;
    return { username, password, token: '', privileges: [] };
  }
}

const bytesOf = (username: string) =>
  ENTRY_BYTES.panelUser + stringBytes(username) + stringBytes('x'.repeat(LIMITS.passwordLength));
