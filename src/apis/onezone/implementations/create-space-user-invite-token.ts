// POST /spaces/{id}/users/token: an invite token for the space (space_invite_user is checked before, from
// the spec's x-privileges).
import { HttpError } from '../../../server/errors.ts';
import type { Implementation, ResponseBody } from './types.ts';

export const createSpaceUserInviteToken: Implementation<'create_space_user_invite_token'> = ({
  caller,
  params,
  state,
}) => {
  const space = state.directory.find('space', params.id);
  if (!space) throw new HttpError(404, 'notFound', 'id', `No space with id ${params.id}.`);
  return {
    status: 200,
    body: {
      token: state.invites.issue({ kind: 'space', resourceId: space.id }, caller.username),
    } satisfies ResponseBody<'create_space_user_invite_token', 200>,
  };
};
