import { EventStoreDbEventStore } from '@app/event-store';
import { FakeEventStoreDbServer } from '@app/event-store/testing/fake-eventstoredb-server';
import { identityDecoder } from './project-batch';
import { Projector } from './projector';
import { InMemoryReadStore } from './testing/in-memory-stores';
import { ledgerProjection, recordingLogger, until } from './testing/sample-projections';

/**
 * Protocol-level: the projector on the EventStoreDB adapter and client 6.2.1, against a FAKE gRPC
 * server (`@app/event-store/testing/fake-eventstoredb-server`), not the contract suite of a real one.
 */
describe('Projector on EventStoreDB, against a fake gRPC server (protocol-level)', () => {
  let server: FakeEventStoreDbServer;
  let eventStore: EventStoreDbEventStore;
  let projector: Projector;
  let readStore: InMemoryReadStore;

  beforeEach(async () => {
    server = await FakeEventStoreDbServer.start();
    eventStore = new EventStoreDbEventStore(server.connectionString);
    readStore = new InMemoryReadStore();
  });

  afterEach(async () => {
    await projector.stop();
    await eventStore.close();
    await server.stop();
  });

  it('fails the projection at an event whose data is not JSON, after applying the events before it', async () => {
    const [, second] = server.store(
      { streamId: 'ledger-1', type: 'Deposited', data: { amount: 1 } },
      { streamId: 'ledger-1', type: 'Deposited', data: { amount: 2 } },
    );
    const [bad] = server.store({ streamId: 'ledger-1', type: 'Deposited', data: Buffer.from('amount=3') });
    server.store({ streamId: 'ledger-1', type: 'Deposited', data: { amount: 4 } });
    const recordedAt = Date.parse(server.recordedAt);
    projector = new Projector({
      eventStore,
      readStore,
      projections: [ledgerProjection().projection],
      decode: identityDecoder,
      logger: recordingLogger(),
      now: () => new Date(recordedAt + 60_000),
    });

    await projector.start();
    await until(() => projector.status()[0].state === 'failed');

    const [status] = await projector.refreshStatus();
    expect(status).toMatchObject({
      state: 'failed',
      checkpoint: second.position,
      headPosition: server.events.at(-1)!.position,
      lagSeconds: 60,
      error: {
        position: bad.position,
        streamId: 'ledger-1',
        eventType: 'Deposited',
        eventId: bad.id,
        message: expect.stringContaining('not JSON'),
      },
    });
    expect(await readStore.get('totals', 'ledger-1')).toMatchObject({ balance: 3 });
    expect(server.subscriptionsStarted).toBe(1);
  });
});
