// Onezone's stores: the spaces and groups with their members' privileges, and the single-use invite tokens.
import type { StateContext } from '../profile.ts';
import { Directory } from '../../server/directory.ts';
import { InviteTokens } from '../../server/invite-tokens.ts';

export interface OnezoneState {
  directory: Directory;
  invites: InviteTokens;
  /** What the creator of a space holds there: every space_* privilege the spec names. */
  spaceCreatorPrivileges: readonly string[];
}

export function createOnezoneState({ groups, specPrivileges, budget, limits }: StateContext): OnezoneState {
  return {
    directory: new Directory(groups, budget, limits.spacesPerUser),
    invites: new InviteTokens(budget, limits.tokensPerUser, limits.tokenTtlMs),
    spaceCreatorPrivileges: [...specPrivileges].filter((name) => name.startsWith('space_')),
  };
}
