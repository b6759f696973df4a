// Invite tokens: 24 random bytes (base64url) naming an invitation this process stored. The store is what
// makes a token valid, so nothing can be forged without guessing 192 random bits, and it remembers spent
// tokens to tell "already used" from "unknown". (No HMAC on top: it would only reject what the store rejects
// anyway, and every request would pay for it.)
import { randomFillSync } from 'node:crypto';
import type { ResourceKind } from './directory.ts';
import { assertRoom, LIMITS } from './limits.ts';

export interface Invitation {
  kind: ResourceKind;
  resourceId: string;
}

export type Verification =
  | { ok: true; invitation: Invitation }
  /** malformed: not a token at all; unknown: not issued here; used: already spent. */
  | { ok: false; reason: 'malformed' | 'unknown' | 'used' | 'wrongKind' };

const NONCE_BYTES = 24;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export class InviteTokens {
  private readonly issued = new Map<string, Invitation & { used: boolean }>();
  // Random bytes are drawn a pool at a time: one CSPRNG call serves many tokens instead of one per token.
  private readonly pool = Buffer.alloc(4096);
  private drawn = this.pool.length;

  issue(invitation: Invitation): string {
    assertRoom(this.issued.size, LIMITS.inviteTokens, 'invite tokens');
    if (this.drawn + NONCE_BYTES > this.pool.length) {
      randomFillSync(this.pool);
      this.drawn = 0;
    }
    const token = this.pool.toString('base64url', this.drawn, (this.drawn += NONCE_BYTES));
    this.issued.set(token, { ...invitation, used: false });
    return token;
  }

  /** What a token invites to, if it is an unspent invitation of the given kind; does not spend it. */
  verify(token: string, kind: ResourceKind): Verification {
    if (!TOKEN.test(token)) return { ok: false, reason: 'malformed' };
    const entry = this.issued.get(token);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.used) return { ok: false, reason: 'used' };
    if (entry.kind !== kind) return { ok: false, reason: 'wrongKind' };
    return { ok: true, invitation: { kind: entry.kind, resourceId: entry.resourceId } };
  }

  /** Makes a verified token unusable. */
  spend(token: string): void {
    const entry = this.issued.get(token);
    if (entry) entry.used = true;
  }
}
