// POST /user/spaces/join: the caller spends a space invite token and becomes a member of its space.
import { HttpError } from '../../../server/errors.ts';
import type { ResourceKind } from '../../../server/directory.ts';
import type { Verification } from '../../../server/invite-tokens.ts';
import type { Implementation } from './types.ts';

/** Why an unusable token is refused, for the 400 of join_space and join_group. */
export function whyRefused(reason: Extract<Verification, { ok: false }>['reason'], kind: ResourceKind): string {
  switch (reason) {
    case 'malformed':
      return 'The token is not an invite token.';
    case 'unknown':
      return 'The token was not issued by this Onezone, or it has expired.';
    case 'used':
      return 'The token has already been used.';
    case 'wrongKind':
      return `The token does not invite to a ${kind}.`;
  }
}

export const joinSpace: Implementation<'join_space'> = ({ caller, body, state }) => {
  const verification = state.invites.verify(body.token, 'space');
  // Every unusable token is a 400: the docs' own 400 example for this operation is exactly that case
  // ("invalid_token: Provided token could not be validated"); 404 stays for a space that no longer exists.
  if (!verification.ok) throw new HttpError(400, 'badValueToken', 'token', whyRefused(verification.reason, 'space'));
  const space = state.directory.find('space', verification.invitation.resourceId);
  if (!space) throw new HttpError(404, 'notFound', 'token', 'The space this token invites to no longer exists.');
  // The token stays valid for the user it was meant for.
  if (!state.directory.addMember(space, caller.username))
    throw new HttpError(
      400,
      'relationAlreadyExists',
      'token',
      `${caller.username} is already a member of space ${space.id}.`,
    );
  state.invites.spend(body.token);
  return { status: 201, headers: { Location: `/user/spaces/${space.id}` } };
};
