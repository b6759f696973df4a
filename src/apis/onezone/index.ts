// Onezone: its spaces and groups hold privileges (the rest are the user's own, Onezone-wide); served first.
import { manifestFacts, type ApiProfile, type ServedSpec } from '../profile.ts';
import { onezoneImplementations } from './implementations/index.ts';
import { createOnezoneState, type OnezoneState } from './state.ts';

export const profile: ApiProfile<OnezoneState> = {
  ...manifestFacts('onezone'),
  serveOrder: 1,
  mockPort: 4013,
  createState: createOnezoneState,
  privilegeScope: (spec, state) => ({ userWide: onezoneWide(spec), directory: state.directory }),
  inviteTokens: (state) => state.invites.size,
  implementations: onezoneImplementations,
};

/**
 * The Onezone-wide privileges as the served release names them: the oz_ ones and its OnezonePrivileges schema's
 * privilege list (3.0.0-rc15 lists unprefixed ones such as list_groups).
 */
function onezoneWide({ document }: ServedSpec): (name: string) => boolean {
  const schema = document.components?.schemas?.OnezonePrivileges as
    | { properties?: { privileges?: { items?: { enum?: unknown[] } } } }
    | undefined;
  const listed = schema?.properties?.privileges?.items?.enum?.filter((name) => typeof name === 'string');
  const names = new Set(listed);
  return (name) => name.startsWith('oz_') || names.has(name);
}
