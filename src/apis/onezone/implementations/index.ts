// Onezone's registry. Real (in memory): create_user_space, create_space_user_invite_token, join_space,
// createUserGroupInviteToken and join_group (spaces, groups and single-use invite tokens). Every other
// Onezone operation answers its stub.
import { createSpaceUserInviteToken } from './create-space-user-invite-token.ts';
import { createUserGroupInviteToken } from './create-user-group-invite-token.ts';
import { createUserSpace } from './create-user-space.ts';
import { joinGroup } from './join-group.ts';
import { joinSpace } from './join-space.ts';
import type { Implementations } from './types.ts';

export const onezoneImplementations: Implementations = {
  create_user_space: createUserSpace,
  create_space_user_invite_token: createSpaceUserInviteToken,
  join_space: joinSpace,
  createUserGroupInviteToken: createUserGroupInviteToken,
  join_group: joinGroup,
};
