import type Database from 'better-sqlite3';
import { SqliteStoreFile } from '@app/storage';
import { StreamNotFoundError, UnreadableEventError, WrongExpectedVersionError } from '../event-store.errors';
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
import { toAllSubscription } from '../subscription';

export const DEFAULT_EVENTS_FILE = './data/events.db';

/** Another process (the projector app) only learns of appends by looking at the file again. */
const POLL_INTERVAL_MS = 100;
const SUBSCRIPTION_PAGE_SIZE = 500;
const NO_LIMIT = -1;

/** Index i brings the schema from user_version i to i + 1. Append only; never edit a shipped step. */
const MIGRATIONS = [
  `CREATE TABLE events (
     position    INTEGER PRIMARY KEY AUTOINCREMENT,
     stream_id   TEXT    NOT NULL,
     revision    INTEGER NOT NULL,
     event_id    TEXT    NOT NULL,
     type        TEXT    NOT NULL,
     data        TEXT    NOT NULL,
     metadata    TEXT    NOT NULL,
     recorded_at TEXT    NOT NULL,
     UNIQUE (stream_id, revision),
     UNIQUE (stream_id, event_id)
   );
   CREATE INDEX events_by_type ON events (type, position);`,
  // The store's identity, made once with the store (see EventStore.identity).
  `CREATE TABLE store_metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
   INSERT INTO store_metadata (key, value) VALUES ('identity', lower(hex(randomblob(16))));`,
];

/** Both lists are JSON arrays or NULL (no restriction), so one prepared statement serves every filter. */
const FILTER_CLAUSE = `
  (@prefixes IS NULL OR EXISTS (
     SELECT 1 FROM json_each(@prefixes) p WHERE substr(e.stream_id, 1, length(p.value)) = p.value))
  AND (@types IS NULL OR e.type IN (SELECT value FROM json_each(@types)))`;

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** What identifies a stored event; all but `recorded_at` is stored before its data, and survives damage to it. */
type EventKey = Omit<EventRow, 'data' | 'metadata' | 'recorded_at'> & { recorded_at: string | null };

interface FilterParams {
  prefixes: string | null;
  types: string | null;
}

interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expectedRevision: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type AppendOutcome = { result: AppendResult } | { error: unknown };

export interface SqliteEventStoreOptions {
  /** The store's clock for `recordedAt`; injectable so tests can pin it. */
  clock?: () => Date;
}

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so an acknowledged
 * append survives a power cut. Appends arriving in the same turn of the event loop are committed in one
 * transaction (one fsync), each inside its own savepoint so that each succeeds or fails on its own.
 * Every commit is checked to have gone into the file the store opened, still at its path: one deleted
 * or replaced under the running service is refused rather than written to and lost.
 */
export class SqliteEventStore implements EventStore {
  private readonly file: SqliteStoreFile;
  private readonly db: Database.Database;
  private readonly clock: () => Date;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly commitGroup: (group: PendingAppend[]) => AppendOutcome[];
  private readonly appendInSavepoint: (append: PendingAppend, recordedAt: string) => AppendResult;
  private queue: PendingAppend[] = [];
  private scheduledFlush: NodeJS.Immediate | undefined;
  private readonly commitWaiters = new Set<() => void>();
  private readonly closing = new AbortController();
  private transactionsCommitted = 0;

  constructor(file: string = DEFAULT_EVENTS_FILE, options: SqliteEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.file = new SqliteStoreFile(file, 'event store', migrate);
    this.db = this.file.db;

    this.statements = prepareStatements(this.db);

    // better-sqlite3 turns a transaction function called inside another into a SAVEPOINT, rolled back
    // alone when it throws.
    this.appendInSavepoint = this.db.transaction((append: PendingAppend, recordedAt: string) =>
      this.appendInTransaction(append, recordedAt),
    );
    const commitGroup = this.db.transaction((group: PendingAppend[]) => {
      const recordedAt = this.clock().toISOString();
      return group.map((append): AppendOutcome => {
        try {
          return { result: this.appendInSavepoint(append, recordedAt) };
        } catch (error) {
          return { error };
        }
      });
    });
    // IMMEDIATE takes the write lock up front, so a writer in another process cannot make us fail mid-way.
    this.commitGroup = commitGroup.immediate;
  }

  /** Transactions committed so far; fewer than appends when group commit is grouping. */
  get committedTransactions(): number {
    return this.transactionsCommitted;
  }

