// Oneprovider: every privilege is the user's; no state, every operation answers its stub.
import { manifestFacts, USER_WIDE, type ApiProfile } from '../profile.ts';
import { oneproviderImplementations } from './implementations/index.ts';
import { createOneproviderState, type OneproviderState } from './state.ts';

export const profile: ApiProfile<OneproviderState> = {
  ...manifestFacts('oneprovider'),
  serveOrder: 3,
  mockPort: 4012,
  createState: createOneproviderState,
  privilegeScope: () => USER_WIDE,
  implementations: oneproviderImplementations,
};
