import { canonicalJson, eventHash, sealEvent, verifyChain } from './hash-chain';
import { sealedChain } from './testing/sealed-chain';

const streamId = 'servicePlan-hart';

const chain = (datas: Array<Record<string, unknown>>) => sealedChain(streamId, datas);

describe('canonical JSON', () => {
  it('sorts keys at every depth, without whitespace, whatever order they were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('leaves out undefined fields as stored JSON does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});

describe('event hashes', () => {
  const event = { streamId, revision: 0, type: 'PlanClosed', data: { reason: 'Done' }, metadata: { previousHash: null } };

  it('is a SHA-256 hex digest that ignores the stored hash itself', () => {
    const hash = eventHash(event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...event, metadata: { ...event.metadata, hash } })).toBe(hash);
  });

  it('changes with the revision, the data or the link to the previous event', () => {
    const hash = eventHash(event);
    expect(eventHash({ ...event, revision: 1 })).not.toBe(hash);
    expect(eventHash({ ...event, data: { reason: 'Done.' } })).not.toBe(hash);
    expect(eventHash({ ...event, metadata: { previousHash: 'ab' } })).not.toBe(hash);
  });
});

describe('verifying a chain', () => {
  const figures = [{ value: 29.1 }, { value: 56.4 }, { value: 80.2 }, { value: 97.9 }];

  it('accepts an untouched stream', () => {
    expect(verifyChain(chain(figures))).toEqual({ ok: true, checked: 4, firstFailure: null });
  });

  it('accepts an empty stream', () => {
    expect(verifyChain([])).toEqual({ ok: true, checked: 0, firstFailure: null });
  });

  it('finds data changed after it was written, at its revision', () => {
    const events = chain(figures);
    events[2] = { ...events[2], data: { value: 85 } };
    expect(verifyChain(events)).toEqual({
      ok: false,
      checked: 3,
      firstFailure: { revision: 2, eventId: 'event-2', reason: 'hash-mismatch' },
    });
  });

  it('finds a rewritten event whose hash was recomputed, at the next revision', () => {
    const events = chain(figures);
    const forged = { ...events[1], data: { value: 60 } };
    events[1] = { ...forged, metadata: sealEvent(forged, events[0].metadata.hash as string) };
    expect(verifyChain(events).firstFailure).toEqual({ revision: 2, eventId: 'event-2', reason: 'previous-hash-mismatch' });
  });

  it('finds a deleted event', () => {
    const events = chain(figures);
    events.splice(1, 1);
    expect(verifyChain(events).firstFailure).toEqual({ revision: 2, eventId: 'event-2', reason: 'previous-hash-mismatch' });
  });

  it('reads on from an event already vouched for, which the first event read must link to', () => {
    const events = chain(figures);
    expect(verifyChain(events.slice(2), events[1].metadata.hash as string)).toEqual({ ok: true, checked: 2, firstFailure: null });
    expect(verifyChain(events.slice(2), events[0].metadata.hash as string).firstFailure).toEqual({
      revision: 2,
      eventId: 'event-2',
      reason: 'previous-hash-mismatch',
    });
  });

  it('finds a first event that claims a predecessor', () => {
    const events = chain(figures);
    events[0] = { ...events[0], metadata: { ...events[0].metadata, previousHash: 'f'.repeat(64) } };
    expect(verifyChain(events).firstFailure).toEqual({ revision: 0, eventId: 'event-0', reason: 'previous-hash-mismatch' });
  });
});
