import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedVersionError } from '../event-store.errors';
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
});
