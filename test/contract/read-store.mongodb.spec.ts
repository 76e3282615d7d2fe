import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoReadStore } from '@app/read-store';
import { describeReadStoreContract } from '@app/read-store/testing/read-store.contract';

const uri = process.env.MONGODB_URI;

if (!uri) {
  console.warn('MongoDB contract suite skipped: MONGODB_URI is not set');
  it.skip('MongoDB read store contract (needs MONGODB_URI)', () => undefined);
} else {
  // One throwaway database per run, dropped at the end; the suite's random names keep tests apart.
  const databaseName = `read_store_contract_${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    const client = await MongoClient.connect(uri);
    try {
      await client.db(databaseName).dropDatabase();
    } finally {
      await client.close();
    }
  });

  describeReadStoreContract('MongoDB', async () => {
    let current = await MongoReadStore.connect(uri, { databaseName });
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = await MongoReadStore.connect(uri, { databaseName });
        return current;
      },
      cleanup: () => current.close(),
    };
  });
}
