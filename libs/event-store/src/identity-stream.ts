import { randomUUID } from 'node:crypto';
import { StreamNotFoundError, WrongExpectedVersionError } from './event-store.errors';
import type { EventStore } from './event-store.port';

/** Outside every projection's stream prefixes, so that no read model ever sees it. */
export const STORE_IDENTITY_STREAM = 'plan-tracking-store-identity';
const IDENTITY_ASSIGNED = 'StoreIdentityAssigned';

/**
 * `EventStore.identity` for a store with no place for metadata of its own (EventStoreDB): the first
 * event of a stream of its own, written by whoever asks first. Of two writers racing, the first one's
 * stands; a server emptied since gets a new identity on the next call, which is how it is told apart.
 */
export async function identityFromStream(store: Pick<EventStore, 'readStream' | 'appendToStream'>): Promise<string> {
  const stored = await readIdentity(store);
  if (stored !== null) return stored;
  try {
    await store.appendToStream(
      STORE_IDENTITY_STREAM,
      [{ id: randomUUID(), type: IDENTITY_ASSIGNED, data: { identity: randomUUID() }, metadata: { schemaVersion: 1 } }],
      { expectedRevision: 'no_stream' },
    );
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
  const assigned = await readIdentity(store);
  if (assigned === null) throw new Error(`The store identity written to ${STORE_IDENTITY_STREAM} cannot be read back`);
  return assigned;
}

async function readIdentity(store: Pick<EventStore, 'readStream'>): Promise<string | null> {
  try {
    const [first] = await store.readStream(STORE_IDENTITY_STREAM, { maxCount: 1 });
    return String(first.data.identity);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
}