  appendToStream(
    streamId: string,
    events: EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (this.closing.signal.aborted) {
      return Promise.reject(new Error('The event store is closed'));
    }
    if (events.length === 0) {
      return Promise.reject(new Error(`An append to ${streamId} needs at least one event`));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, expectedRevision: options.expectedRevision, resolve, reject });
      this.scheduledFlush ??= setImmediate(() => this.flush());
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.file.run(() => {
      const rows = this.readStreamRows(streamId, options);
      if (rows.length === 0 && this.streamHead(streamId) === null) {
        throw new StreamNotFoundError(streamId);
      }
      return rows.map(this.toStoredEvent);
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.file.run(() =>
      this.readAllPage(options.fromPosition ?? 0, options.maxCount ?? NO_LIMIT, options.filter),
    );
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    return toAllSubscription((signal) => this.deliverAll(options, signal), this.closing.signal);
  }

  async headPosition(filter?: AllFilter): Promise<number | null> {
    return this.file.run(() => this.statements.headPosition.get(filterParams(filter))?.position ?? null);
  }

  async identity(): Promise<string> {
    return this.file.run(() => this.statements.identity.get()!.value);
  }

  async ping(): Promise<void> {
    this.file.assertInPlace();
    this.file.ping();
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    if (this.scheduledFlush) {
      clearImmediate(this.scheduledFlush);
      this.flush();
    }
    this.closing.abort();
    this.file.close();
  }

  private flush(): void {
    const group = this.queue;
    this.queue = [];
    this.scheduledFlush = undefined;
    let outcomes: AppendOutcome[];
    try {
      this.file.assertInPlace();
      outcomes = this.file.run(() => this.commitGroup(group));
      this.transactionsCommitted++;
      // Deleted or replaced during the commit: what was committed is in no file the store will read again.
      this.file.assertInPlace();
    } catch (error) {
      group.forEach((append) => append.reject(error));
      return;
    }
    outcomes.forEach((outcome, index) => {
      if ('result' in outcome) group[index].resolve(outcome.result);
      else group[index].reject(this.file.translate(outcome.error));
    });
    for (const wake of [...this.commitWaiters]) wake();
  }

  private appendInTransaction(append: PendingAppend, recordedAt: string): AppendResult {
    const { streamId, events, expectedRevision } = append;
    const alreadyStored = this.findIdempotentResult(append);
    if (alreadyStored) return alreadyStored;

    const head = this.streamHead(streamId);
    if (!isExpected(expectedRevision, head)) {
      throw new WrongExpectedVersionError(streamId, expectedRevision, head);
    }
    let revision = head ?? -1;
    let position = 0;
    for (const event of events) {
      revision++;
      try {
        const info = this.statements.insert.run(
          streamId,
          revision,
          event.id,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          recordedAt,
        );
        position = Number(info.lastInsertRowid);
      } catch (error) {
        if (isDuplicateEventId(error)) {
          throw new Error(`Event ${event.id} is already stored in stream ${streamId} at another revision`);
        }
        throw error;
      }
    }
    return { nextRevision: revision, position };
  }

  /**
   * An append is a retry of an earlier one when its event ids are already stored, in order, right after
   * the expected revision (or, with 'any'/'stream_exists', wherever the first of them is).
   */
  private findIdempotentResult({ streamId, events, expectedRevision }: PendingAppend): AppendResult | null {
    const firstRevision =
      typeof expectedRevision === 'number'
        ? expectedRevision + 1
        : expectedRevision === 'no_stream'
          ? 0
          : this.statements.revisionOfEvent.get(streamId, events[0].id)?.revision;
    if (firstRevision === undefined) return null;
    const stored = this.statements.eventsFromRevision.all(streamId, firstRevision, events.length);
    const sameEvents =
      stored.length === events.length && stored.every((row, index) => row.event_id === events[index].id);
    if (!sameEvents) return null;
    return { nextRevision: firstRevision + events.length - 1, position: stored[stored.length - 1].position };
  }

  private streamHead(streamId: string): number | null {
    return this.statements.streamHead.get(streamId)?.revision ?? null;
  }

  private readAllPage(after: number, limit: number, filter: AllFilter | undefined): StoredEvent[] {
    return this.readAllRows(after, limit, filter).map(this.toStoredEvent);
  }

  private readAllRows(after: number, limit: number, filter: AllFilter | undefined): EventRow[] {
    return this.statements.readAll.all({ after, limit, ...filterParams(filter) });
  }

  private readStreamRows(streamId: string, options: ReadStreamOptions): EventRow[] {
    const limit = options.maxCount ?? NO_LIMIT;
    try {
      return options.direction === 'backwards'
        ? this.statements.readBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.readForwards.all(streamId, options.fromRevision ?? 0, limit);
    } catch (error) {
      const fault = this.file.translate(error);
      throw (fault instanceof Error && this.firstUnreadableEvent(streamId, fault)) || fault;
    }
  }

  /**
   * After a read of the stream failed on damage: the first of its events that cannot be read, when
   * the damage spares what identifies it (it lies in the event's data, the bulk of it).
   */
  private firstUnreadableEvent(streamId: string, damage: Error): UnreadableEventError | null {
    for (let revision = 0; ; revision++) {
      try {
        const row = this.statements.readForwards.get(streamId, revision, 1);
        if (!row) return null;
      } catch {
        const key = this.readQuietly(() => this.statements.eventKey.get(streamId, revision));
        if (!key) return null;
        // Stored after the data, so read on its own: the damage may have taken it with the data.
        const recorded = this.readQuietly(() => this.statements.recordedAt.get(streamId, revision));
        return unreadable({ ...key, recorded_at: recorded?.recorded_at ?? null }, damage.message);
      }
    }
  }

  private readQuietly<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch {
      return undefined;
    }
  }

