import { EventStoreDbEventStore, SqliteEventStore } from '@app/event-store';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '@app/read-store';
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAppConfig } from '../config/app-config';
import { openEventStore } from './event-store.module';
import { openReadStore } from './read-store.module';

/** The connection settings decide which adapters the applications run on. */
describe('store selection', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'store-selection-'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses the embedded SQLite stores under DATA_DIR when no connection is set', async () => {
    const config = parseAppConfig({ DATA_DIR: dataDir });
    const events = openEventStore(config);
    const reads = await openReadStore(config);
    expect(events).toBeInstanceOf(SqliteEventStore);
    expect(reads).toBeInstanceOf(SqliteReadStore);
    await Promise.all([events.close(), reads.close()]);
  });

  it.each([
    ['transaction' as const, 'each projection batch is written in one transaction'],
    ['guarded' as const, 'without transactions (a standalone server or FerretDB): each projection batch is written with replay guards'],
  ])('connects to MongoDB with MONGODB_URI for the read models, and says how it writes batches (%s)', async (writePath, said) => {
    const connected = { writePath, close: async () => undefined } as unknown as MongoReadStore;
    const connect = jest.spyOn(MongoReadStore, 'connect').mockResolvedValue(connected);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const uri = 'mongodb://mongo.example:27017/plan-tracking?replicaSet=rs0';
    const reads: ReadStore = await openReadStore(parseAppConfig({ DATA_DIR: dataDir, MONGODB_URI: uri }));
    expect(connect).toHaveBeenCalledWith(uri);
    expect(reads).toBe(connected);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(said));
  });

  it('uses EventStoreDB with EVENTSTORE_CONNECTION_STRING for the events', async () => {
    const events = openEventStore(
      parseAppConfig({ DATA_DIR: dataDir, EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore.example:2113?tls=false' }),
    );
    expect(events).toBeInstanceOf(EventStoreDbEventStore);
    await events.close();
  });
});
