import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Budget {
  /** When each counted hit stops counting, oldest first, from `first` on; the entries before it have expired. */
  hitExpiries: number[];
  first: number;
  /** When the window the `X-RateLimit-Reset` figure counts down to ends. */
  windowEndsAt: number;
  blockedUntil: number | null;
}

/**
 * The rate limit's counts, with the library's own storage's answers (`ThrottlerStorageService`: a
 * sliding window of the last `ttl`'s hits, and a block of `blockDuration` once over the limit), but
 * at a constant cost per request: the library filters every hit of the window into a new array on
 * each request, so a caller's request cost grows with its rate and a high limit costs every request
 * an array of that many hits. Hits expire in the order they were counted, so expired ones are
 * dropped from the front. Budgets left idle past their window are forgotten at most once a window.
 */
export class RateLimitStorage implements ThrottlerStorage {
  private readonly budgets = new Map<string, Budget>();
  private nextSweepAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.forgetIdleBudgets(now, ttl);
    const budgetKey = `${throttlerName}\u0000${key}`;
    let budget = this.budgets.get(budgetKey);
    if (budget === undefined) {
      budget = { hitExpiries: [], first: 0, windowEndsAt: now + ttl, blockedUntil: null };
      this.budgets.set(budgetKey, budget);
    }
    dropExpiredHits(budget, now);
    if (budget.windowEndsAt <= now) budget.windowEndsAt = now + ttl;
    const timeToExpire = secondsUntil(budget.windowEndsAt, now);
    if (budget.blockedUntil === null) {
      budget.hitExpiries.push(now + ttl);
      if (hitCount(budget) > limit) budget.blockedUntil = now + blockDuration;
    } else if (budget.blockedUntil <= now) {
      // The block is over: the window starts again with this hit.
      budget.blockedUntil = null;
      budget.hitExpiries = [now + ttl];
      budget.first = 0;
    }
    return {
      totalHits: hitCount(budget),
      timeToExpire,
      isBlocked: budget.blockedUntil !== null,
      timeToBlockExpire: budget.blockedUntil === null ? 0 : secondsUntil(budget.blockedUntil, now),
    };
  }

  private forgetIdleBudgets(now: number, ttl: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + ttl;
    for (const [key, budget] of this.budgets) {
      dropExpiredHits(budget, now);
      const blocked = budget.blockedUntil !== null && budget.blockedUntil > now;
      if (!blocked && hitCount(budget) === 0 && budget.windowEndsAt <= now) this.budgets.delete(key);
    }
  }
}

function dropExpiredHits(budget: Budget, now: number): void {
  const expiries = budget.hitExpiries;
  while (budget.first < expiries.length && expiries[budget.first] <= now) budget.first++;
  // Compacted once the expired entries are half the array, so it never holds much more than the window's hits.
  if (budget.first > 0 && budget.first * 2 >= expiries.length) {
    budget.hitExpiries = expiries.slice(budget.first);
    budget.first = 0;
  }
}

function hitCount(budget: Budget): number {
  return budget.hitExpiries.length - budget.first;
}

function secondsUntil(instant: number, now: number): number {
  return Math.ceil((instant - now) / 1000);
}
