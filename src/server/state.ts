// Everything the hand-written implementations read and change, created fresh by each startServer().
import type { GroupSeed } from './accounts.ts';
import { Directory } from './directory.ts';
import { InviteTokens } from './invite-tokens.ts';

export interface State {
  directory: Directory;
  invites: InviteTokens;
  /** What the creator of a space holds there: every space_* privilege the spec names. */
  spaceCreatorPrivileges: readonly string[];
}

export function createState(groups: readonly GroupSeed[], specPrivileges: ReadonlySet<string>): State {
  return {
    directory: new Directory(groups),
    invites: new InviteTokens(),
    spaceCreatorPrivileges: [...specPrivileges].filter((name) => name.startsWith('space_')),
  };
}
