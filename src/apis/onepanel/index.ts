// Onepanel: every privilege is the user's; its user accounts (the users file's and those created through the
// API) are the only password logins, and their roles decide what each may do (roles.ts).
import { manifestFacts, USER_WIDE, type ApiProfile } from '../profile.ts';
import { onepanelImplementations } from './implementations/index.ts';
import { onepanelRoles } from './roles.ts';
import { createOnepanelState, type OnepanelState } from './state.ts';

export const profile: ApiProfile<OnepanelState> = {
  ...manifestFacts('onepanel'),
  serveOrder: 2,
  mockPort: 4011,
  createState: createOnepanelState,
  privilegeScope: () => USER_WIDE,
  passwordLogin: (state) => (username, password) => state.panelUsers.login(username, password),
  roles: onepanelRoles,
  implementations: onepanelImplementations,
};
