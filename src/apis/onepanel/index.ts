// Onepanel: every privilege is the user's; users created through the API log in with HTTP basic too.
import { manifestFacts, USER_WIDE, type ApiProfile } from '../profile.ts';
import { onepanelImplementations } from './implementations/index.ts';
import { createOnepanelState, type OnepanelState } from './state.ts';

export const profile: ApiProfile<OnepanelState> = {
  ...manifestFacts('onepanel'),
  serveOrder: 2,
  mockPort: 4011,
  createState: createOnepanelState,
  privilegeScope: () => USER_WIDE,
  passwordLogin: (state) => (username, password) => state.panelUsers.login(username, password),
  implementations: onepanelImplementations,
};
