// LUMA's registry. Real (in memory): add_user_details, get_user_details, update_user_details, delete_user and
// add_user_credentials (users.ts). Every other LUMA operation (group mappings, map_*, resolve_*) answers its stub.
import type { Implementations } from './types.ts';
import { addUserCredentials, addUserDetails, deleteUser, getUserDetails, updateUserDetails } from './users.ts';

export const lumaImplementations: Implementations = {
  add_user_details: addUserDetails,
  get_user_details: getUserDetails,
  update_user_details: updateUserDetails,
  delete_user: deleteUser,
  add_user_credentials: addUserCredentials,
};
