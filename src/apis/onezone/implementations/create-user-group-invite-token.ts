// POST /groups/{id}/users/token: an invite token for the group (group_add_user on the group, or the
// oz_groups_add_relationships admin privilege, is checked before, from the spec's x-privileges).
import { HttpError } from '../../../server/errors.ts';
import type { Implementation, ResponseBody } from './types.ts';

export const createUserGroupInviteToken: Implementation<'createUserGroupInviteToken'> = ({ caller, params, state }) => {
  const group = state.directory.find('group', params.id);
  if (!group) throw new HttpError(404, 'notFound', 'id', `No group with id ${params.id}.`);
  return {
    status: 200,
    body: {
      token: state.invites.issue({ kind: 'group', resourceId: group.id }, caller.username),
    } satisfies ResponseBody<'createUserGroupInviteToken', 200>,
  };
};
