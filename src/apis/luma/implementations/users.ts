// LUMA users and their storage credentials, in memory (State.lumaUsers): POST /admin/users,
// GET/PUT/DELETE /admin/users/{lid}, PUT /admin/users/{lid}/credentials.
import { HttpError } from '../../../server/errors.ts';
import type { Implementation, ResponseBody } from './types.ts';

const noSuchUser = (lid: number) => new HttpError(404, 'invalid_user', 'lid', `No LUMA user with id ${lid}.`);

/** POST /admin/users: 201, "ID of the created LUMA user in the form /admin/users/{lid}" in Location. */
export const addUserDetails: Implementation<'add_user_details'> = ({ body, state }) => {
  const user = state.lumaUsers.add(body);
  return { status: 201, headers: { Location: `/admin/users/${user.lid}` } };
};

export const getUserDetails: Implementation<'get_user_details'> = ({ params, state }) => {
  const user = state.lumaUsers.get(Number(params.lid));
  if (!user) throw noSuchUser(Number(params.lid));
  return { status: 200, body: user.details as ResponseBody<'get_user_details', 200> };
};

/** PUT /admin/users/{lid}: replaces the details (the docs document no 404 here: an unknown id is created). */
export const updateUserDetails: Implementation<'update_user_details'> = ({ params, body, state }) => {
  state.lumaUsers.put(Number(params.lid), body);
  return { status: 204 };
};

/** DELETE /admin/users/{lid}: 204, also for an id already gone (the docs document no 404 here). */
export const deleteUser: Implementation<'delete_user'> = ({ params, state }) => {
  state.lumaUsers.remove(Number(params.lid));
  return { status: 204 };
};

/** PUT /admin/users/{lid}/credentials: adds credentials per storage; 404 "User credentials not found". */
export const addUserCredentials: Implementation<'add_user_credentials'> = ({ params, body, state }) => {
  const user = state.lumaUsers.get(Number(params.lid));
  if (!user) throw noSuchUser(Number(params.lid));
  state.lumaUsers.addCredentials(user, body as unknown as Record<string, unknown>[]);
  return { status: 204 };
};
