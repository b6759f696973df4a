// Onepanel's registry. Real (in memory): add_user, get_user, modify_user, remove_user (users.ts). Every other
// Onepanel operation answers its stub.
import type { Implementations } from './types.ts';
import { addUser, getUser, modifyUser, removeUser } from './users.ts';

export const onepanelImplementations: Implementations = {
  add_user: addUser,
  get_user: getUser,
  modify_user: modifyUser,
  remove_user: removeUser,
};
