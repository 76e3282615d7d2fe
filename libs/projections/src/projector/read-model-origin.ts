import type { EventStore } from '@app/event-store';
import type { ReadDocument, ReadStore } from '@app/read-store';

/**
 * One document, `{ id: 'event-store', eventStoreId }`: the identity of the event store the read
 * models were built from; how far they got is in the checkpoints. A document rather than a port
 * method, so that every read store keeps it the same way (a row in SQLite, a document in MongoDB).
 */
export const READ_MODEL_ORIGIN_COLLECTION = 'read_model_origin';
const ORIGIN_ID = 'event-store';

interface ReadModelOrigin extends ReadDocument {
  eventStoreId: string;
}

const REBUILD_COMMAND = '`npm run rebuild -- --all`';

/** The read models cannot be served with this event store; the message says what happened and what to do. */
export class ReadModelsMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadModelsMismatchError';
  }
}

/**
 * Why the read models cannot be trusted with this event store, or null when they can: they were
 * built from another event store, or they reflect events this one does not hold (it was emptied, or
 * restored from an older copy). Either way a user would see plans the event store no longer has.
 */
export async function readModelMismatch(
  eventStore: EventStore,
  readStore: ReadStore,
  projections: string[],
): Promise<string | null> {
  const [eventStoreId, origin, checkpoints] = await Promise.all([
    eventStore.identity(),
    readStore.get<ReadModelOrigin>(READ_MODEL_ORIGIN_COLLECTION, ORIGIN_ID),
    readStore.listCheckpoints(),
  ]);
  // Only after the checkpoints: a projector running elsewhere may append and project meanwhile, and
  // a head read first could then lag a checkpoint that is in fact covered by the store.
  const head = await eventStore.headPosition();
  if (origin !== null && origin.eventStoreId !== eventStoreId) {
    return (
      `The read models were built from another event store (${origin.eventStoreId}) than the one opened ` +
      `(${eventStoreId}): restore the event store they were built from, or rebuild them from this one with ${REBUILD_COMMAND}.`
    );
  }
  // A projection no longer run keeps its old checkpoint, which says nothing of the read models served.
  const ahead = checkpoints.find(
    ({ projection, position }) => projections.includes(projection) && (head === null || position > head),
  );
  if (ahead !== undefined) {
    return (
      `The read models are ahead of the event store (projection ${ahead.projection} has applied events up to ` +
      `position ${ahead.position}, but the event store ${head === null ? 'is empty' : `ends at ${head}`}), so events ` +
      `are missing from it: restore the event store from a backup, or rebuild the read models from it with ${REBUILD_COMMAND}.`
    );
  }
  return null;
}

/**
 * At start-up, before anything is read or projected: refuses stores that disagree, and otherwise
 * records the event store as the read models' origin (read models made before identities existed
 * are adopted when they are not ahead).
 */
export async function assertReadModelsMatch(
  eventStore: EventStore,
  readStore: ReadStore,
  projections: string[],
): Promise<void> {
  const mismatch = await readModelMismatch(eventStore, readStore, projections);
  if (mismatch !== null) throw new ReadModelsMismatchError(mismatch);
  await recordReadModelOrigin(eventStore, readStore);
}

/** Once every projection has been rebuilt from this event store. */
export async function recordReadModelOrigin(eventStore: EventStore, readStore: ReadStore): Promise<void> {
  const origin: ReadModelOrigin = { id: ORIGIN_ID, eventStoreId: await eventStore.identity() };
  await readStore.upsert(READ_MODEL_ORIGIN_COLLECTION, origin);
}
