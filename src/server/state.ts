// Everything the hand-written implementations read and change, created fresh for each API by each
// startServer(). Each API's implementations use their part: Onezone the directory and invite tokens, Onepanel
// its users, LUMA its users and their credentials.
import type { GroupSeed } from './accounts.ts';
import { Directory } from './directory.ts';
import { InviteTokens } from './invite-tokens.ts';
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

export function createState(
  groups: readonly GroupSeed[],
  specPrivileges: ReadonlySet<string>,
  fileUsernames: ReadonlySet<string> = new Set(),
): State {
  return {
    directory: new Directory(groups),
    invites: new InviteTokens(),
    spaceCreatorPrivileges: [...specPrivileges].filter((name) => name.startsWith('space_')),
    panelUsers: new PanelUsers(fileUsernames),
    lumaUsers: new LumaUsers(),
  };
}
