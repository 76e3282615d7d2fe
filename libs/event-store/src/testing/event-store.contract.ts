import { randomUUID } from 'node:crypto';
import { StreamNotFoundError, WrongExpectedVersionError } from '../event-store.errors';
import type {
  AllSubscription,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  StoredEvent,
} from '../event-store.port';

export interface OpenedEventStore {
  store: EventStore;
  /** Closes the store and opens it again on the same data, as after a restart. */
  reopen?: () => Promise<EventStore>;
  /** Closes whichever store is open now and releases what `open` made. */
  cleanup: () => Promise<void>;
}

/**
 * The behaviour every event-store adapter must show. Each test works in streams under a fresh random
 * prefix, and reads and subscribes through that prefix, so the suite can run on a shared real server.
 */
export function describeEventStoreContract(name: string, open: () => Promise<OpenedEventStore>): void {
  describe(`${name} (event-store contract)`, () => {
    let opened: OpenedEventStore;
    let store: EventStore;
    let prefix: string;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
      prefix = `contract${randomUUID().replace(/-/g, '')}-`;
    });

    afterEach(async () => {
      await opened.cleanup();
    });

    const stream = (suffix: string) => `${prefix}${suffix}`;

    async function refusal(append: Promise<unknown>): Promise<WrongExpectedVersionError> {
      const error = await append.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      return error as WrongExpectedVersionError;
    }

    async function revisionsOf(streamId: string): Promise<number[]> {
      return (await store.readStream(streamId)).map((event) => event.revision);
    }

    describe('expected revision', () => {
      const accepted: Array<[string, number, ExpectedRevision]> = [
        ['any on a new stream', 0, 'any'],
        ['any on an existing stream', 2, 'any'],
        ['no_stream on a new stream', 0, 'no_stream'],
        ['stream_exists on an existing stream', 2, 'stream_exists'],
        ['the exact last revision', 2, 1],
      ];
      it.each(accepted)('accepts %s', async (_, eventsBefore, expectedRevision) => {
        const streamId = stream('plan');
        if (eventsBefore > 0) {
          await store.appendToStream(streamId, events(eventsBefore), { expectedRevision: 'no_stream' });
        }

        const result = await store.appendToStream(streamId, events(1), { expectedRevision });

        expect(result.nextRevision).toBe(eventsBefore);
        const stored = await store.readStream(streamId);
        expect(stored.map((event) => event.revision)).toEqual([...Array(eventsBefore + 1).keys()]);
        expect(result.position).toBe(stored[stored.length - 1].position);
      });

      const refused: Array<[string, number, ExpectedRevision, number | null]> = [
        ['no_stream on an existing stream', 2, 'no_stream', 1],
        ['stream_exists on a missing stream', 0, 'stream_exists', null],
        ['a revision behind the stream', 3, 1, 2],
        ['a revision ahead of the stream', 1, 4, 0],
        ['a revision on a missing stream', 0, 0, null],
      ];
      it.each(refused)('refuses %s, reporting the actual revision and writing nothing', async (...refusedCase) => {
        const [, eventsBefore, expectedRevision, actual] = refusedCase;
        const streamId = stream('plan');
        if (eventsBefore > 0) {
          await store.appendToStream(streamId, events(eventsBefore), { expectedRevision: 'no_stream' });
        }

        const error = await refusal(store.appendToStream(streamId, events(2), { expectedRevision }));

        expect(error).toMatchObject({ streamId, expected: expectedRevision, actual });
        if (eventsBefore === 0) {
          await expect(store.readStream(streamId)).rejects.toBeInstanceOf(StreamNotFoundError);
        } else {
          expect(await revisionsOf(streamId)).toEqual([...Array(eventsBefore).keys()]);
        }
      });

      it('lets exactly one of 20 concurrent appends at the same revision win', async () => {
        const streamId = stream('contended');
        await store.appendToStream(streamId, events(1), { expectedRevision: 'no_stream' });
        const attempts = Array.from({ length: 20 }, () => events(2));

        const outcomes = await Promise.allSettled(
          attempts.map((attempt) => store.appendToStream(streamId, attempt, { expectedRevision: 0 })),
        );

        const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [index] : []));
        expect(winners).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedVersionError);
        }
        const stored = await store.readStream(streamId, { fromRevision: 1 });
        expect(stored.map((event) => event.id)).toEqual(attempts[winners[0]].map((event) => event.id));
      });
    });

    describe('idempotent re-append', () => {
      it('returns the first result and stores nothing again', async () => {
        const streamId = stream('plan');
        const batch = events(2);
        const first = await store.appendToStream(streamId, batch, { expectedRevision: 'no_stream' });

        const retry = await store.appendToStream(streamId, batch, { expectedRevision: 'no_stream' });

        expect(retry).toEqual(first);
        expect(await revisionsOf(streamId)).toEqual([0, 1]);
      });

      it('still recognises the retry after the stream has moved on', async () => {
        const streamId = stream('plan');
        await store.appendToStream(streamId, events(1), { expectedRevision: 'no_stream' });
        const batch = events(2);
        const first = await store.appendToStream(streamId, batch, { expectedRevision: 0 });
        await store.appendToStream(streamId, events(1), { expectedRevision: 2 });

        const retry = await store.appendToStream(streamId, batch, { expectedRevision: 0 });

        expect(retry).toEqual(first);
        expect(await revisionsOf(streamId)).toEqual([0, 1, 2, 3]);
      });

      it('refuses a batch that only partly repeats what is stored', async () => {
        const streamId = stream('plan');
        const [kept, replaced] = events(2);
        await store.appendToStream(streamId, [kept, replaced], { expectedRevision: 'no_stream' });

        const error = await refusal(
          store.appendToStream(streamId, [kept, ...events(1)], { expectedRevision: 'no_stream' }),
        );

        expect(error.actual).toBe(1);
        expect((await store.readStream(streamId)).map((event) => event.id)).toEqual([kept.id, replaced.id]);
      });
    });

    describe('readStream', () => {
      let streamId: string;
      let appended: EventToAppend[];

      beforeEach(async () => {
        streamId = stream('plan');
        appended = events(5);
        await store.appendToStream(streamId, appended, { expectedRevision: 'no_stream' });
      });

      const ids = (stored: StoredEvent[]) => stored.map((event) => event.id);

      it('reads forwards from the start by default', async () => {
        const stored = await store.readStream(streamId);
        expect(ids(stored)).toEqual(appended.map((event) => event.id));
        expect(stored.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
        expect(stored.every((event) => event.streamId === streamId)).toBe(true);
      });

      it('reads forwards from a revision, inclusive, up to maxCount', async () => {
        expect((await store.readStream(streamId, { fromRevision: 2 })).map((e) => e.revision)).toEqual([2, 3, 4]);
        expect((await store.readStream(streamId, { maxCount: 2 })).map((e) => e.revision)).toEqual([0, 1]);
        expect((await store.readStream(streamId, { fromRevision: 5 })).map((e) => e.revision)).toEqual([]);
      });

      it('reads backwards from the end by default, or from a revision, up to maxCount', async () => {
        const backwards = await store.readStream(streamId, { direction: 'backwards' });
        expect(backwards.map((e) => e.revision)).toEqual([4, 3, 2, 1, 0]);
        const page = await store.readStream(streamId, { direction: 'backwards', fromRevision: 3, maxCount: 2 });
        expect(page.map((e) => e.revision)).toEqual([3, 2]);
      });

      it('throws StreamNotFoundError for a stream with no events', async () => {
        const missing = stream('missing');
        const error = await store.readStream(missing).catch((reason: unknown) => reason);
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error).toMatchObject({ streamId: missing });
      });
    });

    describe('stored events', () => {
      it('round-trip data and metadata exactly', async () => {
        const event: EventToAppend = {
          id: randomUUID(),
          type: 'TargetSet',
          data: {
            measureId: 'PI-07',
            target: { value: 92.5, unit: '%', polarity: 'higher-is-better' },
            periods: ['2024-Q1', '2024-Q2'],
            note: 'Rhondda Cynon Taf – “£” ✓',
            withdrawn: false,
            owner: null,
          },
          metadata: {
            schemaVersion: 2,
            actor: { id: 'u-1', name: 'Ann Officer', role: 'editor' },
            requestId: 'req-1',
            correlationId: 'corr-1',
            causationId: 'cause-1',
            previousHash: 'abc',
          },
        };
        await store.appendToStream(stream('plan'), [event], { expectedRevision: 'no_stream' });

        const [stored] = await store.readStream(stream('plan'));
        const [fromAll] = await store.readAll({ filter: { streamPrefixes: [prefix] } });

        for (const read of [stored, fromAll]) {
          expect(read).toMatchObject({ id: event.id, type: event.type, streamId: stream('plan'), revision: 0 });
          expect(read.data).toEqual(event.data);
          expect(read.metadata).toEqual(event.metadata);
        }
      });

      it('carry recordedAt as an ISO 8601 UTC instant with milliseconds', async () => {
        await store.appendToStream(stream('plan'), events(1), { expectedRevision: 'no_stream' });

        const [stored] = await store.readStream(stream('plan'));

        expect(stored.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(new Date(stored.recordedAt).toISOString()).toBe(stored.recordedAt);
      });
    });

    describe('readAll', () => {
      async function appendAcrossStreams() {
        const first = await store.appendToStream(stream('a'), events(2, 'Drafted'), {
          expectedRevision: 'no_stream',
        });
        const second = await store.appendToStream(stream('b'), events(1, 'Approved'), {
          expectedRevision: 'no_stream',
        });
        const third = await store.appendToStream(stream('a'), events(1, 'Approved'), { expectedRevision: 1 });
        return [first, second, third];
      }

      it('returns events of all streams in global order', async () => {
        const results = await appendAcrossStreams();

        const all = await store.readAll({ filter: { streamPrefixes: [prefix] } });

        expect(all.map((e) => [e.streamId, e.revision])).toEqual([
          [stream('a'), 0],
          [stream('a'), 1],
          [stream('b'), 0],
          [stream('a'), 2],
        ]);
        expectIncreasing(all.map((e) => e.position));
        expect([all[1], all[2], all[3]].map((e) => e.position)).toEqual(results.map((r) => r.position));
      });

      it('starts after fromPosition, exclusive, and stops at maxCount', async () => {
        await appendAcrossStreams();
        const all = await store.readAll({ filter: { streamPrefixes: [prefix] } });

        const after = await store.readAll({ fromPosition: all[1].position, filter: { streamPrefixes: [prefix] } });
        const firstTwo = await store.readAll({ maxCount: 2, filter: { streamPrefixes: [prefix] } });

        expect(after.map((e) => e.id)).toEqual([all[2].id, all[3].id]);
        expect(firstTwo.map((e) => e.id)).toEqual([all[0].id, all[1].id]);
      });

      it('filters by stream prefix and by event type', async () => {
        await appendAcrossStreams();
        const uniqueType = `Reviewed${randomUUID().replace(/-/g, '')}`;
        await store.appendToStream(stream('c'), events(1, uniqueType), { expectedRevision: 'no_stream' });

        const ofStreamB = await store.readAll({ filter: { streamPrefixes: [stream('b'), stream('c')] } });
        const approved = await store.readAll({ filter: { streamPrefixes: [prefix], eventTypes: ['Approved'] } });
        const reviewed = await store.readAll({ filter: { eventTypes: [uniqueType] } });

        expect(ofStreamB.map((e) => e.streamId)).toEqual([stream('b'), stream('c')]);
        expect(approved.map((e) => [e.streamId, e.type])).toEqual([
          [stream('b'), 'Approved'],
          [stream('a'), 'Approved'],
        ]);
        expect(reviewed.map((e) => e.streamId)).toEqual([stream('c')]);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, then goes live, with no gap and no duplicate at the seam', async () => {
        const before = events(5);
        const whileCatchingUp = events(5);
        const live = events(5);
        const sentinel = events(1);
        await store.appendToStream(stream('a'), before.slice(0, 3), { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('b'), before.slice(3), { expectedRevision: 'no_stream' });

        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
        const received = takeUntil(subscription, sentinel[0].id);
        await Promise.all(
          whileCatchingUp.map((event) => store.appendToStream(stream('c'), [event], { expectedRevision: 'any' })),
        );
        const stored = await store.readAll({ filter: { streamPrefixes: [prefix] } });
        await waitUntilDelivered(received, stored.length);
        for (const event of live) await store.appendToStream(stream('a'), [event], { expectedRevision: 'any' });
        await store.appendToStream(stream('b'), sentinel, { expectedRevision: 'any' });

        const delivered = await received.done;

        const everything = await store.readAll({ filter: { streamPrefixes: [prefix] } });
        expect(delivered.map((e) => e.id)).toEqual(everything.map((e) => e.id));
        expect(new Set(delivered.map((e) => e.id))).toEqual(
          new Set([...before, ...whileCatchingUp, ...live, ...sentinel].map((e) => e.id)),
        );
        expectIncreasing(delivered.map((e) => e.position));
      });

      it('delivers only events after fromPosition, and only streams with the prefix', async () => {
        const [skipped, ...wanted] = events(3);
        const other = `${prefix.slice(0, -1)}other-`;
        await store.appendToStream(stream('a'), [skipped], { expectedRevision: 'no_stream' });
        const start = (await store.readStream(stream('a')))[0].position;
        await store.appendToStream(`${other}x`, events(2), { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('a'), wanted, { expectedRevision: 0 });

        const received = takeUntil(
          store.subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } }),
          wanted[1].id,
        );

        expect((await received.done).map((e) => e.id)).toEqual(wanted.map((e) => e.id));
      });

      it('resumes from a remembered checkpoint after a restart with exactly the rest', async () => {
        const appended = events(6);
        await store.appendToStream(stream('a'), appended, { expectedRevision: 'no_stream' });
        const first = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
        const processed = await takeUntil(first, appended[2].id).done;
        const checkpoint = processed[processed.length - 1].position;

        const restarted = opened.reopen ? await opened.reopen() : store;
        const later = events(2);
        await restarted.appendToStream(stream('b'), later, { expectedRevision: 'no_stream' });
        const resumed = restarted.subscribeToAll({ fromPosition: checkpoint, filter: { streamPrefixes: [prefix] } });
        const rest = await takeUntil(resumed, later[1].id).done;

        expect(processed.map((e) => e.id)).toEqual(appended.slice(0, 3).map((e) => e.id));
        expect(rest.map((e) => e.id)).toEqual([...appended.slice(3), ...later].map((e) => e.id));
      });

      it('ends a waiting iteration when unsubscribed', async () => {
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
        const pending = subscription[Symbol.asyncIterator]().next();

        await subscription.unsubscribe();

        await expect(pending).resolves.toEqual({ done: true, value: undefined });
      });
    });

    describe('identity', () => {
      it('is one identity, whoever asks and however often, that appends do not change', async () => {
        const answers = await Promise.all([store.identity(), store.identity(), store.identity()]);
        await store.appendToStream(stream('a'), events(2), { expectedRevision: 'no_stream' });

        expect(answers[0]).toMatch(/^\S{8,}$/);
        expect(new Set(answers)).toEqual(new Set([answers[0]]));
        expect(await store.identity()).toBe(answers[0]);
      });

      it('stays the same after a restart, so that read models can tell their store from another', async () => {
        const identity = await store.identity();

        const restarted = opened.reopen ? await opened.reopen() : store;

        expect(await restarted.identity()).toBe(identity);
      });
    });

    describe('headPosition', () => {
      it('is the newest matching position, or null when nothing matches', async () => {
        const uniqueType = `Closed${randomUUID().replace(/-/g, '')}`;
        const typed = await store.appendToStream(stream('a'), events(2, uniqueType), { expectedRevision: 'no_stream' });
        const newest = await store.appendToStream(stream('b'), events(1), { expectedRevision: 'no_stream' });

        expect(await store.headPosition({ streamPrefixes: [prefix] })).toBe(newest.position);
        expect(await store.headPosition({ streamPrefixes: [stream('a')] })).toBe(typed.position);
        expect(await store.headPosition({ eventTypes: [uniqueType] })).toBe(typed.position);
        expect(await store.headPosition({ streamPrefixes: [stream('none')] })).toBeNull();
        // Other writers may share the store, so the unfiltered head is at least ours.
        expect(await store.headPosition()).toBeGreaterThanOrEqual(newest.position);
      });
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

function events(count: number, type = 'Noted'): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type,
    data: { index },
    metadata: { schemaVersion: 1 },
  }));
}

function expectIncreasing(positions: number[]): void {
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(new Set(positions).size).toBe(positions.length);
}

interface Collection {
  received: StoredEvent[];
  done: Promise<StoredEvent[]>;
}

/** Collects the subscription's events up to and including the one with `lastId`, then unsubscribes. */
function takeUntil(subscription: AllSubscription, lastId: string): Collection {
  const received: StoredEvent[] = [];
  const done = (async () => {
    for await (const event of subscription) {
      received.push(event);
      if (event.id === lastId) break;
    }
    await subscription.unsubscribe();
    return received;
  })();
  return { received, done };
}

/** Yields to the event loop until `count` events have arrived; the test's own timeout bounds it. */
async function waitUntilDelivered(collection: Collection, count: number): Promise<void> {
  while (collection.received.length < count) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
