import { MongoReadStore } from '@app/read-store';
import { describeReadStoreContract } from '@app/read-store/testing/read-store.contract';
import { throwawayDatabase } from '../support/mongodb-database';

const uri = process.env.MONGODB_URI;

if (!uri) {
  console.warn('MongoDB contract suite skipped: MONGODB_URI is not set');
  it.skip('MongoDB read store contract (needs MONGODB_URI)', () => undefined);
} else {
  // One throwaway database per run, dropped at the end; the suite's random names keep tests apart.
  const database = throwawayDatabase(uri, 'read_store_contract');

  afterAll(() => database.drop());

  describeReadStoreContract('MongoDB', async () => {
    let current = await MongoReadStore.connect(uri, { databaseName: database.name });
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = await MongoReadStore.connect(uri, { databaseName: database.name });
        return current;
      },
      cleanup: () => current.close(),
    };
  });
}
