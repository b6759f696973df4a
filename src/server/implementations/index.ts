// The registry of hand-written implementations, keyed by operationId. The server prefers these to the stubs
// in generated/handlers.ts; `npm run sync` regenerates the stubs and never touches this folder.
import { createSpaceUserInviteToken } from './create-space-user-invite-token.ts';
import { createUserGroupInviteToken } from './create-user-group-invite-token.ts';
import { createUserSpace } from './create-user-space.ts';
import { joinSpace } from './join-space.ts';
import type { Implementations } from './types.ts';

export const implementations: Implementations = {
  create_user_space: createUserSpace,
  create_space_user_invite_token: createSpaceUserInviteToken,
  join_space: joinSpace,
  createUserGroupInviteToken: createUserGroupInviteToken,
};
