import { parseAppConfig } from '@app/platform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { openEventStore } from './event-store.module';

/** The connection settings decide which adapter the applications keep their events in. */
describe('event store selection', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'event-store-selection-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses the embedded SQLite store under DATA_DIR when no connection is set', async () => {
    const events = openEventStore(parseAppConfig({ DATA_DIR: dataDir }));
    expect(events).toBeInstanceOf(SqliteEventStore);
    await events.close();
  });

  it('uses EventStoreDB with EVENTSTORE_CONNECTION_STRING for the events', async () => {
    const events = openEventStore(
      parseAppConfig({ DATA_DIR: dataDir, EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore.example:2113?tls=false' }),
    );
    expect(events).toBeInstanceOf(EventStoreDbEventStore);
    await events.close();
  });
});
