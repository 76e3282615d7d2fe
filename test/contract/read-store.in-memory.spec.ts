import { InMemoryReadStore } from '@app/projections/projector/testing/in-memory-stores';
import { describeReadStoreContract } from '@app/read-store/testing/read-store.contract';

/** The projector's and projections' specs run on this double, so it keeps the port's contract like the adapters. */
describeReadStoreContract('InMemoryReadStore (test double)', async () => {
  const store = new InMemoryReadStore();
  return { store, reopen: async () => store, cleanup: () => store.close() };
});
