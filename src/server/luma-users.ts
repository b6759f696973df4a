// LUMA users: the user details the admin API stores (add_user_details, get_user_details, update_user_details,
// delete_user) and their storage credentials (add_user_credentials), in memory and bounded (limits.ts).
// LUMA ids are integers (the docs' `lid`), given out from 1 up.
import { assertRoom, assertSmall, LIMITS } from './limits.ts';

export interface LumaUser {
  lid: number;
  details: unknown;
  /** UserStorageCredentials objects, one per storage (storageId, else storageName). */
  credentials: Record<string, unknown>[];
}

export class LumaUsers {
  private readonly users = new Map<number, LumaUser>();
  private next = 1;

  add(details: unknown): LumaUser {
    assertSmall(details, LIMITS.entryBytes, 'userDetails');
    assertRoom(this.users.size, LIMITS.lumaUsers, 'LUMA users');
    const user: LumaUser = { lid: this.next++, details, credentials: [] };
    this.users.set(user.lid, user);
    return user;
  }

  get(lid: number): LumaUser | undefined {
    return this.users.get(lid);
  }

  /** Replaces the details of a LUMA user; creates it under that id when there is none. */
  put(lid: number, details: unknown): void {
    assertSmall(details, LIMITS.entryBytes, 'userDetails');
    const user = this.users.get(lid);
    if (user) user.details = details;
    else {
      assertRoom(this.users.size, LIMITS.lumaUsers, 'LUMA users');
      this.users.set(lid, { lid, details, credentials: [] });
      this.next = Math.max(this.next, lid + 1);
    }
  }

  remove(lid: number): boolean {
    return this.users.delete(lid);
  }

  /** Adds credentials; ones for a storage the user already has credentials for replace them. */
  addCredentials(user: LumaUser, credentials: readonly Record<string, unknown>[]): void {
    const merged = [...user.credentials];
    for (const entry of credentials) {
      const storage = storageKey(entry);
      const at = storage === undefined ? -1 : merged.findIndex((old) => storageKey(old) === storage);
      if (at >= 0) merged[at] = entry;
      else merged.push(entry);
    }
    assertRoom(merged.length - 1, LIMITS.credentialsPerUser, 'storage credentials per user');
    assertSmall(merged, LIMITS.entryBytes * 4, 'credentials');
    user.credentials = merged;
  }
}

function storageKey(entry: Record<string, unknown>): string | undefined {
  if (typeof entry.storageId === 'string') return `id:${entry.storageId}`;
  if (typeof entry.storageName === 'string') return `name:${entry.storageName}`;
  return undefined;
}
