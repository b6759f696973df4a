// What keeps the in-memory state bounded, whatever clients send:
// - a byte budget for everything the server stores (all APIs of one startServer() together): each stored entry
//   is charged an estimate of the heap it takes, released when the entry goes; over the budget is a 507;
// - per-user quotas: spaces created and invite tokens held by one user; over a quota is a 429;
// - invite tokens expire (a TTL): spent ones are remembered only until they would have expired, then forgotten;
// - size limits on single values: names of spaces and groups, Onepanel usernames and passwords, LUMA entries;
//   over a limit is a 413 (or the 400 the docs' own rules ask for);
// - count caps per collection (507), a second line behind the budget.
// Every refusal is an HttpError, answered in the spec's Error shape.
import { HttpError } from './errors.ts';

export const LIMITS = {
  /** Spaces created through the API (Onezone). */
  spaces: 10_000,
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
  /** Longest space or group name, in UTF-8 bytes (the docs state no limit). */
  resourceNameBytes: 1024,
} as const;

/** The configurable bounds: `startServer({ state })`, `npm run serve -- --state-budget … --token-ttl …`. */
export interface StateLimits {
  /** Bytes the in-memory state may take, every served API together. */
  budgetBytes: number;
  /** Spaces one user may create. */
  spacesPerUser: number;
  /** Invite tokens one user may hold issued (unexpired, spent or not). */
  tokensPerUser: number;
  /** How long an invite token stays valid, in milliseconds. */
  tokenTtlMs: number;
}

export const DEFAULT_STATE_LIMITS: Readonly<StateLimits> = {
  budgetBytes: 64 * 1024 * 1024,
  spacesPerUser: 1_000,
  tokensPerUser: 10_000,
  tokenTtlMs: 24 * 60 * 60 * 1000,
};

/**
 * Heap bytes charged per stored entry, rounded up from what they take on Node 20 (heapUsed growth per entry
 * with --expose-gc; the measured figures are in bench/README.md): an invite token (its entry, map slot, expiry
 * queue slot), a space (its id, its creator with its space privileges) before its name, a member added by joining.
 */
export const ENTRY_BYTES = {
  inviteToken: 256,
  space: 2304,
  member: 256,
  panelUser: 512,
  lumaUser: 256,
} as const;

/** Heap bytes a string takes at most (two bytes a character when it is not Latin-1) with its header. */
export const stringBytes = (text: string | undefined): number => (text === undefined ? 0 : 24 + 2 * text.length);

/**
 * Heap bytes a parsed JSON value takes at most, from its structure rather than its text (where `{}` is 2 bytes
 * and its object 56): an object's header and a dictionary entry per property, an array's header and a slot per
 * element, a string two bytes a character, a number that is not a small integer its heap box. The constants are
 * upper bounds of heapUsed growth measured on Node 20 and 24 (bench/README.md). Bodies are at most
 * MAX_BODY_DEPTH deep, so the walk is bounded.
 */
export function valueBytes(value: unknown): number {
  if (typeof value === 'string') return 24 + 2 * value.length;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 30 ? 0 : 16;
  if (value === null || typeof value !== 'object') return 0;
  let bytes = 0;
  if (Array.isArray(value)) {
    bytes = 32 + 8 * value.length;
    for (const item of value) bytes += valueBytes(item);
    return bytes;
  }
  bytes = 56;
  for (const key in value) bytes += 56 + valueBytes((value as Record<string, unknown>)[key]);
  return bytes;
}

/** Deepest `[`/`{` nesting a request body may have: deeper is a 400 before it is parsed (no recursion over it). */
export const MAX_BODY_DEPTH = 64;

/** The deepest `[`/`{` nesting of JSON text, brackets inside strings skipped; counted without parsing. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return deepest;
}

/** The 400 for a body nested deeper than MAX_BODY_DEPTH. */
export function tooDeep(): HttpError {
  return new HttpError(
    400,
    'badValue',
    'requestBody',
    `The request body nests deeper than ${MAX_BODY_DEPTH} levels of [ and {.`,
  );
}

/** The byte budget of one server's state: entries take from it as they are stored and give back as they go. */
export class StateBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  get bytes(): number {
    return this.used;
  }

  /** Charges `bytes`, or throws the 507 when they do not fit. */
  take(bytes: number, what: string): void {
    if (this.used + bytes > this.limit)
      throw new HttpError(
        507,
        'insufficientStorage',
        'requestBody',
        `The server's in-memory state is full (${this.limit} bytes): no room for ${what}.`,
      );
    this.used += bytes;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/** Per-user counts against a quota: 429 for a user at the quota. */
export class UserQuota {
  private readonly counts = new Map<string, number>();

  constructor(
    readonly quota: number,
    private readonly what: string,
  ) {}

  take(username: string): void {
    const count = this.counts.get(username) ?? 0;
    if (count >= this.quota)
      throw new HttpError(
        429,
        'quotaExceeded',
        'requestBody',
        `${username} already holds ${this.quota} ${this.what}, the most one user may hold.`,
      );
    this.counts.set(username, count + 1);
  }

  give(username: string): void {
    const count = this.counts.get(username) ?? 0;
    if (count <= 1) this.counts.delete(username);
    else this.counts.set(username, count - 1);
  }
}

/** 507 when a collection is full. */
export function assertRoom(size: number, cap: number, what: string): void {
  if (size >= cap)
    throw new HttpError(507, 'insufficientStorage', 'requestBody', `This server keeps at most ${cap} ${what}.`);
}

/** 413 when one entry is too large; returns its JSON length. */
export function assertSmall(value: unknown, limit: number, key: string): number {
  const size = Buffer.byteLength(JSON.stringify(value ?? null));
  if (size > limit)
    throw new HttpError(413, 'payloadTooLarge', key, `${key} takes ${size} bytes as JSON; at most ${limit} are kept.`);
  return size;
}

/** 413 when a space or group name is longer than LIMITS.resourceNameBytes in UTF-8. */
export function assertNameLength(name: string | undefined, key = 'name'): void {
  if (name === undefined || name.length * 3 <= LIMITS.resourceNameBytes) return;
  const size = Buffer.byteLength(name);
  if (size > LIMITS.resourceNameBytes)
    throw new HttpError(
      413,
      'payloadTooLarge',
      key,
      `The name takes ${size} bytes; names are at most ${LIMITS.resourceNameBytes} bytes (UTF-8).`,
    );
}
