import { APP_CONFIG, type AppConfig, PlatformMetrics } from '@app/platform';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { CountingEventStore } from './counting-event-store';

export function openEventStore(config: AppConfig): EventStore {
  if (config.eventStoreConnectionString === null) return new SqliteEventStore(join(config.dataDir, 'events.db'));
  const logger = new Logger('EventStoreDB');
  return new EventStoreDbEventStore(config.eventStoreConnectionString, {
    onSubscriptionDropped: (error, retryInMs) =>
      logger.warn({ err: error, retryInMs }, 'The subscription to $all dropped; resuming from the last event seen'),
  });
}

/**
 * Provides `EVENT_STORE`: EventStoreDB when `EVENTSTORE_CONNECTION_STRING` is set, else SQLite at
 * `${DATA_DIR}/events.db`; every append is counted in the metrics. Global, and so shut down after
 * every non-global module (the projector stops before its store closes).
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, PlatformMetrics],
      useFactory: (config: AppConfig, metrics: PlatformMetrics): EventStore =>
        new CountingEventStore(openEventStore(config), metrics.eventsAppended),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
    new Logger('Stores').log('Event store closed');
  }
}
