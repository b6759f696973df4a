// Compiled by `tsc --noEmit -p .` (npm test) and by test/client.test.ts: each wrong call must stay a type
// error, or tsc reports the @ts-expect-error as unused.
import { createClient as createOnepanelClient } from '../generated/onepanel/client.ts';
import { createClient } from '../generated/onezone/client.ts';

export function wrongCalls(): void {
  const client = createClient({ auth: { token: 't' } });
  // @ts-expect-error the spec has no /spaces/{id}/user/token (it is users/token)
  void client.POST('/spaces/{id}/user/token', { params: { path: { id: 'x' } } });
  // @ts-expect-error `id` is a required path parameter of create_space_user_invite_token
  void client.POST('/spaces/{id}/users/token', { params: { path: {} } });
  // @ts-expect-error join_space's body is a SpaceInviteToken: `token` is a string
  void client.POST('/user/spaces/join', { body: { token: 42 } });
  // @ts-expect-error only POST is documented for /user/spaces/join
  void client.GET('/user/spaces/join');
  // @ts-expect-error credentials are a token or a username with a password
  createClient({ auth: { username: 'admin' } });
  // @ts-expect-error Onepanel's security.md documents HTTP basic only: it takes no X-Auth-Token
  createOnepanelClient({ auth: { token: 't' } });
}
