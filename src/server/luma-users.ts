// LUMA users: the user details the admin API stores (add_user_details, get_user_details, update_user_details,
// delete_user) and their storage credentials (add_user_credentials), in memory and bounded (limits.ts).
// LUMA ids are integers (the docs' `lid`, read exactly: integer-parameters.ts), given out from 1 up, skipping any a
// PUT took, so no two users share one. Each user is charged to the state's byte budget by what its details and
// credentials take in the heap (valueBytes).
import { assertRoom, assertSmall, ENTRY_BYTES, LIMITS, type StateBudget, valueBytes } from './limits.ts';

export interface LumaUser {
  lid: number;
  details: unknown;
  /** UserStorageCredentials objects, one per storage (storageId, else storageName). */
  credentials: Record<string, unknown>[];
  /** What it is charged to the budget. */
  bytes: number;
}

export class LumaUsers {
  private readonly users = new Map<number, LumaUser>();
  private next = 1;

  constructor(private readonly budget: StateBudget) {}

  add(details: unknown): LumaUser {
    assertSmall(details, LIMITS.entryBytes, 'userDetails');
    assertRoom(this.users.size, LIMITS.lumaUsers, 'LUMA users');
    const bytes = ENTRY_BYTES.lumaUser + valueBytes(details);
    this.budget.take(bytes, 'another LUMA user');
    while (this.users.has(this.next)) this.next++;
    const user: LumaUser = { lid: this.next++, details, credentials: [], bytes };
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
    if (user) {
      this.recharge(user, user.bytes - valueBytes(user.details) + valueBytes(details), 'these user details');
      user.details = details;
    } else {
      assertRoom(this.users.size, LIMITS.lumaUsers, 'LUMA users');
      const bytes = ENTRY_BYTES.lumaUser + valueBytes(details);
      this.budget.take(bytes, 'another LUMA user');
      this.users.set(lid, { lid, details, credentials: [], bytes });
    }
  }

  remove(lid: number): boolean {
    const user = this.users.get(lid);
    if (!user) return false;
    this.users.delete(lid);
    this.budget.give(user.bytes);
    return true;
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
    const bytes = user.bytes - valueBytes(user.credentials) + valueBytes(merged);
    this.recharge(user, bytes, 'these credentials');
    user.credentials = merged;
  }

  /** Charges the user `bytes` instead of what it was charged; 507 (nothing changed) when they do not fit. */
  private recharge(user: LumaUser, bytes: number, what: string): void {
    if (bytes > user.bytes) this.budget.take(bytes - user.bytes, what);
    else this.budget.give(user.bytes - bytes);
    user.bytes = bytes;
  }
}

function storageKey(entry: Record<string, unknown>): string | undefined {
  if (typeof entry.storageId === 'string') return `id:${entry.storageId}`;
  if (typeof entry.storageName === 'string') return `name:${entry.storageName}`;
  return undefined;
}
