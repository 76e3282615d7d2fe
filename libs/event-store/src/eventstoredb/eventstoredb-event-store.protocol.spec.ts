import { UnreadableEventError } from '../event-store.errors';
import type { StoredEvent } from '../event-store.port';
import { FakeEventStoreDbServer, type FakeEventToStore } from '../testing/fake-eventstoredb-server';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * Protocol-level tests: the adapter and the real client 6.2.1 against a FAKE gRPC server
 * (`testing/fake-eventstoredb-server.ts`) that serves the client's own Streams.Read. They show what a
 * fake can show honestly (cancellation, flow control, what the server is asked to send, an unreadable
 * event); the contract suite against a real server (EVENTSTORE_CONNECTION_STRING) stays the proof of
 * the store's semantics.
 */
describe('EventStoreDbEventStore against a fake EventStoreDB gRPC server (protocol-level, not the contract suite)', () => {
  let server: FakeEventStoreDbServer;
  let store: EventStoreDbEventStore;

  beforeEach(async () => {
    server = await FakeEventStoreDbServer.start();
    store = new EventStoreDbEventStore(server.connectionString);
  });

  afterEach(async () => {
    await store.close();
    await server.stop();
  });

  /** Events of about 1 KB, so that a page of them is more than HTTP/2 lets through unread. */
  function storeEvents(count: number, streamPrefix = 'ledger-', type = 'Deposited'): void {
    server.store(
      ...Array.from({ length: count }, (_, index): FakeEventToStore => ({
        streamId: `${streamPrefix}${index % 7}`,
        type,
        data: { index, note: 'x'.repeat(1000) },
      })),
    );
  }

  /**
   * A read that completes after the calls before it were cancelled: frames on one connection are
   * handled in order, so the server has seen every earlier cancellation once this answers.
   */
  async function afterARoundTrip(): Promise<void> {
    await store.ping();
  }

  describe('reads stopped early', () => {
    it('cancels the read behind headPosition once it has its answer', async () => {
      storeEvents(600);

      expect(await store.headPosition()).toBe(server.events.at(-1)!.position);
      await afterARoundTrip();

      expect(server.openReads).toBe(0);
    });

    it('cancels a readAll that stopped at maxCount', async () => {
      storeEvents(600);

      const firstTwo = await store.readAll({ maxCount: 2 });
      await afterARoundTrip();

      expect(firstTwo.map(({ position }) => position)).toEqual(server.events.slice(0, 2).map(({ position }) => position));
      expect(server.openReads).toBe(0);
    });

    it('keeps answering after more early-stopped reads than the server allows open streams', async () => {
      storeEvents(600);

      for (let call = 0; call < 120; call++) await store.readAll({ maxCount: 1 });

      await expect(store.headPosition()).resolves.toBe(server.events.at(-1)!.position);
    });
  });

  describe('headPosition with a filter', () => {
    const plans = { streamPrefixes: ['servicePlan-'] };

    it('does not read the whole log again on each call when nothing matches', async () => {
      storeEvents(1000);

      expect(await store.headPosition(plans)).toBeNull();
      const sentBefore = server.eventsSent;
      for (let call = 0; call < 4; call++) expect(await store.headPosition(plans)).toBeNull();

      expect(server.eventsSent - sentBefore).toBeLessThan(server.events.length);
    });

    it('still finds what is appended after a call that found nothing, and keeps filters apart', async () => {
      storeEvents(1000);
      expect(await store.headPosition(plans)).toBeNull();

      const [plan] = server.store({ streamId: 'servicePlan-1', type: 'PlanDrafted', data: { planId: '1' } });
      storeEvents(3);
      expect(await store.headPosition(plans)).toBe(plan.position);
      storeEvents(5);
      expect(await store.headPosition(plans)).toBe(plan.position);

      expect(await store.headPosition({ streamPrefixes: ['servicePlan-'], eventTypes: ['PlanApproved'] })).toBeNull();
      expect(await store.headPosition({ eventTypes: ['PlanDrafted'] })).toBe(plan.position);
      expect(await store.headPosition()).toBe(server.events.at(-1)!.position);
    });
  });

  describe('an event whose data is not JSON', () => {
    async function deliveredUntilError(): Promise<{ delivered: StoredEvent[]; error: unknown }> {
      const delivered: StoredEvent[] = [];
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['ledger-'] } });
      try {
        for await (const event of subscription) delivered.push(event);
        return { delivered, error: null };
      } catch (error) {
        return { delivered, error };
      } finally {
        await subscription.unsubscribe();
      }
    }

    it.each<[string, Partial<FakeEventToStore>]>([
      ['binary data', { data: Buffer.from([0xff, 0x00, 0x13]) }],
      ['data labelled JSON that does not parse', { data: Buffer.from('{"amount": 12'), contentType: 'application/json' }],
      ['JSON data that is not an object', { data: Buffer.from('"12"'), contentType: 'application/json' }],
    ])('ends the subscription with its position instead of resubscribing to it, for %s', async (_, unreadable) => {
      storeEvents(2);
      const [bad] = server.store({ streamId: 'ledger-9', type: 'Deposited', data: {}, ...unreadable });
      storeEvents(1);

      const { delivered, error } = await deliveredUntilError();

      expect(delivered.map(({ position }) => position)).toEqual(server.events.slice(0, 2).map(({ position }) => position));
      expect(error).toBeInstanceOf(UnreadableEventError);
      expect(error).toMatchObject({
        position: bad.position,
        streamId: 'ledger-9',
        eventType: 'Deposited',
        eventId: bad.id,
        message: expect.stringContaining('not JSON'),
      });
    });

    it('refuses it on reads too, naming its position', async () => {
      const [bad] = server.store({ streamId: 'ledger-1', type: 'Deposited', data: Buffer.from([1, 2, 3]) });

      await expect(store.readAll()).rejects.toMatchObject({ name: 'UnreadableEventError', position: bad.position });
      await afterARoundTrip();
      expect(server.openReads).toBe(0);
    });
  });
});