  /** A row whose JSON does not parse was damaged on disk in a way SQLite's own checks do not see. */
  private readonly toStoredEvent = (row: EventRow): StoredEvent => {
    let parsed: Pick<StoredEvent, 'data' | 'metadata'>;
    try {
      parsed = { data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) };
    } catch (error) {
      throw this.file.translate(
        unreadable(row, this.file.describe('damaged', `its stored JSON does not parse: ${(error as Error).message}`)),
      );
    }
    return {
      id: row.event_id,
      streamId: row.stream_id,
      revision: row.revision,
      position: row.position,
      type: row.type,
      ...parsed,
      recordedAt: row.recorded_at,
    };
  };

  private async *deliverAll(options: SubscribeToAllOptions, signal: AbortSignal): AsyncGenerator<StoredEvent> {
    let after = options.fromPosition ?? 0;
    while (!signal.aborted) {
      // Also the periodic check that the file is still the one opened, while the service idles.
      this.file.assertInPlace();
      // Read before the page: every event at or below it was committed before the page was read.
      const logHead = this.file.run(() => this.statements.logHead.get()?.position ?? 0);
      const page = this.file.run(() => this.readAllRows(after, SUBSCRIPTION_PAGE_SIZE, options.filter));
      for (const row of page) {
        // One by one, so that the events before an unreadable one are delivered before it ends the subscription.
        const event = this.toStoredEvent(row);
        after = event.position;
        yield event;
        if (signal.aborted) return;
      }
      if (page.length < SUBSCRIPTION_PAGE_SIZE) {
        // The page held every match up to the log's end, so the events up to the head that it skipped
        // match no more on the next poll: without this a filter matching little rescans the log's
        // tail on every poll, ten times a second, for as long as nothing matches.
        after = Math.max(after, logHead);
        await this.nextCommitOrPoll(signal);
      }
    }
  }

  /** Wakes on our own commit, on the poll interval (another process's commit), or on abort. */
  private nextCommitOrPoll(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.commitWaiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, POLL_INTERVAL_MS);
      this.commitWaiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}

/** Prepared once per connection: every query the adapter runs. */
function prepareStatements(db: Database.Database) {
  return {
    streamHead: db.prepare<[string], { revision: number | null }>(
      'SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?',
    ),
    revisionOfEvent: db.prepare<[string, string], { revision: number }>(
      'SELECT revision FROM events WHERE stream_id = ? AND event_id = ?',
    ),
    eventsFromRevision: db.prepare<[string, number, number], Pick<EventRow, 'event_id' | 'position'>>(
      'SELECT event_id, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    ),
    insert: db.prepare<[string, number, string, string, string, string, string]>(
      `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    readForwards: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    ),
    eventKey: db.prepare<[string, number], Omit<EventKey, 'recorded_at'>>(
      'SELECT event_id, stream_id, revision, type, position FROM events WHERE stream_id = ? AND revision = ?',
    ),
    recordedAt: db.prepare<[string, number], Pick<EventRow, 'recorded_at'>>(
      'SELECT recorded_at FROM events WHERE stream_id = ? AND revision = ?',
    ),
    readBackwards: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
    ),
    readAll: db.prepare<[FilterParams & { after: number; limit: number }], EventRow>(
      `SELECT * FROM events e WHERE e.position > @after AND ${FILTER_CLAUSE} ORDER BY e.position LIMIT @limit`,
    ),
    headPosition: db.prepare<[FilterParams], { position: number }>(
      `SELECT e.position FROM events e WHERE ${FILTER_CLAUSE} ORDER BY e.position DESC LIMIT 1`,
    ),
    logHead: db.prepare<[], { position: number }>('SELECT MAX(position) AS position FROM events'),
    identity: db.prepare<[], { value: string }>(`SELECT value FROM store_metadata WHERE key = 'identity'`),
  };
}

function unreadable(key: EventKey, reason: string): UnreadableEventError {
  return new UnreadableEventError(key.event_id, key.stream_id, key.type, key.position, key.recorded_at, reason, key.revision);
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `The event store file has schema version ${version}, newer than this release knows (${MIGRATIONS.length})`,
    );
  }
  for (let step = version; step < MIGRATIONS.length; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step]);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

function isExpected(expected: ExpectedRevision, head: number | null): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return head === null;
    case 'stream_exists':
      return head !== null;
    default:
      return head === expected;
  }
}

/**
 * Only the event id can collide: revisions are computed under the write lock. Checked by code, not by
 * class, because the native module keeps the SqliteError class of whichever copy loaded it first.
 */
function isDuplicateEventId(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function filterParams(filter: AllFilter | undefined): FilterParams {
  const asJsonList = (values: string[] | undefined) => (values?.length ? JSON.stringify(values) : null);
  return { prefixes: asJsonList(filter?.streamPrefixes), types: asJsonList(filter?.eventTypes) };
}
