import { StreamNotFoundError } from './event-store.errors';
import type { EventStore, ReadStreamOptions, StoredEvent } from './event-store.port';

/** A stream's events, or none when it was never written: for readers to whom a missing stream is an empty one. */
export async function readStreamIfAny(store: EventStore, streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
  try {
    return await store.readStream(streamId, options);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
