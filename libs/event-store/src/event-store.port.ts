/**
 * The event-store port, with EventStoreDB's semantics so that the embedded SQLite adapter and the
 * production EventStoreDB adapter are interchangeable. Every adapter passes the one contract suite in
 * `testing/event-store.contract.ts`.
 *
 * Any operation rejects with a `StoreUnavailableError` (one sentence for the operator) when the
 * store's storage fails: damaged, not writable, full, or no longer the store that was opened. No
 * append is acknowledged unless it is in the store the adapter opened.
 *
 * Revisions count from 0 within a stream. Global positions are increasing numbers across all streams
 * (EventStoreDB's commit position); they are only compared, never counted on to be dense.
 */

export const EVENT_STORE = Symbol('EVENT_STORE');

/** What the writer believes about the stream before the append. */
export type ExpectedRevision =
  | 'any' // no check
  | 'no_stream' // the stream must not exist yet
  | 'stream_exists' // the stream must have at least one event
  | number; // the stream's last event must have exactly this revision

export interface EventActor {
  id: string;
  name: string;
  role: string;
}

export interface EventMetadata {
  actor?: EventActor;
  requestId?: string;
  causationId?: string;
  correlationId?: string;
  /** Version of the event's data schema; readers upcast older versions. */
  schemaVersion: number;
  [key: string]: unknown;
}

export interface EventToAppend {
  /** A UUID. Re-appending the same ids with the same expected revision is idempotent. */
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface StoredEvent {
  id: string;
  streamId: string;
  revision: number;
  /** Global position in the store's total order. */
  position: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** The store's own time of recording, ISO 8601 with milliseconds (UTC). */
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: number;
  /** Global position of the last event appended. */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface AllFilter {
  streamPrefixes?: string[];
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Omit to start at the beginning. */
  fromPosition?: number;
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscribeToAllOptions {
  /** Exclusive, as in EventStoreDB: the first event delivered is the one after this position. */
  fromPosition?: number;
  filter?: AllFilter;
}

/**
 * A catch-up subscription: delivers every stored event after `fromPosition` in global order, then new
 * ones as they are appended, with no gap and no duplicate at the seam. Iterate it with `for await`;
 * the next event is not pulled until the consumer asks, so a slow consumer is never flooded. Reaching
 * an event it cannot read, it throws `UnreadableEventError` after the events before it, and ends.
 */
export interface AllSubscription extends AsyncIterable<StoredEvent> {
  /** Ends the iteration; pending `next()` calls resolve with `done`. */
  unsubscribe(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    streamId: string,
    events: EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;

  /**
   * Throws StreamNotFoundError when the stream has no events, and UnreadableEventError when one of its
   * events cannot be read back (the store is damaged there).
   */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;

  /** Reads, like `readStream`, reject with `UnreadableEventError` at an event they cannot read. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  /** Position of the newest event matching the filter, or null when there is none. */
  headPosition(filter?: AllFilter): Promise<number | null>;

  /**
   * The store's identity: made once when the store is created and kept inside it, so that read models
   * can tell the store they were built from from an emptied or replaced one. Never changes for a store.
   */
  identity(): Promise<string>;

  /**
   * Reachability for `/health`. Resolves when the store answers, rejects otherwise: with a
   * `StoreUnavailableError` once the store is known to be damaged, or no longer the one opened.
   */
  ping(): Promise<void>;

  close(): Promise<void>;
}
