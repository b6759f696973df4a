// The in-memory spaces and groups: who is a member of what, with which privileges there. Lives as long as the
// server process; nothing is persisted. Bounded (limits.ts): names of at most 1024 bytes, spaces per user,
// the state's byte budget for every space and membership added.
import { randomBytes } from 'node:crypto';
import type { GroupSeed } from './accounts.ts';
import {
  assertNameLength,
  assertRoom,
  ENTRY_BYTES,
  LIMITS,
  type StateBudget,
  stringBytes,
  UserQuota,
} from './limits.ts';

export type ResourceKind = 'space' | 'group';

export interface Resource {
  kind: ResourceKind;
  id: string;
  name: string;
  /** username → privileges on this resource. */
  members: Map<string, Set<string>>;
}

export class Directory {
  private readonly resources: Record<ResourceKind, Map<string, Resource>> = { space: new Map(), group: new Map() };
  private readonly spacesPerUser: UserQuota;

  constructor(
    groups: readonly GroupSeed[],
    private readonly budget: StateBudget,
    spacesPerUser: number,
  ) {
    this.spacesPerUser = new UserQuota(spacesPerUser, 'spaces');
    for (const group of groups) {
      const members = new Map(
        Object.entries(group.members).map(([username, privileges]) => [username, new Set(privileges)]),
      );
      this.resources.group.set(group.id, { kind: 'group', id: group.id, name: group.name, members });
    }
  }

  find(kind: ResourceKind, id: string): Resource | undefined {
    return this.resources[kind].get(id);
  }

  /** A new space with an unguessable id (Onezone ids are 43 base64url characters); its creator holds `privileges`. */
  createSpace(name: string | undefined, creator: string, privileges: Iterable<string>): Resource {
    assertNameLength(name);
    assertRoom(this.resources.space.size, LIMITS.spaces, 'spaces');
    this.spacesPerUser.take(creator);
    try {
      this.budget.take(ENTRY_BYTES.space + stringBytes(name), 'another space');
    } catch (error) {
      this.spacesPerUser.give(creator);
      throw error;
    }
    const space: Resource = {
      kind: 'space',
      id: randomBytes(32).toString('base64url'),
      name: name ?? '',
      members: new Map([[creator, new Set(privileges)]]),
    };
    this.resources.space.set(space.id, space);
    return space;
  }

  privilegesOf(resource: Resource, username: string): ReadonlySet<string> | undefined {
    return resource.members.get(username);
  }

  /** Adds a member without privileges; false when already a member. */
  addMember(resource: Resource, username: string): boolean {
    if (resource.members.has(username)) return false;
    this.budget.take(ENTRY_BYTES.member, `another member of ${resource.kind} ${resource.id}`);
    resource.members.set(username, new Set());
    return true;
  }
}
