// LUMA's store: the users it maps and their storage credentials.
import type { StateContext } from '../profile.ts';
import { LumaUsers } from '../../server/luma-users.ts';

export interface LumaState {
  lumaUsers: LumaUsers;
}

export const createLumaState = ({ budget }: StateContext): LumaState => ({ lumaUsers: new LumaUsers(budget) });
