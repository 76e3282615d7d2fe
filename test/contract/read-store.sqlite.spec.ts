import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '@app/read-store';
import { describeReadStoreContract } from '@app/read-store/testing/read-store.contract';

describeReadStoreContract('SQLite', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'read-store-'));
  // A folder that does not exist yet: the store must create it.
  const path = join(folder, 'nested', 'read.db');
  let current = new SqliteReadStore(path);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = new SqliteReadStore(path);
      return current;
    },
    cleanup: async () => {
      await current.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
