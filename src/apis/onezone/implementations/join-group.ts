// POST /user/groups/join: the caller spends a group invite token (from createUserGroupInviteToken) and becomes
// a member of its group, without group privileges. Same token rules as join_space.
import { HttpError } from '../../../server/errors.ts';
import { whyRefused } from './join-space.ts';
import type { Implementation } from './types.ts';

export const joinGroup: Implementation<'join_group'> = ({ caller, body, state }) => {
  const verification = state.invites.verify(body.token, 'group');
  if (!verification.ok) throw new HttpError(400, 'badValueToken', 'token', whyRefused(verification.reason, 'group'));
  const group = state.directory.find('group', verification.invitation.resourceId);
  if (!group) throw new HttpError(404, 'notFound', 'token', 'The group this token invites to no longer exists.');
  if (!state.directory.addMember(group, caller.username))
    throw new HttpError(
      400,
      'relationAlreadyExists',
      'token',
      `${caller.username} is already a member of group ${group.id}.`,
    );
  state.invites.spend(body.token);
  // The docs: "ID of the joined group in the form /user/groups/{id} is returned in the response Location header".
  return { status: 201, headers: { Location: `/user/groups/${group.id}` } };
};
