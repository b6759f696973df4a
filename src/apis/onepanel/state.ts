// Onepanel's store: its user accounts, those of the users file first (each a user resource, GET /users/admin),
// then those created through the API.
import type { StateContext } from '../profile.ts';
import { PanelUsers } from '../../server/panel-users.ts';

export interface OnepanelState {
  panelUsers: PanelUsers;
}

export const createOnepanelState = ({ budget, fileUsers }: StateContext): OnepanelState => ({
  panelUsers: new PanelUsers(budget, fileUsers),
});
