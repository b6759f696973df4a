// Invite tokens: 24 random bytes (base64url) naming an invitation this process stored. The store is what
// makes a token valid, so nothing can be forged without guessing 192 random bits, and it remembers spent
// tokens to tell "already used" from "unknown". (No HMAC on top: it would only reject what the store rejects
// anyway, and every request would pay for it.)
// Tokens expire `ttlMs` after they were issued; spent ones are remembered only until then. An expired token is
// forgotten (its bytes go back to the budget, its issuer's quota gets it back) and, like an unknown token, no
// longer valid. The TTL is the same for every token, so issue order is expiry order: a queue of the tokens in
// issue order is swept from its head on every issue and verify.
import { randomFillSync } from 'node:crypto';
import type { ResourceKind } from './directory.ts';
import { ENTRY_BYTES, type StateBudget, UserQuota } from './limits.ts';

export interface Invitation {
  kind: ResourceKind;
  resourceId: string;
}

export type Verification =
  | { ok: true; invitation: Invitation }
  /** malformed: not a token at all; unknown: not issued here, or expired and forgotten; used: already spent. */
  | { ok: false; reason: 'malformed' | 'unknown' | 'used' | 'wrongKind' };

interface Entry extends Invitation {
  token: string;
  issuer: string;
  expiresAt: number;
  used: boolean;
}

const NONCE_BYTES = 24;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export class InviteTokens {
  private readonly issued = new Map<string, Entry>();
  /** The entries in issue (= expiry) order, from `head` on. */
  private queue: Entry[] = [];
  private head = 0;
  private readonly perUser: UserQuota;
  // Random bytes are drawn a pool at a time: one CSPRNG call serves many tokens instead of one per token.
  private readonly pool = Buffer.alloc(4096);
  private drawn = this.pool.length;

  constructor(
    private readonly budget: StateBudget,
    tokensPerUser: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perUser = new UserQuota(tokensPerUser, 'invite tokens');
  }

  /** Tokens remembered now (valid or spent, not yet expired). */
  get size(): number {
    return this.issued.size;
  }

  issue(invitation: Invitation, issuer: string): string {
    const now = this.now();
    this.forgetExpired(now);
    this.perUser.take(issuer);
    try {
      this.budget.take(ENTRY_BYTES.inviteToken, 'another invite token');
    } catch (error) {
      this.perUser.give(issuer);
      throw error;
    }
    if (this.drawn + NONCE_BYTES > this.pool.length) {
      randomFillSync(this.pool);
      this.drawn = 0;
    }
    const token = this.pool.toString('base64url', this.drawn, this.drawn + NONCE_BYTES);
    this.drawn += NONCE_BYTES;
    const entry: Entry = {
      kind: invitation.kind,
      resourceId: invitation.resourceId,
      token,
      issuer,
      expiresAt: now + this.ttlMs,
      used: false,
    };
    this.issued.set(token, entry);
    this.queue.push(entry);
    return token;
  }

  /** What a token invites to, if it is an unspent, unexpired invitation of the given kind; does not spend it. */
  verify(token: string, kind: ResourceKind): Verification {
    if (!TOKEN.test(token)) return { ok: false, reason: 'malformed' };
    this.forgetExpired(this.now());
    const entry = this.issued.get(token);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.used) return { ok: false, reason: 'used' };
    if (entry.kind !== kind) return { ok: false, reason: 'wrongKind' };
    return { ok: true, invitation: { kind: entry.kind, resourceId: entry.resourceId } };
  }

  /** Makes a verified token unusable (it is remembered as spent until it expires). */
  spend(token: string): void {
    const entry = this.issued.get(token);
    if (entry) entry.used = true;
  }

  /** Forgets every token whose time is up. */
  forgetExpired(now: number = this.now()): void {
    const queue = this.queue;
    let head = this.head;
    while (head < queue.length && queue[head]!.expiresAt <= now) {
      const entry = queue[head]!;
      queue[head++] = undefined as unknown as Entry;
      this.issued.delete(entry.token);
      this.perUser.give(entry.issuer);
      this.budget.give(ENTRY_BYTES.inviteToken);
    }
    if (head === queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (head > 1024 && head * 2 > queue.length) {
      this.queue = queue.slice(head);
      this.head = 0;
    } else this.head = head;
  }
}
