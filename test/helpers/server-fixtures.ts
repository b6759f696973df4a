// The users of src/server/users.yaml, as the tests log in with them.
import { loadUsersFile, type User } from '../../src/server/accounts.ts';

const { users } = loadUsersFile();

function user(username: string): User {
  const found = users.find((u) => u.username === username);
  if (!found) throw new Error(`users.yaml has no ${username}`);
  return found;
}

/** Holds every oz_* privilege. */
export const ADMIN = user('admin');
/** No Onezone-wide privileges; group_view in the example group, group_add_user in joe-group. */
export const JOE = user('joe');
/** The group id of the spec's createUserGroupInviteToken example, pre-defined in users.yaml. */
export const EXAMPLE_GROUP = 'a4d3bc73aada63052310652d421609f1';
export const JOE_GROUP = 'joe-group';

export const tokenHeader = (u: User) => ({ 'X-Auth-Token': u.token });
export const basicHeader = (u: User) => ({
  Authorization: `Basic ${Buffer.from(`${u.username}:${u.password}`).toString('base64')}`,
});
