/**
 * In-memory stand-ins for the two ports, for the projector's and the projections' specs: fast, and
 * honest because each passes the port's own contract suite, as the adapters do
 * (`test/contract/event-store.in-memory.spec.ts`, `test/contract/read-store.in-memory.spec.ts`).
 */
import { randomUUID } from 'node:crypto';
import {
  type AllFilter,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  StreamNotFoundError,
  type SubscribeToAllOptions,
  WrongExpectedVersionError,
} from '@app/event-store';
import { matchesAllFilter } from '@app/event-store/all-filter';
import { toAllSubscription } from '@app/event-store/subscription';
import {
  type FindQuery,
  type FindResult,
  InvalidReadDocumentError,
  type JsonFields,
  type Lease,
  type ProjectionCheckpoint,
  type ReadDocument,
  type ReadStore,
  type ReadWrite,
  type StoredJson,
} from '@app/read-store';
import {
  assertCheckpointPosition,
  assertCollectionName,
  assertIndexSpec,
  assertJsonFields,
  assertLeaseRequest,
  assertProjectionName,
  assertReadWrite,
  type FieldFilter,
  planFind,
  type Scalar,
  type SortKey,
  storedJsonOf,
  toPage,
  valueAtPath,
} from '@app/read-store/read-query';

/** Positions grow by 10 so that nothing may count on them being dense. */
const POSITION_STEP = 10;

export class InMemoryEventStore implements EventStore {
  private readonly events: StoredEvent[] = [];
  private readonly storeIdentity = randomUUID();
  private readonly appended = new Set<() => void>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async appendToStream(
    streamId: string,
    events: EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const stream = this.events.filter((event) => event.streamId === streamId);
    const retried = earlierAppend(stream, events, expectedRevision);
    if (retried) return retried;
    const current = stream.at(-1)?.revision ?? null;
    const matches =
      expectedRevision === 'any' ||
      (expectedRevision === 'no_stream' && current === null) ||
      (expectedRevision === 'stream_exists' && current !== null) ||
      expectedRevision === current;
    if (!matches) throw new WrongExpectedVersionError(streamId, expectedRevision, current);
    let revision = current ?? -1;
    for (const event of events) {
      revision += 1;
      this.events.push({
        ...event,
        streamId,
        revision,
        position: (this.events.length + 1) * POSITION_STEP,
        recordedAt: this.clock().toISOString(),
      });
    }
    this.appended.forEach((wake) => wake());
    return { nextRevision: revision, position: this.events.length * POSITION_STEP };
  }

  async readStream(streamId: string, { direction, fromRevision, maxCount }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const events = this.events.filter((event) => event.streamId === streamId);
    if (events.length === 0) throw new StreamNotFoundError(streamId);
    const read =
      direction === 'backwards'
        ? events.filter(({ revision }) => revision <= (fromRevision ?? Number.POSITIVE_INFINITY)).reverse()
        : events.filter(({ revision }) => revision >= (fromRevision ?? 0));
    return read.slice(0, maxCount ?? Number.POSITIVE_INFINITY);
  }

  async readAll({ fromPosition, maxCount, filter }: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.after(fromPosition, filter).slice(0, maxCount ?? Number.POSITIVE_INFINITY);
  }

  subscribeToAll({ fromPosition, filter }: SubscribeToAllOptions = {}): AllSubscription {
    const store = this;
    return toAllSubscription(async function* (signal) {
      let after = fromPosition;
      while (!signal.aborted) {
        const [next] = store.after(after, filter);
        if (next) {
          after = next.position;
          yield next;
          continue;
        }
        await new Promise<void>((resolve) => {
          const wake = () => {
            store.appended.delete(wake);
            signal.removeEventListener('abort', wake);
            resolve();
          };
          store.appended.add(wake);
          signal.addEventListener('abort', wake, { once: true });
        });
      }
    });
  }

  async headPosition(filter?: AllFilter): Promise<number | null> {
    return this.after(undefined, filter).at(-1)?.position ?? null;
  }

