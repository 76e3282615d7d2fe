import {
  type AnyBulkWriteOperation,
  BSON,
  type Collection,
  type Db,
  type Document,
  type Filter,
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type Sort,
} from 'mongodb';
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
  type PlannedFind,
  type SortKey,
  storedJsonOf,
  toPage,
} from '../read-query';
import { InvalidReadDocumentError } from '../read-store.errors';
import { type MongoWritePath, writePathFor } from './mongodb-write-path';
import type {
  FindQuery,
  FindResult,
  JsonFields,
  ProjectionCheckpoint,
  ReadDocument,
  ReadStore,
  ReadWrite,
  StoredJson,
} from '../read-store.port';

/** Collection names start with a letter (`assertCollectionName`), so these cannot clash with them. */
const CHECKPOINTS = '_checkpoints';
const LEASES = '_leases';
/** The position of the batch that last wrote a document: the replay guard when there are no transactions. */
const BATCH_POSITION = '_batchPosition';
/** Marks a document deleted by a guarded batch: it keeps the deletion's position, so a late write cannot bring it back. */
const DELETED = '_deleted';
const NOT_DELETED = { [DELETED]: { $exists: false } };
const DUPLICATE_KEY = 11000;

/** A read document as stored: `id` becomes `_id`, plus the batch guard. */
interface StoredDocument {
  _id: string;
  [field: string]: unknown;
}

interface CheckpointDocument {
  _id: string;
  position: number;
  updatedAt: Date;
}

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export interface MongoReadStoreOptions {
  /** Defaults to the database named in the URI. */
  databaseName?: string;
}

/**
 * Read models in MongoDB: one collection per read-model collection, `_id` = document id.
 *
 * On a replica set (or sharded cluster) `applyBatch` is one multi-document transaction. On a
 * standalone server or FerretDB it cannot be (`writePathFor`): documents are then written with
 * ordered bulk writes, each guarded by `_batchPosition < position`, and the checkpoint is written
 * last with the same guard. A crash in between leaves the checkpoint behind; the projector replays
 * the batch and the guards turn every already-written document into a no-op, so the end state is the
 * same as one atomic write. The guards also stop a late batch of a projector that lost its lease
 * from undoing what the new holder wrote. For that, a guarded delete leaves a tombstone (`_deleted`
 * with its `_batchPosition`) that every read skips; a rebuild drops tombstones with the collections.
 */
