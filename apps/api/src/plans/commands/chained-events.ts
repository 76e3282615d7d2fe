import { sealEvent } from '@app/domain';
import type { EventActor, EventToAppend } from '@app/event-store';
import type { RequestTrace } from './command-origin';

/** Where a hash-chained stream stands before the events decided on it are appended. */
export interface ChainHead {
  streamId: string;
  /** The stream's last revision, or null when it does not exist yet. */
  revision: number | null;
  lastHash: string | null;
}

export interface ChainedEventsOrigin<Type extends string> {
  actor: EventActor;
  trace: RequestTrace;
  decidedAt: Date;
  schemaVersionOf: (type: Type) => number;
  /** The id of the event at this index of the decision; a keyed request's are derived, so a retry appends nothing new. */
  idOf: (index: number) => string;
  /** What the request's idempotency sealed into each event, when it had a key. */
  idempotency?: { idempotencyKey: string; requestHash: string | null };
}

/**
 * Gives the decided events their ids and metadata, each chained to the hash of the one before. The
 * decision time is sealed in too: the store's `recordedAt` is outside the hash, and `asOf` reads it.
 */
export function chainedEvents<Event extends { type: string; data: object }>(
  head: ChainHead,
  events: readonly Event[],
  origin: ChainedEventsOrigin<Event['type']>,
): EventToAppend[] {
  const firstRevision = head.revision === null ? 0 : head.revision + 1;
  let previousHash = head.lastHash;
  return events.map((event, index) => {
    const data = event.data as Record<string, unknown>;
    const metadata = sealEvent(
      {
        streamId: head.streamId,
        revision: firstRevision + index,
        type: event.type,
        data,
        metadata: {
          actor: origin.actor,
          requestId: origin.trace.requestId,
          correlationId: origin.trace.correlationId,
          causationId: origin.trace.requestId,
          schemaVersion: origin.schemaVersionOf(event.type),
          decidedAt: origin.decidedAt.toISOString(),
          ...(origin.idempotency ?? {}),
        },
      },
      previousHash,
    );
    previousHash = metadata.hash;
    return { id: origin.idOf(index), type: event.type, data, metadata };
  });
}