  async identity(): Promise<string> {
    return this.storeIdentity;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private after(position: number | undefined, filter: AllFilter | undefined): StoredEvent[] {
    return this.events.filter(
      (event) =>
        (position === undefined || event.position > position) && matchesAllFilter(filter, event.streamId, event.type),
    );
  }
}

/**
 * The result of an earlier append when this one repeats it: its event ids already stored, in order,
 * right after the expected revision (or, with 'any' and 'stream_exists', wherever the first of them is).
 */
function earlierAppend(stream: StoredEvent[], events: EventToAppend[], expected: ExpectedRevision): AppendResult | null {
  const first =
    typeof expected === 'number'
      ? expected + 1
      : expected === 'no_stream'
        ? 0
        : stream.findIndex(({ id }) => id === events[0].id);
  const stored = first < 0 ? [] : stream.slice(first, first + events.length);
  if (stored.length !== events.length || stored.some(({ id }, index) => id !== events[index].id)) return null;
  return { nextRevision: first + events.length - 1, position: stored[stored.length - 1].position };
}

/**
 * Documents are kept as the JSON text a store would hold, so that what cannot be stored is refused
 * and what is read back is a copy. Finds are planned by the adapters' own `planFind` (validation,
 * page size, cursors) and matched and sorted here as the SQLite adapter does in SQL.
 */
export class InMemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, Map<string, string>>();
  private readonly checkpoints = new Map<string, ProjectionCheckpoint>();
  private readonly leases = new Map<string, Lease>();
  /** The indexes asked for, by collection, for specs to check what a projection set up. */
  readonly indexes = new Map<string, Array<Record<string, 1 | -1>>>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async get<T extends ReadDocument = ReadDocument>(collection: string, id: string): Promise<T | null> {
    assertCollectionName(collection);
    const stored = this.collections.get(collection)?.get(id);
    return stored === undefined ? null : (JSON.parse(stored) as T);
  }

  async getJson(collection: string, id: string, fields: JsonFields): Promise<StoredJson | null> {
    assertJsonFields(fields);
    const document = await this.get(collection, id);
    return document ? storedJsonOf(document, fields) : null;
  }

  async getMany<T extends ReadDocument = ReadDocument>(collection: string, ids: string[]): Promise<T[]> {
    assertCollectionName(collection);
    const documents = this.collections.get(collection);
    return [...new Set(ids)].flatMap((id) => {
      const stored = documents?.get(id);
      return stored === undefined ? [] : [JSON.parse(stored) as T];
    });
  }

  async find<T extends ReadDocument = ReadDocument>(collection: string, query?: FindQuery): Promise<FindResult<T>> {
    assertCollectionName(collection);
    const { filters, sort, after, limit } = planFind(query);
    const rows = [...(this.collections.get(collection)?.values() ?? [])]
      .map((stored) => JSON.parse(stored) as T)
      .filter((document) => filters.every((filter) => matches(document, filter)))
      // Keyset paging, as the adapters do it: only rows past the previous page's last one in sort order.
      .filter((document) => after === null || compareSortValues(sort, sortValues(sort, document), after) > 0)
      .sort((a, b) => compareSortValues(sort, sortValues(sort, a), sortValues(sort, b)));
    // One row more than the page, which only tells that a next page exists.
    return toPage(rows.slice(0, limit + 1), { filters, sort, after, limit });
  }

  async upsert(collection: string, document: ReadDocument): Promise<void> {
    this.store([{ kind: 'upsert', collection, document }]);
  }

  async delete(collection: string, id: string): Promise<void> {
    this.store([{ kind: 'delete', collection, id }]);
  }

  async applyBatch(writes: ReadWrite[], { projection, position }: { projection: string; position: number }): Promise<void> {
    assertProjectionName(projection);
    assertCheckpointPosition(position);
    const current = this.checkpoints.get(projection);
    if (current && current.position >= position) return;
    this.store(writes);
    this.checkpoints.set(projection, { projection, position, updatedAt: this.clock().toISOString() });
  }

