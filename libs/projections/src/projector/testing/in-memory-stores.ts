/**
 * Small in-memory stand-ins for the two ports, faithful to the semantics the projector relies on:
 * exclusive `fromPosition`, a catch-up subscription that goes live, atomic `applyBatch` whose
 * checkpoint never moves backwards, expiring leases. For the projector's specs only.
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
import type {
  FindQuery,
  FindResult,
  Lease,
  ProjectionCheckpoint,
  ReadDocument,
  ReadStore,
  ReadWrite,
} from '@app/read-store';

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

export class InMemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, Map<string, ReadDocument>>();
  private readonly checkpoints = new Map<string, ProjectionCheckpoint>();
  private readonly leases = new Map<string, Lease>();
  readonly indexes = new Map<string, Array<Record<string, 1 | -1>>>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async get<T extends ReadDocument = ReadDocument>(collection: string, id: string): Promise<T | null> {
    const document = this.collections.get(collection)?.get(id);
    return document ? (structuredClone(document) as T) : null;
  }

  async getMany<T extends ReadDocument = ReadDocument>(collection: string, ids: string[]): Promise<T[]> {
    const documents = this.collections.get(collection);
    return ids.flatMap((id) => {
      const document = documents?.get(id);
      return document ? [structuredClone(document) as T] : [];
    });
  }

  /** Only what the specs need: equality on top-level fields, sorted by id, one page. */
  async find<T extends ReadDocument = ReadDocument>(collection: string, query: FindQuery = {}): Promise<FindResult<T>> {
    const items = [...(this.collections.get(collection)?.values() ?? [])]
      .filter((document) => Object.entries(query.where ?? {}).every(([field, value]) => document[field] === value))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((document) => structuredClone(document) as T);
    return { items, next: null };
  }

  async upsert(collection: string, document: ReadDocument): Promise<void> {
    this.write({ kind: 'upsert', collection, document });
  }

  async delete(collection: string, id: string): Promise<void> {
    this.write({ kind: 'delete', collection, id });
  }

  async applyBatch(writes: ReadWrite[], { projection, position }: { projection: string; position: number }) {
    const current = this.checkpoints.get(projection);
    if (current && current.position >= position) return;
    writes.forEach((write) => this.write(write));
    this.checkpoints.set(projection, { projection, position, updatedAt: this.clock().toISOString() });
  }

  async getCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    return this.checkpoints.get(projection) ?? null;
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    return [...this.checkpoints.values()];
  }

  async resetProjection(projection: string, collections: string[]): Promise<void> {
    collections.forEach((collection) => {
      this.collections.delete(collection);
      this.indexes.delete(collection);
    });
    this.checkpoints.delete(projection);
  }

  async acquireLease(projection: string, owner: string, ttlMs: number): Promise<boolean> {
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
    this.indexes.set(collection, indexes);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private write(write: ReadWrite): void {
    const documents = this.collections.get(write.collection) ?? new Map<string, ReadDocument>();
    this.collections.set(write.collection, documents);
    if (write.kind === 'upsert') documents.set(write.document.id, structuredClone(write.document));
    else documents.delete(write.id);
  }
}
