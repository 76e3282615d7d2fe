import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { StoreUnavailableError } from '@app/storage';
import { zeroPageHolding } from '@app/storage/testing/sqlite-damage';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnreadableEventError, WrongExpectedVersionError } from '../event-store.errors';
import type { EventToAppend, StoredEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

function event(type = 'Noted'): EventToAppend {
  return { id: randomUUID(), type, data: { note: type }, metadata: { schemaVersion: 1 } };
}

describe('SqliteEventStore', () => {
  let directory: string;
  let file: string;
  const opened: SqliteEventStore[] = [];

  function openStore(options?: ConstructorParameters<typeof SqliteEventStore>[1]): SqliteEventStore {
    const store = new SqliteEventStore(file, options);
    opened.push(store);
    return store;
  }

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
    file = join(directory, 'events.db');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(directory, { recursive: true, force: true });
  });

  describe('group commit', () => {
    it('commits appends that arrive together in one transaction', async () => {
      const store = openStore();
      const transactionsBefore = store.committedTransactions;
      const streams = Array.from({ length: 32 }, (_, index) => `plan-${index}`);

      const results = await Promise.all(
        streams.map((streamId) => store.appendToStream(streamId, [event()], { expectedRevision: 'no_stream' })),
      );

      expect(store.committedTransactions - transactionsBefore).toBe(1);
      expect(results.map((result) => result.nextRevision)).toEqual(streams.map(() => 0));
      expect(new Set(results.map((result) => result.position)).size).toBe(32);
      for (const streamId of streams) expect(await store.readStream(streamId)).toHaveLength(1);
    });

    it('refuses a conflicting append without failing its neighbours in the same group', async () => {
      const store = openStore();
      await store.appendToStream('plan-b', [event()], { expectedRevision: 'no_stream' });
      const transactionsBefore = store.committedTransactions;

      const [first, conflicting, last] = await Promise.allSettled([
        store.appendToStream('plan-a', [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('plan-b', [event(), event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('plan-c', [event()], { expectedRevision: 'no_stream' }),
      ]);

      expect(store.committedTransactions - transactionsBefore).toBe(1);
      expect(first.status).toBe('fulfilled');
      expect(last.status).toBe('fulfilled');
      expect(conflicting).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedVersionError) });
      expect(await store.readStream('plan-b')).toHaveLength(1);
      expect(await store.readStream('plan-a')).toHaveLength(1);
      expect(await store.readStream('plan-c')).toHaveLength(1);
    });

    it('rolls back a half-written append alone, keeping its neighbours', async () => {
      const store = openStore();
      const alreadyStored = event();
      await store.appendToStream('plan-b', [alreadyStored], { expectedRevision: 'no_stream' });

      const [neighbour, halfWritten] = await Promise.allSettled([
        store.appendToStream('plan-a', [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('plan-b', [event(), alreadyStored], { expectedRevision: 0 }),
      ]);

      expect(neighbour.status).toBe('fulfilled');
      expect(halfWritten).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringMatching(/already stored/) },
      });
      expect((await store.readStream('plan-b')).map((stored) => stored.id)).toEqual([alreadyStored.id]);
    });

    it('applies appends to one stream in a group in the order they were made', async () => {
      const store = openStore();
      const drafted = event('Drafted');
      const approved = event('Approved');

      const [first, second] = await Promise.all([
        store.appendToStream('plan-a', [drafted], { expectedRevision: 'no_stream' }),
        store.appendToStream('plan-a', [approved], { expectedRevision: 0 }),
      ]);

      expect([first.nextRevision, second.nextRevision]).toEqual([0, 1]);
      expect((await store.readStream('plan-a')).map((stored) => stored.type)).toEqual(['Drafted', 'Approved']);
    });

    it('commits appends still queued when the store closes', async () => {
      const store = new SqliteEventStore(file);
      const appended = store.appendToStream('plan-a', [event()], { expectedRevision: 'no_stream' });

      await store.close();

      await expect(appended).resolves.toMatchObject({ nextRevision: 0 });
      expect(await openStore().readStream('plan-a')).toHaveLength(1);
    });
  });

  it('records events at the time of its clock', async () => {
    const store = openStore({ clock: () => new Date('2025-04-01T09:30:00.125Z') });

    await store.appendToStream('plan-a', [event()], { expectedRevision: 'no_stream' });

    expect((await store.readStream('plan-a'))[0].recordedAt).toBe('2025-04-01T09:30:00.125Z');
  });

  it('lets a subscription in another connection see appends, as the projector process does', async () => {
    const writer = openStore();
    const projector = openStore();
    const appended = event();
    const subscription = projector.subscribeToAll();
    const received = (async () => {
      const seen: StoredEvent[] = [];
      for await (const stored of subscription) {
        seen.push(stored);
        break;
      }
      return seen;
    })();

    await writer.appendToStream('plan-a', [appended], { expectedRevision: 'no_stream' });

    expect((await received).map((stored) => stored.id)).toEqual([appended.id]);
  });

  it('moves a subscription whose filter matches nothing past the events it scanned, so each poll reads only newer ones', async () => {
    const store = openStore();
    for (const stream of ['plan-a', 'plan-b', 'plan-c']) await store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' });
    const pageReads = jest.spyOn((store as unknown as { statements: { readAll: { all: (params: { after: number }) => unknown[] } } }).statements.readAll, 'all');
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['corporate-'] } });
    const iterator = subscription[Symbol.asyncIterator]();
    const delivered = iterator.next();
    while (pageReads.mock.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));

    await store.appendToStream('plan-d', [event()], { expectedRevision: 'no_stream' });
    const matching = event();
    await store.appendToStream('corporate-plan', [matching], { expectedRevision: 'no_stream' });

    expect((await delivered).value).toMatchObject({ id: matching.id, position: 5 });
    const scannedFrom = pageReads.mock.calls.map(([params]) => params.after);
    expect(scannedFrom[0]).toBe(0);
    expect(scannedFrom.slice(1).every((after) => after >= 3)).toBe(true);
    await subscription.unsubscribe();
  });

  it('creates the folder of its file', async () => {
    file = join(directory, 'nested', 'data', 'events.db');

    await openStore().appendToStream('plan-a', [event()], { expectedRevision: 'no_stream' });

    expect(existsSync(file)).toBe(true);
  });

  it('refuses a file written by a newer schema rather than misreading it', () => {
    const newer = new Database(file);
    newer.pragma('user_version = 99');
    newer.close();

    expect(() => openStore()).toThrow(/schema version 99/);
  });

  describe('a file deleted or replaced under the running store', () => {
    it.each([
      ['deleted with its -wal and -shm', () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(file + suffix))],
      [
        'replaced by another store',
        () => {
          const other = join(directory, 'other.db');
          new SqliteEventStore(other).close();
          renameSync(other, file);
        },
      ],
    ])('refuses the append once the file was %s, and the append is in no store', async (_, move) => {
      const store = openStore();
      await store.appendToStream('plan-a', [event()], { expectedRevision: 'no_stream' });
      move();
      const late = event();

      const refused = store.appendToStream('plan-a', [late], { expectedRevision: 0 });

      await expect(refused).rejects.toThrow(StoreUnavailableError);
      await expect(refused).rejects.toThrow(`${file} was deleted or replaced while the service was running`);
      await expect(store.ping()).rejects.toThrow(StoreUnavailableError);
      await store.close();
      expect((await openStore().readAll()).map(({ id }) => id)).not.toContain(late.id);
    });
  });

  describe('identity', () => {
    it('keeps the identity it was created with when opened again, and another file has another', async () => {
      const identity = await openStore().identity();
      const copy = join(directory, 'copy.db');
      await Promise.all(opened.splice(0).map((store) => store.close()));

      expect(await openStore().identity()).toBe(identity);
      copyFileSync(file, copy);
      expect(await new SqliteEventStore(copy).identity()).toBe(identity);
      file = join(directory, 'another.db');
      expect(await openStore().identity()).not.toBe(identity);
    });
  });

  describe('damaged events', () => {
    const MARKER = 'the-event-whose-page-is-damaged';

    it('names the first event whose stored data no longer parses, and still reads those before it', async () => {
      const store = openStore();
      await store.appendToStream('plan-a', [event(), event(), event()], { expectedRevision: 'no_stream' });
      const raw = new Database(file);
      raw.prepare(`UPDATE events SET data = '{"note": "cut off' WHERE stream_id = 'plan-a' AND revision = 1`).run();
      raw.close();

      const error = await store.readStream('plan-a').catch((reason: unknown) => reason);

      expect(error).toBeInstanceOf(UnreadableEventError);
      expect(error).toMatchObject({ streamId: 'plan-a', revision: 1, fault: 'damaged' });
      expect((error as Error).message).toMatch(
        new RegExp(`^Event \\S+ at position 2 \\(Noted on plan-a\\) cannot be read: ${file} is damaged \\(its stored JSON does not parse: `),
      );
      expect(await store.readStream('plan-a', { maxCount: 1 })).toHaveLength(1);
      await expect(store.ping()).rejects.toThrow(UnreadableEventError);
    });

    it('names the first event of the stream on a damaged page', async () => {
      const store = openStore();
      const big = { ...event(), data: { note: `${'a'.repeat(6000)}${MARKER}${'b'.repeat(6000)}` } };
      await store.appendToStream('plan-a', [event(), big, event()], { expectedRevision: 'no_stream' });
      zeroPageHolding(file, MARKER);

      const error = await store.readStream('plan-a').catch((reason: unknown) => reason);

      expect(error).toBeInstanceOf(UnreadableEventError);
      expect(error).toMatchObject({ streamId: 'plan-a', revision: 1, eventId: big.id });
      expect((error as Error).message).toMatch(/cannot be read: \S+ is damaged \(database disk image is malformed\): /);
    });
  });
});
