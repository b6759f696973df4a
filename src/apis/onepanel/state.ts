// Onepanel's store: the user accounts created through the API (the users file's names stay taken).
import type { StateContext } from '../profile.ts';
import { PanelUsers } from '../../server/panel-users.ts';

export interface OnepanelState {
  panelUsers: PanelUsers;
}

export const createOnepanelState = ({ budget, fileUsernames }: StateContext): OnepanelState => ({
  panelUsers: new PanelUsers(budget, fileUsernames),
});
