// Onepanel's roles, as spec/onepanel/docs/17.06.0-rc8/overview.md:54-60 states them: an `admin` is "Onepanel
// administrator … all have equal rights in terms of Onedata deployment management"; `regular` "allows manual
// creation of user accounts, using which users can login to Onezone" — an account, not an administrator. So an
// admin may call every operation; a regular user only reads and changes its own account (get_user, modify_user
// with its own username); anything else is Onepanel's documented 403.
import { HttpError } from '../../server/errors.ts';
import type { User } from '../../server/accounts.ts';
import type { OnepanelState } from './state.ts';

const OWN_ACCOUNT = new Set(['get_user', 'modify_user']);

export function onepanelRoles(
  state: OnepanelState,
): (operationId: string, caller: User, params: Record<string, string>) => void {
  return (operationId, caller, params) => {
    if (state.panelUsers.get(caller.username)?.userRole === 'admin') return;
    if (OWN_ACCOUNT.has(operationId) && params.username === caller.username) return;
    throw new HttpError(
      403,
      'Forbidden',
      'userRole',
      OWN_ACCOUNT.has(operationId)
        ? `Only an admin may ${operationId === 'get_user' ? 'read' : 'change'} another user's account.`
        : `Only an admin may call ${operationId}.`,
    );
  };
}
