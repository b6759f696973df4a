// LUMA: every privilege is the user's; it keeps the users it maps and their credentials.
import { manifestFacts, USER_WIDE, type ApiProfile } from '../profile.ts';
import { lumaImplementations } from './implementations/index.ts';
import { createLumaState, type LumaState } from './state.ts';

export const profile: ApiProfile<LumaState> = {
  ...manifestFacts('luma'),
  serveOrder: 4,
  mockPort: 4010,
  createState: createLumaState,
  privilegeScope: () => USER_WIDE,
  implementations: lumaImplementations,
};
