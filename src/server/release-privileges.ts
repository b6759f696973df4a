// The users file names privileges as the default release does; another release may name them otherwise
// (Onezone 3.0.0-rc15's DELETE /groups/{id} needs group_remove where 17.06.0-rc8 says group_delete). The renames
// come from the two specs: an operation both document, with as many x-privileges in each, pairs its names in order.
import type { GroupSeed, UsersFile } from './accounts.ts';
import type { Spec } from '../openapi/spec-types.ts';

/** Default name → the release's name, for the names the two specs pair one way only and the release lacks. */
export function privilegeRenames(defaultSpec: Spec, releaseSpec: Spec): Map<string, string> {
  const candidates = new Map<string, Set<string>>();
  const releaseNames = new Set<string>();
  for (const [path, item] of Object.entries(defaultSpec.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      const before = privilegeList(operation);
      const after = privilegeList((releaseSpec.paths?.[path] as Record<string, unknown> | undefined)?.[method]);
      for (const name of after) releaseNames.add(name);
      if (before.length === 0 || before.length !== after.length) continue;
      before.forEach((name, i) => {
        const targets = candidates.get(name) ?? new Set<string>();
        candidates.set(name, targets.add(after[i]!));
      });
    }
  }
  const renames = new Map<string, string>();
  for (const [name, targets] of candidates) {
    const [only] = targets;
    if (targets.size === 1 && !releaseNames.has(name)) renames.set(name, only!);
  }
  return renames;
}

/** The users file with every privilege the release names otherwise renamed (names it already uses stay). */
export function renamePrivileges(users: UsersFile, renames: ReadonlyMap<string, string>): UsersFile {
  const rename = (names: readonly string[]) => [...new Set(names.map((name) => renames.get(name) ?? name))];
  const groups: GroupSeed[] = users.groups.map((group) => ({
    ...group,
    members: Object.fromEntries(Object.entries(group.members).map(([user, names]) => [user, rename(names)])),
  }));
  return { users: users.users.map((user) => ({ ...user, privileges: rename(user.privileges) })), groups };
}

function privilegeList(operation: unknown): string[] {
  const names = (operation as { 'x-privileges'?: unknown } | undefined)?.['x-privileges'];
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
}
