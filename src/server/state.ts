// Everything the hand-written implementations read and change, created fresh for each API by each
// startServer(). Each API's implementations use their part: Onezone the directory and invite tokens, Onepanel
// its users, LUMA its users and their credentials. All of it is bounded (limits.ts): one byte budget for the
// states of every API served, per-user quotas, token expiry.
import type { GroupSeed } from './accounts.ts';
import { Directory } from './directory.ts';
import { InviteTokens } from './invite-tokens.ts';
import type { StateBudget, StateLimits } from './limits.ts';
import { LumaUsers } from './luma-users.ts';
import { PanelUsers } from './panel-users.ts';

export interface State {
  directory: Directory;
  invites: InviteTokens;
  /** What the creator of a space holds there: every space_* privilege the spec names. */
  spaceCreatorPrivileges: readonly string[];
  panelUsers: PanelUsers;
  lumaUsers: LumaUsers;
}

/** `budget` is shared by the states of every API one startServer() serves. */
export function createState(
  groups: readonly GroupSeed[],
  specPrivileges: ReadonlySet<string>,
  fileUsernames: ReadonlySet<string>,
  budget: StateBudget,
  limits: Readonly<StateLimits>,
): State {
  return {
    directory: new Directory(groups, budget, limits.spacesPerUser),
    invites: new InviteTokens(budget, limits.tokensPerUser, limits.tokenTtlMs),
    spaceCreatorPrivileges: [...specPrivileges].filter((name) => name.startsWith('space_')),
    panelUsers: new PanelUsers(budget, fileUsernames),
    lumaUsers: new LumaUsers(budget),
  };
}