export class MongoReadStore implements ReadStore {
  private readonly checkpoints: Collection<CheckpointDocument>;
  private readonly leases: Collection<LeaseDocument>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** How this server's batches are made atomic, fixed when connecting. */
    readonly writePath: MongoWritePath,
  ) {
    this.checkpoints = db.collection<CheckpointDocument>(CHECKPOINTS);
    this.leases = db.collection<LeaseDocument>(LEASES);
  }

  static async connect(uri: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const client = new MongoClient(uri, {
      // Majority: a failover must not roll back documents or a checkpoint the projector believes written.
      writeConcern: { w: 'majority' },
      // As JSON.stringify does, so documents read back the same from every adapter.
      ignoreUndefined: true,
    });
    await client.connect();
    try {
      const hello = await client.db('admin').command({ hello: 1 });
      return new MongoReadStore(client, client.db(options.databaseName), writePathFor(hello));
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async get<T extends ReadDocument = ReadDocument>(collection: string, id: string): Promise<T | null> {
    const stored = await this.collection(collection).findOne({ _id: id, ...NOT_DELETED });
    return stored ? fromStored<T>(stored) : null;
  }

  /** The driver decodes BSON into objects whatever is asked, so the text is serialised here. */
  async getJson(collection: string, id: string, fields: JsonFields): Promise<StoredJson | null> {
    assertJsonFields(fields);
    const document = await this.get(collection, id);
    return document ? storedJsonOf(document, fields) : null;
  }

  async getMany<T extends ReadDocument = ReadDocument>(collection: string, ids: string[]): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const stored = await this.collection(collection).find({ _id: { $in: unique }, ...NOT_DELETED }).toArray();
    const byId = new Map(stored.map((document) => [document._id, fromStored<T>(document)]));
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  async find<T extends ReadDocument = ReadDocument>(collection: string, query?: FindQuery): Promise<FindResult<T>> {
    const target = this.collection(collection);
    const plan = planFind(query);
    const sort: Sort = Object.fromEntries(plan.sort.map((key) => [mongoField(key.field), key.direction === 'asc' ? 1 : -1]));
    const stored = await target.find(findFilter(plan), { sort, limit: plan.limit + 1 }).toArray();
    return toPage(stored.map((document) => fromStored<T>(document)), plan);
  }

  async upsert(collection: string, document: ReadDocument): Promise<void> {
    assertReadWrite({ kind: 'upsert', collection, document });
    await this.collection(collection).replaceOne({ _id: document.id }, toStored(collection, document), { upsert: true });
  }

  async delete(collection: string, id: string): Promise<void> {
    assertReadWrite({ kind: 'delete', collection, id });
    await this.collection(collection).deleteOne({ _id: id });
  }

  async applyBatch(writes: ReadWrite[], checkpoint: { projection: string; position: number }): Promise<void> {
    assertProjectionName(checkpoint.projection);
    assertCheckpointPosition(checkpoint.position);
    writes.forEach(assertReadWrite);
    // Building every operation first also serialises every document: one that cannot be stored
    // fails the batch before anything is sent.
    const inTransaction = this.writePath === 'transaction';
    const operations = operationsByCollection(lastWritePerDocument(writes), checkpoint.position, !inTransaction);
    if (inTransaction) {
      await this.applyInTransaction(operations, checkpoint);
    } else {
      await this.applyWithGuards(operations, checkpoint);
    }
  }

  async getCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    const stored = await this.checkpoints.findOne({ _id: projection });
    return stored ? toCheckpoint(stored) : null;
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    const stored = await this.checkpoints.find().sort({ _id: 1 }).toArray();
    return stored.map(toCheckpoint);
  }

  /**
   * Collections cannot be dropped inside a transaction, so the checkpoint goes first: a crash in
   * between leaves no checkpoint, and the unfinished rebuild resets again, whereas the other order
   * could leave a checkpoint over empty collections that would never be refilled.
   */
  async resetProjection(projection: string, collections: string[]): Promise<void> {
    assertProjectionName(projection);
    collections.forEach(assertCollectionName);
    await this.checkpoints.deleteOne({ _id: projection });
    for (const collection of collections) await this.collection(collection).drop();
  }

  /** Uses this instance's clock: projector hosts must keep their clocks in sync (NTP) well within the ttl. */
  async acquireLease(projection: string, owner: string, ttlMs: number): Promise<boolean> {
    assertLeaseRequest(projection, owner, ttlMs);
    const now = new Date();
    try {
      const lease = await this.leases.findOneAndUpdate(
        { _id: projection, $or: [{ owner }, { expiresAt: { $lte: now } }] },
        { $set: { owner, expiresAt: new Date(now.getTime() + ttlMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      return lease?.owner === owner;
    } catch (error) {
      // Another owner holds an unexpired lease, so the upsert tried to insert a second one.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async releaseLease(projection: string, owner: string): Promise<void> {
    await this.leases.deleteOne({ _id: projection, owner });
  }

  /**
   * One `createIndexes` command per index: FerretDB 1.24 drops the connection (a server panic) when
   * one command names two or more indexes that all exist already, which is every start but the first.
   * MongoDB answers each the same either way, and indexes are ensured only when a projection starts.
   */
  async ensureIndexes(collection: string, indexes: Array<Record<string, 1 | -1>>): Promise<void> {
    const target = this.collection(collection);
    indexes.forEach(assertIndexSpec);
    for (const index of indexes) {
      await target.createIndexes([
        { key: Object.fromEntries(Object.entries(index).map(([field, direction]) => [mongoField(field), direction])) },
      ]);
    }
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private collection(name: string): Collection<StoredDocument> {
    assertCollectionName(name);
    return this.db.collection<StoredDocument>(name);
  }

  private async applyInTransaction(
    operations: Map<string, AnyBulkWriteOperation<StoredDocument>[]>,
    checkpoint: { projection: string; position: number },
  ): Promise<void> {
    const session = this.client.startSession();
    try {
      await session.withTransaction(
        async () => {
          const stored = await this.checkpoints.findOne({ _id: checkpoint.projection }, { session });
          if (stored && stored.position >= checkpoint.position) return;
          for (const [collection, batch] of operations) {
            await this.collection(collection).bulkWrite(batch, { session, ordered: true });
          }
          await this.checkpoints.updateOne(
            { _id: checkpoint.projection },
            { $set: { position: checkpoint.position, updatedAt: new Date() } },
            { upsert: true, session },
          );
        },
        { readConcern: { level: 'majority' }, writeConcern: { w: 'majority' } },
      );
    } finally {
      await session.endSession();
    }
  }

  private async applyWithGuards(
    operations: Map<string, AnyBulkWriteOperation<StoredDocument>[]>,
    checkpoint: { projection: string; position: number },
  ): Promise<void> {
    const stored = await this.checkpoints.findOne({ _id: checkpoint.projection });
    if (stored && stored.position >= checkpoint.position) return;
    for (const [collection, batch] of operations) await this.bulkWriteSkippingApplied(collection, batch);
    try {
      await this.checkpoints.updateOne(
        { _id: checkpoint.projection, position: { $lt: checkpoint.position } },
        { $set: { position: checkpoint.position, updatedAt: new Date() } },
        { upsert: true },
      );
    } catch (error) {
      // The checkpoint exists at this position or beyond: a concurrent or earlier run got there.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /**
   * A guarded upsert whose document already carries this batch's position (or a later one) matches
   * nothing and tries to insert a duplicate `_id`: that write is already applied. An ordered bulk
   * write stops there, so carry on with the operations after it.
   */
  private async bulkWriteSkippingApplied(collection: string, operations: AnyBulkWriteOperation<StoredDocument>[]): Promise<void> {
    let remaining = operations;
    while (remaining.length > 0) {
      try {
        await this.collection(collection).bulkWrite(remaining, { ordered: true });
        return;
      } catch (error) {
        const applied = alreadyAppliedIndex(error);
        if (applied === null) throw error;
        remaining = remaining.slice(applied + 1);
      }
    }
  }
}

function mongoField(path: string): string {
  return path === 'id' ? '_id' : path;
}

function fromStored<T extends ReadDocument>(stored: Document): T {
  const { _id, [BATCH_POSITION]: _position, ...fields } = stored;
  return { id: _id, ...fields } as T;
}

function toStored(collection: string, document: ReadDocument, batchPosition?: number): Document {
  const { id, ...fields } = document;
  if ('_id' in fields || BATCH_POSITION in fields || DELETED in fields) {
    throw new InvalidReadDocumentError(
      `Document ${id} in collection ${collection} uses a reserved field name (_id, ${BATCH_POSITION} or ${DELETED})`,
    );
  }
  const stored = batchPosition === undefined ? fields : { ...fields, [BATCH_POSITION]: batchPosition };
  try {
    BSON.serialize(stored, { ignoreUndefined: true });
  } catch (error) {
    throw new InvalidReadDocumentError(
      `Document ${id} in collection ${collection} cannot be stored: ${(error as Error).message}`,
    );
  }
  return stored;
}

function toCheckpoint(stored: CheckpointDocument): ProjectionCheckpoint {
  return { projection: stored._id, position: stored.position, updatedAt: stored.updatedAt.toISOString() };
}

/** Only the last write to each document decides its state, and guarded writes need one per document. */
function lastWritePerDocument(writes: ReadWrite[]): ReadWrite[] {
  const last = new Map<string, ReadWrite>();
  for (const write of writes) {
    const key = JSON.stringify([write.collection, write.kind === 'upsert' ? write.document.id : write.id]);
    last.delete(key);
    last.set(key, write);
  }
  return [...last.values()];
}

function operationsByCollection(
  writes: ReadWrite[],
  position: number,
  guarded: boolean,
): Map<string, AnyBulkWriteOperation<StoredDocument>[]> {
  const notYetAtPosition = guarded
    ? { $or: [{ [BATCH_POSITION]: { $lt: position } }, { [BATCH_POSITION]: { $exists: false } }] }
    : {};
  const byCollection = new Map<string, AnyBulkWriteOperation<StoredDocument>[]>();
  for (const write of writes) {
    const operations = byCollection.get(write.collection) ?? [];
    byCollection.set(write.collection, operations);
    if (write.kind === 'upsert') {
      operations.push({
        replaceOne: {
          filter: { _id: write.document.id, ...notYetAtPosition },
          replacement: toStored(write.collection, write.document, position),
          upsert: true,
        },
      });
    } else if (guarded) {
      operations.push({
        replaceOne: {
          filter: { _id: write.id, ...notYetAtPosition },
          replacement: { [BATCH_POSITION]: position, [DELETED]: true },
          upsert: true,
        },
      });
    } else {
      operations.push({ deleteOne: { filter: { _id: write.id } } });
    }
  }
  return byCollection;
}

function findFilter(plan: PlannedFind): Filter<StoredDocument> {
  const clauses: Filter<StoredDocument>[] = plan.filters.map((filter) => ({ [mongoField(filter.path)]: condition(filter) }));
  if (plan.after) clauses.push(afterFilter(plan.sort, plan.after));
  return { $and: [NOT_DELETED, ...clauses] };
}

/** `$eq: null` matches a missing field too, which the SQLite adapter copies. */
function condition(filter: FieldFilter): Document {
  switch (filter.kind) {
    case 'equals':
      return { $eq: filter.value };
    case 'oneOf':
      return { $in: filter.values };
    case 'range':
      return Object.fromEntries(filter.bounds.map(({ operator, value }) => [operator, value]));
  }
}

/**
 * Keyset paging on the sort keys (the last is always `_id`): "first k-1 keys equal and key k
 * beyond". Null and missing sort first. Comparisons are type-bracketed, so a sort field holding
 * several BSON types would skip documents across pages; read models keep one type per field.
 */
function afterFilter(sort: SortKey[], after: unknown[]): Filter<StoredDocument> {
  const branches: Filter<StoredDocument>[] = [];
  sort.forEach((key, index) => {
    const last = after[index];
    // Nothing sorts after null in descending order, so only ties on this key could follow.
    if (key.direction === 'desc' && last === null) return;
    const field = mongoField(key.field);
    const ties = sort.slice(0, index).map((previous, i) => ({ [mongoField(previous.field)]: { $eq: after[i] } }));
    const beyond =
      last === null
        ? { [field]: { $ne: null } }
        : key.direction === 'asc'
          ? { [field]: { $gt: last } }
          : { $or: [{ [field]: { $lt: last } }, { [field]: { $eq: null } }] };
    branches.push({ $and: [...ties, beyond] });
  });
  return { $or: branches };
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** The index of the one operation an ordered bulk write stopped at when it was already applied. */
function alreadyAppliedIndex(error: unknown): number | null {
  if (!(error instanceof MongoBulkWriteError) || error.result.getWriteConcernError()) return null;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (writeErrors.length !== 1 || writeErrors[0].code !== DUPLICATE_KEY) return null;
  return writeErrors[0].index;
}
