import type { Caller } from './caller';
import { VerifiedTokenCache } from './verified-token-cache';

const officer: Caller = { id: 'u-17', name: 'Jo Bloggs', roles: ['officer'], council: 'hart', services: ['Corporate Services'] };
const start = Date.UTC(2026, 10, 23, 9, 0, 0);
const seconds = (value: number) => value * 1000;

describe('VerifiedTokenCache', () => {
  let now: number;
  const cacheOf = (capacity: number) => new VerifiedTokenCache({ capacity, maxAgeMs: seconds(60), now: () => now });
  const inAnHour = { exp: (start + seconds(3600)) / 1000 };

  beforeEach(() => {
    now = start;
  });

  it('answers a remembered token with its caller, and nothing for any other token', () => {
    const cache = cacheOf(10);
    cache.remember('token-a', { ...officer }, inAnHour);
    expect(cache.get('token-a')).toEqual(officer);
    expect(cache.get('token-b')).toBeUndefined();
  });

  it("stops answering at the token's exp, even within the age limit", () => {
    const cache = cacheOf(10);
    cache.remember('token-a', { ...officer }, { exp: (start + seconds(20)) / 1000 });
    now = start + seconds(19);
    expect(cache.get('token-a')).toEqual(officer);
    now = start + seconds(20);
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('stops answering 60 seconds after verification, however long the token lives', () => {
    const cache = cacheOf(10);
    cache.remember('token-a', { ...officer }, inAnHour);
    now = start + seconds(60);
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('does not answer before the token’s nbf, should the clock step back', () => {
    const cache = cacheOf(10);
    cache.remember('token-a', { ...officer }, { ...inAnHour, nbf: start / 1000 });
    now = start - seconds(5);
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('does not remember a token already past its exp (accepted only within clock tolerance)', () => {
    const cache = cacheOf(10);
    cache.remember('token-a', { ...officer }, { exp: (start - seconds(10)) / 1000 });
    expect(cache.size).toBe(0);
  });

  it('keeps at most its capacity, dropping the least recently used token', () => {
    const cache = cacheOf(2);
    cache.remember('token-a', { ...officer, id: 'a' }, inAnHour);
    cache.remember('token-b', { ...officer, id: 'b' }, inAnHour);
    cache.get('token-a');
    cache.remember('token-c', { ...officer, id: 'c' }, inAnHour);

    expect(cache.size).toBe(2);
    expect(cache.get('token-b')).toBeUndefined();
    expect(cache.get('token-a')?.id).toBe('a');
    expect(cache.get('token-c')?.id).toBe('c');
  });

  it('hands out a frozen caller, so one request cannot change the next one’s', () => {
    const cache = cacheOf(10);
    cache.remember('token-a', { ...officer, roles: ['officer'], services: ['Corporate Services'] }, inAnHour);
    const caller = cache.get('token-a') as Caller;
    expect(() => caller.roles.push('admin')).toThrow(TypeError);
    expect(() => (caller.services as string[]).push('Waste')).toThrow(TypeError);
    expect(cache.get('token-a')).toEqual(officer);
  });
});
