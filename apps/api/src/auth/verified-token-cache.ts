import { createHash } from 'node:crypto';
import type { Principal } from './caller';

export interface VerifiedTokenCacheOptions {
  /** Most tokens kept; past it, the least recently used is dropped. */
  capacity: number;
  /** Longest a token is trusted without checking its signature again, in milliseconds. */
  maxAgeMs: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

interface Entry {
  caller: Readonly<Principal>;
  /** Epoch milliseconds from which the token may be used (its `nbf`), or -Infinity. */
  notBefore: number;
  /** Epoch milliseconds at which the entry stops answering: the token's `exp` or the age limit. */
  expiresAt: number;
}

/**
 * Callers of bearer tokens whose signature and claims were verified a moment ago, so a client
 * repeating its token skips the signature check. Only successes are ever stored. Every hit checks
 * the token's own `nbf` and `exp` against the clock, without the verifier's clock tolerance, so an
 * entry never answers for a token the verifier would refuse. Keys are the token's SHA-256, so no
 * bearer token is held in memory longer than its request.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: VerifiedTokenCacheOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  get size(): number {
    return this.entries.size;
  }

  /** The caller of `token` if it was verified recently and is still within its validity. */
  get(token: string): Readonly<Principal> | undefined {
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const now = this.now();
    if (now >= entry.expiresAt || now < entry.notBefore) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-inserting moves the entry to the end of the Map's order: the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.caller;
  }

  /**
   * Remembers a verified token's caller until the earlier of its `exp` and `maxAgeMs` from now.
   * `exp` and `nbf` are in seconds, as in the token. A token not valid at this instant without
   * tolerance (accepted only thanks to the verifier's clock tolerance) is not stored.
   */
  remember(token: string, caller: Principal, claims: { exp: number; nbf?: number }): void {
    const now = this.now();
    const notBefore = claims.nbf === undefined ? -Infinity : claims.nbf * 1000;
    const expiresAt = Math.min(claims.exp * 1000, now + this.options.maxAgeMs);
    if (now >= expiresAt || now < notBefore) return;
    const key = keyOf(token);
    this.entries.delete(key);
    this.entries.set(key, { caller: frozen(caller), notBefore, expiresAt });
    if (this.entries.size > this.options.capacity) {
      const leastRecentlyUsed = this.entries.keys().next().value as string;
      this.entries.delete(leastRecentlyUsed);
    }
  }
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64');
}

/** One caller object answers many requests: frozen, so no handler can change it for the next. */
function frozen(caller: Principal): Readonly<Principal> {
  Object.freeze(caller.roles);
  if (caller.services !== null) Object.freeze(caller.services);
  return Object.freeze(caller);
}
