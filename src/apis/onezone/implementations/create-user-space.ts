// POST /user/spaces: the caller creates a space and becomes its member with every space privilege.
import type { Implementation } from './types.ts';

export const createUserSpace: Implementation<'create_user_space'> = ({ caller, body, state }) => {
  const space = state.directory.createSpace(body.name, caller.username, state.spaceCreatorPrivileges);
  // The docs: "ID of the created space in the form /user/spaces/{id} is returned in the Location header".
  return { status: 201, headers: { Location: `/user/spaces/${space.id}` } };
};
