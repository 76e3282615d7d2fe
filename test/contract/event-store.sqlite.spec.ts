import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { describeEventStoreContract } from '@app/event-store/testing/event-store.contract';

const directory = mkdtempSync(join(tmpdir(), 'event-store-contract-'));
// One file for the whole suite, as a shared server would be: the suite must not depend on an empty store.
const file = join(directory, 'events.db');

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeEventStoreContract('SqliteEventStore', async () => {
  let current = new SqliteEventStore(file);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = new SqliteEventStore(file);
      return current;
    },
    cleanup: () => current.close(),
  };
});
