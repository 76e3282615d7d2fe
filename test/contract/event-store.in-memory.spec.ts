import { describeEventStoreContract } from '@app/event-store/testing/event-store.contract';
import { InMemoryEventStore } from '@app/projections/projector/testing/in-memory-stores';

/** The projector's specs run on this double, so it keeps the port's contract like the adapters. */
describeEventStoreContract('InMemoryEventStore (test double)', async () => {
  const store = new InMemoryEventStore();
  return { store, reopen: async () => store, cleanup: () => store.close() };
});
