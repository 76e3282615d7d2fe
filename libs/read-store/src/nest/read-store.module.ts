import { APP_CONFIG, type AppConfig } from '@app/platform';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { MongoReadStore } from '../mongodb/mongodb-read-store';
import type { MongoWritePath } from '../mongodb/mongodb-write-path';
import { READ_STORE, type ReadStore } from '../read-store.port';
import { SqliteReadStore } from '../sqlite/sqlite-read-store';

const WRITE_PATH_LOG: Record<MongoWritePath, string> = {
  transaction: 'Read models in MongoDB: each projection batch is written in one transaction',
  guarded:
    'Read models in MongoDB without transactions (a standalone server or FerretDB): each projection batch is written with replay guards',
};

/** The database is the one the URI names (`mongodb://host/plan-tracking`). */
export async function openReadStore(config: AppConfig): Promise<ReadStore> {
  if (config.mongodbUri === null) return new SqliteReadStore(join(config.dataDir, 'read.db'));
  const store = await MongoReadStore.connect(config.mongodbUri);
  new Logger('Stores').log(WRITE_PATH_LOG[store.writePath]);
  return store;
}

/**
 * Provides `READ_STORE`: MongoDB when `MONGODB_URI` is set, else SQLite at `${DATA_DIR}/read.db`.
 * Global, and so shut down after every non-global module (the projector stops before its store closes).
 */
@Global()
@Module({
  providers: [{ provide: READ_STORE, inject: [APP_CONFIG], useFactory: openReadStore }],
  exports: [READ_STORE],
})
export class ReadStoreModule implements OnApplicationShutdown {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.readStore.close();
    new Logger('Stores').log('Read store closed');
  }
}
