// The caps that keep the in-memory state bounded, whatever clients send: each collection holds at most so many
// entries, each entry at most so many bytes. Over a cap is a 507 (Insufficient Storage) or a 413, in the
// spec's Error shape.
import { HttpError } from './errors.ts';

export const LIMITS = {
  /** Spaces created through the API (Onezone). */
  spaces: 10_000,
  /** Invite tokens issued, spent ones included (Onezone). */
  inviteTokens: 100_000,
  /** Onepanel users created through the API. */
  panelUsers: 1_000,
  /** LUMA users (user details with their storage credentials). */
  lumaUsers: 10_000,
  /** Storage credentials per LUMA user. */
  credentialsPerUser: 64,
  /** JSON size of one stored LUMA user's details, and of its credentials. */
  entryBytes: 16 * 1024,
  /** Longest Onepanel username and password. */
  nameLength: 64,
  passwordLength: 256,
} as const;

/** 507 when a collection is full. */
export function assertRoom(size: number, cap: number, what: string): void {
  if (size >= cap)
    throw new HttpError(507, 'insufficientStorage', 'requestBody', `This server keeps at most ${cap} ${what}.`);
}

/** 413 when one entry is too large. */
export function assertSmall(value: unknown, limit: number, key: string): void {
  const size = Buffer.byteLength(JSON.stringify(value ?? null));
  if (size > limit)
    throw new HttpError(413, 'payloadTooLarge', key, `${key} takes ${size} bytes as JSON; at most ${limit} are kept.`);
}
