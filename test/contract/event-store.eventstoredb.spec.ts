import { EventStoreDbEventStore } from '@app/event-store';
import { describeEventStoreContract } from '@app/event-store/testing/event-store.contract';
import { productionStoreSetting } from '../support/production-store-settings';

const connectionString = productionStoreSetting('EVENTSTORE_CONNECTION_STRING');

if (connectionString) {
  describeEventStoreContract('EventStoreDbEventStore', async () => {
    let current = new EventStoreDbEventStore(connectionString);
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = new EventStoreDbEventStore(connectionString);
        return current;
      },
      cleanup: () => current.close(),
    };
  });
} else {
  it.skip('EventStoreDB contract suite (set EVENTSTORE_CONNECTION_STRING to run it)', () => undefined);
}
