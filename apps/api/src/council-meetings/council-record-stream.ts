import { EVENT_STORE, type EventActor, type EventStore, readStreamIfAny, type StoredEvent, WrongExpectedVersionError } from '@app/event-store';
import { Inject, Injectable } from '@nestjs/common';
import type { RequestTrace } from '../plans/commands/command-origin';

/** How one kind of council record (a meeting, a decision) is folded from its stream. */
export interface RecordFold<S, E extends { type: string; data: object }> {
  initial: S;
  evolve(state: S, event: E): S;
  schemaVersions: Record<E['type'], number>;
}

/** A record as its stream holds it, with who recorded it and on which request: what entering it on its plans, then or later, acts for. */
export interface LoadedRecord<S> {
  streamId: string;
  state: S;
  /** Revision of the stream's last event; null while there is none. */
  revision: number | null;
  recordedAt: string | null;
  recordedBy: EventActor | null;
  correlationId: string | null;
}

/**
 * The streams of a council's meetings and decisions, one per record. A record is written once with an
 * event id derived from it, so that a repeated write of the same record is the store's no-op, and its
 * entering on its plans is recorded once, after the record, at the revision that follows it.
 */
@Injectable()
export class CouncilRecordStream {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<S, E extends { type: string; data: object }>(streamId: string, fold: RecordFold<S, E>): Promise<LoadedRecord<S>> {
    const events = await this.read(streamId);
    const first = events.at(0);
    const actor = first?.metadata.actor ?? null;
    return {
      streamId,
      state: events.map((event) => ({ type: event.type, data: event.data }) as E).reduce(fold.evolve, fold.initial),
      revision: events.at(-1)?.revision ?? null,
      recordedAt: first?.recordedAt ?? null,
      recordedBy: actor,
      correlationId: typeof first?.metadata.correlationId === 'string' ? first.metadata.correlationId : null,
    };
  }

  /**
   * Appends the record's next events at the revision it was loaded at, with ids given by the caller:
   * a concurrent writer of the same record (another request, another process completing it) makes this
   * a no-op rather than a second copy. True when this call wrote them.
   */
  async append<S, E extends { type: string; data: object }>(
    record: LoadedRecord<S>,
    events: { id: string; event: E }[],
    fold: RecordFold<S, E>,
    actor: EventActor,
    trace: Pick<RequestTrace, 'requestId' | 'correlationId'>,
  ): Promise<boolean> {
    if (events.length === 0) return false;
    try {
      await this.store.appendToStream(
        record.streamId,
        events.map(({ id, event }) => ({
          id,
          type: event.type,
          data: event.data as Record<string, unknown>,
          metadata: {
            actor,
            requestId: trace.requestId,
            correlationId: trace.correlationId,
            causationId: trace.requestId,
            schemaVersion: fold.schemaVersions[event.type as E['type']],
          },
        })),
        { expectedRevision: record.revision ?? 'no_stream' },
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return false;
      throw error;
    }
  }

  /** Every record stream under these prefixes whose last event is its first: recorded, and not yet entered on all its plans. */
  async streamsWithOneEvent(prefixes: string[]): Promise<string[]> {
    const counts = new Map<string, number>();
    let after: number | undefined;
    for (;;) {
      const page = await this.store.readAll({ fromPosition: after, maxCount: 500, filter: { streamPrefixes: prefixes } });
      for (const event of page) counts.set(event.streamId, (counts.get(event.streamId) ?? 0) + 1);
      if (page.length < 500) break;
      after = page[page.length - 1].position;
    }
    return [...counts].filter(([, count]) => count === 1).map(([streamId]) => streamId);
  }

  private async read(streamId: string): Promise<StoredEvent[]> {
    return readStreamIfAny(this.store, streamId);
  }
}
