import { StoreUnavailableError } from '@app/storage';
import type { ExpectedRevision } from './event-store.port';

/** The stream was not where the writer expected it; nothing was written. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or null when the stream does not exist. */
    readonly actual: number | null,
  ) {
    super(
      `Stream ${streamId} was expected at ${String(expected)} but is at ${actual === null ? 'no stream' : actual}`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

export class StreamNotFoundError extends Error {
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} does not exist`);
    this.name = 'StreamNotFoundError';
  }
}

/**
 * A stored event this service cannot read back: its data or metadata is not a JSON object, because
 * it was not written by this service or because the store is damaged where it is kept. Reading on
 * cannot help, as the same event comes back every time; the events of its stream before `revision`
 * can still be read (`readStream` with `maxCount: revision`). A store fault: a request meeting it is a 503.
 */
export class UnreadableEventError extends StoreUnavailableError {
  constructor(
    readonly eventId: string,
    readonly streamId: string,
    readonly eventType: string,
    /** Global position of the event. */
    readonly position: number,
    /** The store's time of recording, ISO 8601; null when the damage hides it. */
    readonly recordedAt: string | null,
    /** What is wrong with it, e.g. `its data is not JSON; it was not written by this service`. */
    readonly reason: string,
    readonly revision: number,
  ) {
    super(
      'event store',
      'damaged',
      `Event ${eventId} at position ${position} (${eventType} on ${streamId}) cannot be read: ${reason}`,
    );
    this.name = 'UnreadableEventError';
  }
}