  async getCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    return this.checkpoints.get(projection) ?? null;
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    return [...this.checkpoints.values()];
  }

  async resetProjection(projection: string, collections: string[]): Promise<void> {
    assertProjectionName(projection);
    collections.forEach(assertCollectionName);
    collections.forEach((collection) => {
      this.collections.delete(collection);
      this.indexes.delete(collection);
    });
    this.checkpoints.delete(projection);
  }

  async acquireLease(projection: string, owner: string, ttlMs: number): Promise<boolean> {
    assertLeaseRequest(projection, owner, ttlMs);
    const now = this.clock().getTime();
    const lease = this.leases.get(projection);
    if (lease && lease.owner !== owner && Date.parse(lease.expiresAt) > now) return false;
    this.leases.set(projection, { projection, owner, expiresAt: new Date(now + ttlMs).toISOString() });
    return true;
  }

  async releaseLease(projection: string, owner: string): Promise<void> {
    if (this.leases.get(projection)?.owner === owner) this.leases.delete(projection);
  }

  async ensureIndexes(collection: string, indexes: Array<Record<string, 1 | -1>>): Promise<void> {
    assertCollectionName(collection);
    indexes.forEach(assertIndexSpec);
    this.indexes.set(collection, indexes);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  /** Every write is checked and serialised before any is applied, so a batch is stored whole or not at all. */
  private store(writes: ReadWrite[]): void {
    const checked = writes.map((write) => {
      assertReadWrite(write);
      return write.kind === 'upsert'
        ? { collection: write.collection, id: write.document.id, json: serialise(write.collection, write.document) }
        : { collection: write.collection, id: write.id, json: null };
    });
    for (const { collection, id, json } of checked) {
      const documents = this.collections.get(collection) ?? new Map<string, string>();
      this.collections.set(collection, documents);
      if (json === null) documents.delete(id);
      else documents.set(id, json);
    }
  }
}

function serialise(collection: string, document: ReadDocument): string {
  try {
    return JSON.stringify(document);
  } catch (error) {
    throw new InvalidReadDocumentError(
      `Document ${document.id} in collection ${collection} cannot be stored as JSON: ${(error as Error).message}`,
    );
  }
}

/** As the adapters compare: only values of the condition's JSON type match, and `null` matches a missing field too. */
function matches(document: ReadDocument, filter: FieldFilter): boolean {
  const value = valueAtPath(document, filter.path);
  switch (filter.kind) {
    case 'equals':
      return equals(value, filter.value);
    case 'oneOf':
      return filter.values.some((candidate) => equals(value, candidate));
    case 'range':
      return filter.bounds.every(({ operator, value: bound }) => {
        if (typeof value !== typeof bound) return false;
        const order = compareScalars(value as Scalar, bound);
        return operator === '$gt' ? order > 0 : operator === '$gte' ? order >= 0 : operator === '$lt' ? order < 0 : order <= 0;
      });
  }
}

function equals(value: unknown, condition: Scalar): boolean {
  return condition === null ? value === null || value === undefined : value === condition;
}

function sortValues(sort: SortKey[], document: ReadDocument): unknown[] {
  return sort.map((key) => valueAtPath(document, key.field) ?? null);
}

/** Row order under the sort keys; a missing value sorts first ascending and last descending, as NULL does in SQL. */
function compareSortValues(sort: SortKey[], a: unknown[], b: unknown[]): number {
  for (const [index, key] of sort.entries()) {
    const order = compareScalars(a[index] as Scalar, b[index] as Scalar);
    if (order !== 0) return key.direction === 'asc' ? order : -order;
  }
  return 0;
}

/**
 * SQLite's order of what `json_extract` returns: NULL, then numbers (booleans as 0 and 1), then
 * text. Text compares by UTF-16 code units here and by UTF-8 bytes there, which differ only for
 * characters beyond the Basic Multilingual Plane.
 */
function compareScalars(a: Scalar, b: Scalar): number {
  const [rankA, rankB] = [rankOf(a), rankOf(b)];
  if (rankA !== rankB) return rankA - rankB;
  if (a === null || b === null) return 0;
  const [x, y] = [comparable(a), comparable(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function rankOf(value: Scalar): number {
  return value === null ? 0 : typeof value === 'string' ? 2 : 1;
}

function comparable(value: string | number | boolean): string | number {
  return typeof value === 'boolean' ? Number(value) : value;
}
