import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError as ClientStreamNotFoundError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type AppendExpectedRevision,
  type Direction,
  type Filter,
  type Position,
  type RecordedEvent,
} from '@eventstore/db-client';
import { matchesAllFilter } from '../all-filter';
import { StreamNotFoundError, UnreadableEventError, WrongExpectedVersionError } from '../event-store.errors';
import type {
  AllFilter,
  AllSubscription,
  AppendResult,
  EventMetadata,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { delay, toAllSubscription } from '../subscription';
import { identityFromStream } from '../identity-stream';

/** `$all` has no server-side filter on reads in client 6.x, so reads page through it and filter here. */
const READ_ALL_PAGE_SIZE = 500;
/** The newest events are read first in a page this small, as the answer is usually among them. */
const HEAD_FIRST_PAGE_SIZE = 16;
const RESUBSCRIBE_FIRST_DELAY_MS = 100;
const RESUBSCRIBE_MAX_DELAY_MS = 10_000;

export interface EventStoreDbEventStoreOptions {
  /** Told each time the subscription drops and is about to be resumed; for logs and metrics. */
  onSubscriptionDropped?: (error: unknown, retryInMs: number) => void;
}

/**
 * The production event store over EventStoreDB. Global positions are the server's commit positions:
 * each event appended through gRPC is its own implicit transaction, so commit and prepare positions are
 * equal and one number identifies an event's place in `$all`.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  /** Per filter, what `headPosition` last learnt; the filters are the projections' own, a handful. */
  private readonly knownHeads = new Map<string, KnownHead>();

  constructor(
    connectionString: string,
    private readonly options: EventStoreDbEventStoreOptions = {},
  ) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async appendToStream(
    streamId: string,
    events: EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) {
      throw new Error(`An append to ${streamId} needs at least one event`);
    }
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data, metadata })),
        { expectedRevision: toClientExpectedRevision(options.expectedRevision) },
      );
      const nextRevision = Number(result.nextExpectedRevision);
      // The server reports the last event's position, also for an idempotent retry; servers older than
      // 22.6 may not, so then it is read back.
      const position =
        result.position && result.position.commit >= 0n
          ? Number(result.position.commit)
          : await this.positionOfRevision(streamId, nextRevision);
      return { nextRevision, position };
    } catch (error) {
      if (error instanceof ClientWrongExpectedVersionError) {
        const actual = error.actualVersion === NO_STREAM ? null : Number(error.actualVersion);
        throw new WrongExpectedVersionError(streamId, options.expectedRevision, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: StoredEvent[] = [];
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    try {
      for await (const resolved of read) {
        if (resolved.event) events.push(toStoredEvent(resolved.event, resolved.commitPosition));
      }
    } catch (error) {
      if (error instanceof ClientStreamNotFoundError) throw new StreamNotFoundError(streamId);
      throw error;
    } finally {
      await cancelRead(read);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: StoredEvent[] = [];
    if (maxCount <= 0) return events;
    for await (const recorded of this.scanAll(FORWARDS, options.fromPosition, Math.min(maxCount, READ_ALL_PAGE_SIZE))) {
      if (!matchesAllFilter(options.filter, recorded.streamId, recorded.type)) continue;
      events.push(toStoredEvent(recorded));
      if (events.length >= maxCount) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    return toAllSubscription((signal) => this.deliverAll(options, signal));
  }

  /**
   * Reads `$all` backwards from the end only down to the newest match, or down to where the last call
   * for this filter had read: below that it already knows the answer. So a filter that matches nothing
   * reads the log once, and afterwards each call reads just the events appended since the one before.
   * Sound because `$all` positions only grow as events commit.
   */
  async headPosition(filter?: AllFilter): Promise<number | null> {
    const key = filterKey(filter);
    const known = this.knownHeads.get(key);
    let newest: bigint | undefined;
    let head: bigint | null = null;
    for await (const recorded of this.scanAll(BACKWARDS, undefined, HEAD_FIRST_PAGE_SIZE)) {
      const commit = recorded.position.commit;
      newest ??= commit;
      if (known && commit <= known.readDownFrom) {
        head = known.head;
        break;
      }
      if (matchesAllFilter(filter, recorded.streamId, recorded.type)) {
        head = commit;
        break;
      }
    }
    // Of two calls overlapping, the one that read further is kept; either answer is right for its read.
    if (newest !== undefined && (!known || newest > known.readDownFrom)) {
      this.knownHeads.set(key, { head, readDownFrom: newest });
    }
    return head === null ? null : Number(head);
  }

  identity(): Promise<string> {
    return identityFromStream(this);
  }

  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    try {
      for await (const _ of read) {
        // Draining the one-event read proves the server answers.
      }
    } finally {
      await cancelRead(read);
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /**
   * Every user event in `$all` strictly after (forwards) or before (backwards) `bound`, in pages that
   * grow from `firstPageSize` to READ_ALL_PAGE_SIZE. A forward read from a position includes the event
   * at it, hence the exclusive check on each page. A consumer that stops early leaves a page unread;
   * its gRPC call would stay open, paused by flow control, and the server allows about 100 open streams
   * per connection, so every page is cancelled once left.
   */
  private async *scanAll(
    direction: Direction,
    bound: number | undefined,
    firstPageSize: number = READ_ALL_PAGE_SIZE,
  ): AsyncGenerator<AllStreamRecordedEvent> {
    let exclusiveBound = bound === undefined ? undefined : BigInt(bound);
    for (let pageSize = firstPageSize; ; pageSize = Math.min(pageSize * 2, READ_ALL_PAGE_SIZE)) {
      let readInPage = 0;
      const read = this.client.readAll({
        direction,
        fromPosition:
          exclusiveBound === undefined ? (direction === FORWARDS ? START : END) : toClientPosition(exclusiveBound),
        maxCount: pageSize,
      });
      try {
        for await (const resolved of read) {
          readInPage++;
          const recorded = resolved.event;
          if (!recorded) continue;
          const commit = recorded.position.commit;
          const beyondBound =
            exclusiveBound === undefined || (direction === FORWARDS ? commit > exclusiveBound : commit < exclusiveBound);
          if (!beyondBound) continue;
          exclusiveBound = commit;
          if (!isSystemEvent(recorded)) yield recorded;
        }
      } finally {
        await cancelRead(read);
      }
      if (readInPage < pageSize) return;
    }
  }

  /**
   * Resumes after a drop from the last event handed to the consumer, never from a server checkpoint: a
   * `checkpointReached` position can lie past an event not yet delivered (KurrentDB#4970).
   */
  private async *deliverAll(options: SubscribeToAllOptions, signal: AbortSignal): AsyncGenerator<StoredEvent> {
    let lastDelivered = options.fromPosition;
    let failedAttempts = 0;
    while (!signal.aborted) {
      const subscription = this.client.subscribeToAll({
        fromPosition: lastDelivered === undefined ? START : toClientPosition(BigInt(lastDelivered)),
        filter: toServerFilter(options.filter),
      });
      // Closing a subscription that already failed may fail too; there is nothing left to release then.
      const stop = () => subscription.unsubscribe().catch(() => undefined);
      signal.addEventListener('abort', stop, { once: true });
      let dropCause: unknown = new Error('The EventStoreDB subscription ended');
      try {
        for await (const resolved of subscription) {
          const recorded = resolved.event;
          if (!recorded || isSystemEvent(recorded)) continue;
          if (!matchesAllFilter(options.filter, recorded.streamId, recorded.type)) continue;
          const event = toStoredEvent(recorded);
          lastDelivered = event.position;
          failedAttempts = 0;
          yield event;
          if (signal.aborted) return;
        }
      } catch (error) {
        // Resubscribing would only bring the same event back: the consumer must hear of it.
        if (error instanceof UnreadableEventError) throw error;
        dropCause = error;
      } finally {
        signal.removeEventListener('abort', stop);
        await stop();
      }
      if (signal.aborted) return;
      failedAttempts++;
      const retryInMs = Math.min(RESUBSCRIBE_FIRST_DELAY_MS * 2 ** (failedAttempts - 1), RESUBSCRIBE_MAX_DELAY_MS);
      this.options.onSubscriptionDropped?.(dropCause, retryInMs);
      await delay(retryInMs, signal);
    }
  }

  private async positionOfRevision(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event.position;
  }
}

function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

function toClientPosition(commit: bigint): Position {
  return { commit, prepare: commit };
}

/**
 * The server filters by one criterion; prefixes narrow the most, and otherwise system events are left
 * out. The exact filter is applied again on each event (event-type filters are prefixes on the server).
 */
function toServerFilter(filter: AllFilter | undefined): Filter {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: filter.streamPrefixes });
  if (filter?.eventTypes?.length) return eventTypeFilter({ prefixes: filter.eventTypes });
  return excludeSystemEvents();
}

/** A read whose gRPC call never started (no server found) has nothing to cancel, and said why already. */
async function cancelRead(read: { cancel(): Promise<void> }): Promise<void> {
  await read.cancel().catch(() => undefined);
}

interface KnownHead {
  /** The newest match at or below `readDownFrom`, or null when none is. */
  head: bigint | null;
  /** Where the read that found `head` began: the newest user event in `$all` then. */
  readDownFrom: bigint;
}

function filterKey(filter: AllFilter | undefined): string {
  return JSON.stringify([[...(filter?.streamPrefixes ?? [])].sort(), [...(filter?.eventTypes ?? [])].sort()]);
}

function isSystemEvent(recorded: RecordedEvent): boolean {
  return recorded.streamId.startsWith('$') || recorded.type.startsWith('$');
}

function toStoredEvent(recorded: RecordedEvent, commitPosition?: bigint): StoredEvent {
  const commit = recorded.position?.commit ?? commitPosition;
  if (commit === undefined) {
    throw new Error('EventStoreDB did not report event positions; a server of version 22.6 or later is needed');
  }
  // The client hands over the raw bytes of non-JSON content, and the raw text of JSON that does not parse.
  const unreadable = !recorded.isJson
    ? 'its data is not JSON'
    : !isJsonObject(recorded.data)
      ? 'its data is not JSON of an object'
      : !isJsonObject(recorded.metadata)
        ? 'its metadata is not JSON of an object'
        : null;
  if (unreadable) {
    throw new UnreadableEventError(
      recorded.id,
      recorded.streamId,
      recorded.type,
      Number(commit),
      recorded.created.toISOString(),
      `${unreadable}; it was not written by this service`,
      Number(recorded.revision),
    );
  }
  return {
    id: recorded.id,
    streamId: recorded.streamId,
    revision: Number(recorded.revision),
    position: Number(commit),
    type: recorded.type,
    data: recorded.data as Record<string, unknown>,
    metadata: recorded.metadata as EventMetadata,
    recordedAt: recorded.created.toISOString(),
  };
}

function isJsonObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
