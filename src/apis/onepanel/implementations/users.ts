// Onepanel user accounts, in memory (State.panelUsers): POST /users, GET/PATCH/DELETE /users/{username}. The
// docs list no operation listing users. A created user logs in with HTTP basic.
import { HttpError } from '../../../server/errors.ts';
import { samePassword } from '../../../server/accounts.ts';
import { passwordProblem } from '../../../server/panel-users.ts';
import type { Implementation, ResponseBody } from './types.ts';

const noSuchUser = (username: string) => new HttpError(404, 'Not Found', 'username', `No user named ${username}.`);

/** POST /users: 204 once created; 400 when the docs' rules for username and password are not met. */
export const addUser: Implementation<'add_user'> = ({ body, state }) => {
  state.panelUsers.create(body.username, body.password, body.userRole);
  return { status: 204 };
};

export const getUser: Implementation<'get_user'> = ({ params, state }) => {
  const user = state.panelUsers.get(params.username);
  if (!user) throw noSuchUser(params.username);
  return {
    status: 200,
    body: { userId: user.userId, userRole: user.userRole } satisfies ResponseBody<'get_user', 200>,
  };
};

/**
 * PATCH /users/{username}: changes the password. currentPassword is "the current user password that should be
 * changed or password of an administrator that is issuing this request on behalf of a user"
 * (UserModifyRequest.md:9): the target's own, or the caller's when the caller is an admin (roles.ts let only an
 * admin or the user itself get here); else 403.
 */
export const modifyUser: Implementation<'modify_user'> = ({ caller, params, body, state }) => {
  const user = state.panelUsers.get(params.username);
  if (!user) throw noSuchUser(params.username);
  const byAdmin = state.panelUsers.get(caller.username)?.userRole === 'admin';
  if (
    !samePassword(user.password, body.currentPassword) &&
    !(byAdmin && samePassword(caller.password, body.currentPassword))
  )
    throw new HttpError(
      403,
      'Forbidden',
      'currentPassword',
      "currentPassword is neither the user's password nor, from an admin, the admin's.",
    );
  const problem = passwordProblem(body.newPassword);
  if (problem) throw new HttpError(400, 'Invalid Request', 'newPassword', problem);
  user.password = body.newPassword;
  return { status: 204 };
};

export const removeUser: Implementation<'remove_user'> = ({ params, state }) => {
  if (!state.panelUsers.remove(params.username)) throw noSuchUser(params.username);
  return { status: 204 };
};
