import type { Counter } from 'prom-client';
import type {
  AllFilter,
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeToAllOptions,
} from '../event-store.port';

/**
 * The event store as the application sees it: every successful append is counted by event type,
 * whichever adapter is underneath. A refused append (wrong expected revision) counts nothing; a
 * retried append that the store recognises as already written is counted again, as the port's result
 * does not tell the two apart.
 */
export class CountingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly eventsAppended: Counter<'type'>,
  ) {}

  async appendToStream(
    streamId: string,
    events: EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const result = await this.inner.appendToStream(streamId, events, options);
    for (const event of events) this.eventsAppended.inc({ type: event.type });
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(filter?: AllFilter): Promise<number | null> {
    return this.inner.headPosition(filter);
  }

  identity(): Promise<string> {
    return this.inner.identity();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
