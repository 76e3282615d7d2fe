/**
 * The read-model port: collections of JSON documents by id, written only by the projector.
 * Every adapter passes the one contract suite in `testing/read-store.contract.ts`.
 */

export const READ_STORE = Symbol('READ_STORE');

/** A stored document. `id` is unique within its collection; the rest is plain JSON. */
export interface ReadDocument {
  id: string;
  [field: string]: unknown;
}

type Scalar = string | number | boolean | null;

/** A condition on one field (dotted paths reach into nested objects). */
export type FieldCondition =
  | Scalar
  | { $eq: Scalar }
  | { $in: Scalar[] }
  | { $gt?: Scalar; $gte?: Scalar; $lt?: Scalar; $lte?: Scalar };

export interface FindQuery {
  where?: Record<string, FieldCondition>;
  /** Sorted by these fields, then by `id`, so paging is stable. Default: by `id` ascending. */
  sort?: Array<{ field: string; direction: 'asc' | 'desc' }>;
  /** Page size; default 50, at most 1000. */
  limit?: number;
  /** Opaque cursor from a previous page's `next`. */
  cursor?: string;
}

export interface FindResult<T extends ReadDocument = ReadDocument> {
  items: T[];
  /** Cursor for the next page, or null when this page is the last. */
  next: string | null;
}

/** Which fields `getJson` leaves out of the text it gives, and which it reads beside it. */
export interface JsonFields {
  /** Top-level fields the text leaves out (the id, the engine's own fields). */
  omit: string[];
  /** Dotted paths whose values are read with the text, in the same step. */
  pick: string[];
}

/** A document as its JSON text, with a few of its values read in the same step, so that they agree. */
export interface StoredJson {
  /** The document's JSON without the omitted fields; the same document as `get` gives, less them. */
  json: string;
  /** The value at each picked path; null where the document has none. */
  picked: Record<string, unknown>;
}

export type ReadWrite =
  | { kind: 'upsert'; collection: string; document: ReadDocument }
  | { kind: 'delete'; collection: string; id: string };

export interface ProjectionCheckpoint {
  projection: string;
  /** Global position of the last event the projection has applied. */
  position: number;
  updatedAt: string;
}

export interface Lease {
  projection: string;
  owner: string;
  expiresAt: string;
}

export interface ReadStore {
  get<T extends ReadDocument = ReadDocument>(collection: string, id: string): Promise<T | null>;
  /**
   * A document as JSON text, for an answer sent as it is stored: SQLite gives the stored text (less
   * the omitted fields) without parsing it into objects and serialising it again. Null when absent.
   */
  getJson(collection: string, id: string, fields: JsonFields): Promise<StoredJson | null>;
  getMany<T extends ReadDocument = ReadDocument>(collection: string, ids: string[]): Promise<T[]>;
  find<T extends ReadDocument = ReadDocument>(collection: string, query?: FindQuery): Promise<FindResult<T>>;
  upsert(collection: string, document: ReadDocument): Promise<void>;
  delete(collection: string, id: string): Promise<void>;

  /**
   * Writes the documents and moves the projection's checkpoint in one atomic step: after a crash,
   * either all of it is there or none. A checkpoint never moves backwards: a batch whose position
   * is not past the stored checkpoint changes nothing, so a replayed batch is harmless.
   */
  applyBatch(writes: ReadWrite[], checkpoint: { projection: string; position: number }): Promise<void>;

  getCheckpoint(projection: string): Promise<ProjectionCheckpoint | null>;
  listCheckpoints(): Promise<ProjectionCheckpoint[]>;

  /** Drops the collections and the checkpoint of a projection, for a rebuild. */
  resetProjection(projection: string, collections: string[]): Promise<void>;

  /**
   * Takes or renews the lease that lets one projector instance run a projection. Returns true when
   * `owner` holds it until now + ttlMs; false while another owner's lease has not expired.
   */
  acquireLease(projection: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLease(projection: string, owner: string): Promise<void>;

  /** Creates the indexes if missing (idempotent); field maps as in MongoDB: `{ council: 1, period: -1 }`. */
  ensureIndexes(collection: string, indexes: Array<Record<string, 1 | -1>>): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
