import { parseAppConfig } from '@app/platform';
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoReadStore } from '../mongodb/mongodb-read-store';
import type { ReadStore } from '../read-store.port';
import { SqliteReadStore } from '../sqlite/sqlite-read-store';
import { openReadStore } from './read-store.module';

/** The connection settings decide which adapter the applications keep their read models in. */
describe('read store selection', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'read-store-selection-'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses the embedded SQLite store under DATA_DIR when no connection is set', async () => {
    const reads = await openReadStore(parseAppConfig({ DATA_DIR: dataDir }));
    expect(reads).toBeInstanceOf(SqliteReadStore);
    expect((reads as SqliteReadStore).path).toBe(join(dataDir, 'read.db'));
    await reads.close();
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
});
