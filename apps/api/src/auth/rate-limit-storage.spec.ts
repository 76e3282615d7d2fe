import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimitStorage } from './rate-limit-storage';

const MINUTE_MS = 60_000;
const LIMIT = 3;

describe('the rate limit storage', () => {
  const start = Date.parse('2026-12-01T09:00:00Z');
  let library: ThrottlerStorageService;

  beforeEach(() => {
    jest.useFakeTimers({ now: start });
    library = new ThrottlerStorageService();
  });
  afterEach(() => {
    library.onApplicationShutdown();
    jest.useRealTimers();
  });

  it("answers as the library's own storage does: the budget, the block beyond it, and a fresh budget after the block", async () => {
    const ours = new RateLimitStorage();
    // Seconds from the start at which the caller calls: a burst over the limit, calls while blocked, then after the block.
    const calls = [0, 1, 2, 3, 4, 30, 59, 63, 64, 65, 66, 90, 125, 126, 127, 128, 200];

    for (const second of calls) {
      jest.setSystemTime(start + second * 1000);
      const theirs = await library.increment('caller', MINUTE_MS, LIMIT, MINUTE_MS, 'default');
      const answer = await ours.increment('caller', MINUTE_MS, LIMIT, MINUTE_MS, 'default');

      expect({ second, ...answer }).toEqual({ second, ...theirs, timeToBlockExpire: theirs.isBlocked ? theirs.timeToBlockExpire : 0 });
    }
  });

  it('keeps one budget per key, so one caller over the limit leaves another alone', async () => {
    const ours = new RateLimitStorage();
    for (let n = 0; n <= LIMIT; n++) await ours.increment('flooding', MINUTE_MS, LIMIT, MINUTE_MS, 'default');

    expect((await ours.increment('flooding', MINUTE_MS, LIMIT, MINUTE_MS, 'default')).isBlocked).toBe(true);
    expect(await ours.increment('quiet', MINUTE_MS, LIMIT, MINUTE_MS, 'default')).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });
});
