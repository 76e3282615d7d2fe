import type Database from 'better-sqlite3';
import { SqliteStoreFile } from '@app/storage';
import { createHash } from 'node:crypto';
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
  toPage,
} from '../read-query';
import { InvalidReadDocumentError } from '../read-store.errors';
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

export const DEFAULT_READ_DB_PATH = './data/read.db';

/**
 * One `documents` table keyed by (collection, id) rather than a table per collection: collections
 * come and go with projection versions, so this needs no DDL on first write, no identifier quoting
 * of collection names, and a rebuild is a plain DELETE inside the same transaction as the
 * checkpoint. Indexes are partial, one collection each (`ensureIndexes`), so a row is indexed only
 * for its own collection's fields.
 *
 * Each entry is one schema version; `user_version` records how many have been applied.
 */
const MIGRATIONS: ReadonlyArray<(db: Database.Database) => void> = [
  (db) =>
    db.exec(`CREATE TABLE documents (
       collection TEXT NOT NULL,
       id TEXT NOT NULL,
       body TEXT NOT NULL CHECK (json_valid(body)),
       PRIMARY KEY (collection, id)
     ) WITHOUT ROWID;
     CREATE TABLE checkpoints (
       projection TEXT PRIMARY KEY,
       position INTEGER NOT NULL,
       updated_at TEXT NOT NULL
     ) WITHOUT ROWID;
     CREATE TABLE leases (
       projection TEXT PRIMARY KEY,
       owner TEXT NOT NULL,
       expires_at INTEGER NOT NULL
     ) WITHOUT ROWID;`),
  // Version 1's indexes covered every collection; their partial successors come from ensureIndexes.
  (db) => {
    const shared = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'documents' AND substr(name, 1, 13) = 'documents_by_'`)
      .pluck()
      .all() as string[];
    for (const name of shared) db.exec(`DROP INDEX ${name}`);
  },
  // Documents are tens of kilobytes (a plan view 70-80 KB), and a WITHOUT ROWID table keeps each row
  // inside its primary key's B-tree, where SQLite suits rows under a twentieth of a page: an upsert
  // of an 80 KB body took 195 µs there against 131 µs in a rowid table, and a lookup 75 against 25 µs.
  // Dropping the old table drops its partial indexes; each projection ensures its own on start.
  (db) =>
    db.exec(`CREATE TABLE documents_in_rowid_table (
       collection TEXT NOT NULL,
       id TEXT NOT NULL,
       body TEXT NOT NULL CHECK (json_valid(body)),
       UNIQUE (collection, id)
     );
     INSERT INTO documents_in_rowid_table (collection, id, body) SELECT collection, id, body FROM documents;
     DROP TABLE documents;
     ALTER TABLE documents_in_rowid_table RENAME TO documents;`),
];

/** Prepared statements built per query shape (finds, JSON reads), kept per SQL text. */
const MAX_CACHED_STATEMENTS = 256;

const RANGE_SQL = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

interface CheckpointRow {
  projection: string;
  position: number;
  updated_at: string;
}

/** Storage faults (a damaged, unwritable or full file) reject as `StoreUnavailableError`, naming the file. */
export class SqliteReadStore implements ReadStore {
  private readonly file: SqliteStoreFile;
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteReadStore['prepareStatements']>;
  private readonly shapedStatements = new Map<string, Database.Statement>();
  private readonly applyBatchTransaction: Database.Transaction<(writes: ReadWrite[], checkpoint: { projection: string; position: number }) => void>;

  constructor(readonly path: string = DEFAULT_READ_DB_PATH) {
    this.file = new SqliteStoreFile(path, 'read store', (db) => migrate(db, path));
    this.db = this.file.db;
    this.statements = this.prepareStatements();
    this.applyBatchTransaction = this.db.transaction((writes: ReadWrite[], checkpoint: { projection: string; position: number }) => {
      const stored = this.statements.selectCheckpoint.get(checkpoint.projection) as CheckpointRow | undefined;
      if (stored && stored.position >= checkpoint.position) return;
      // Validating inside the transaction: a bad write rolls back the writes before it.
      for (const write of writes) this.write(write);
      this.statements.upsertCheckpoint.run(checkpoint.projection, checkpoint.position, new Date().toISOString());
    });
  }

  async get<T extends ReadDocument = ReadDocument>(collection: string, id: string): Promise<T | null> {
    assertCollectionName(collection);
    const row = this.file.run(() => this.statements.selectDocument.get(collection, id)) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as T) : null;
  }

  /**
   * The stored text with the omitted fields taken out and the picked values read by SQLite's JSON
   * functions, in one statement: one parse in C, and no JavaScript object of the document at all.
   */
  async getJson(collection: string, id: string, fields: JsonFields): Promise<StoredJson | null> {
    assertCollectionName(collection);
    assertJsonFields(fields);
    const row = this.file.run(() => this.shapedStatement(getJsonSql(fields)).get(collection, id)) as
      | { json: string; picked: string }
      | undefined;
    return row ? { json: row.json, picked: JSON.parse(row.picked) as Record<string, unknown> } : null;
  }

  async getMany<T extends ReadDocument = ReadDocument>(collection: string, ids: string[]): Promise<T[]> {
    assertCollectionName(collection);
    const rows = this.file.run(() => this.statements.selectDocuments.all(collection, JSON.stringify(ids))) as Array<{
      id: string;
      body: string;
    }>;
    const byId = new Map(rows.map((row) => [row.id, JSON.parse(row.body) as T]));
    return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
  }

  async find<T extends ReadDocument = ReadDocument>(collection: string, query?: FindQuery): Promise<FindResult<T>> {
    assertCollectionName(collection);
    const plan = planFind(query);
    const { sql, params } = findSql(collection, plan);
    const rows = this.file.run(() => this.shapedStatement(sql).all(...params)) as Array<{ body: string }>;
    return toPage(
      rows.map((row) => JSON.parse(row.body) as T),
      plan,
    );
  }

  async upsert(collection: string, document: ReadDocument): Promise<void> {
    this.write({ kind: 'upsert', collection, document });
  }

  async delete(collection: string, id: string): Promise<void> {
    this.write({ kind: 'delete', collection, id });
  }

  async applyBatch(writes: ReadWrite[], checkpoint: { projection: string; position: number }): Promise<void> {
    assertProjectionName(checkpoint.projection);
    assertCheckpointPosition(checkpoint.position);
    // IMMEDIATE takes the write lock before reading the checkpoint, so the guard cannot go stale.
    this.file.run(() => this.applyBatchTransaction.immediate(writes, checkpoint));
  }

  async getCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    const row = this.file.run(() => this.statements.selectCheckpoint.get(projection)) as CheckpointRow | undefined;
    return row ? toCheckpoint(row) : null;
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    return (this.file.run(() => this.statements.selectCheckpoints.all()) as CheckpointRow[]).map(toCheckpoint);
  }

  async resetProjection(projection: string, collections: string[]): Promise<void> {
    assertProjectionName(projection);
    collections.forEach(assertCollectionName);
    this.file.run(() =>
      this.db
        .transaction(() => {
          for (const collection of collections) this.statements.deleteCollection.run(collection);
          this.statements.deleteCheckpoint.run(projection);
        })
        .immediate(),
    );
  }

  async acquireLease(projection: string, owner: string, ttlMs: number): Promise<boolean> {
    assertLeaseRequest(projection, owner, ttlMs);
    const now = Date.now();
    const result = this.file.run(() => this.statements.takeLease.run({ projection, owner, now, expiresAt: now + ttlMs }));
    return result.changes === 1;
  }

  async releaseLease(projection: string, owner: string): Promise<void> {
    this.file.run(() => this.statements.deleteLease.run(projection, owner));
  }

  /**
   * Partial indexes, one collection each: a row is indexed only for its own collection's fields, so
   * a write costs the indexes of its collection and no other. The collection name passed
   * `assertCollectionName` (letters, digits, "_", "-"), so it is safe as a quoted literal, which the
   * planner needs to match a query to a partial index (see `findSql`).
   */
  async ensureIndexes(collection: string, indexes: Array<Record<string, 1 | -1>>): Promise<void> {
    assertCollectionName(collection);
    indexes.forEach(assertIndexSpec);
    for (const index of indexes) {
      const keys = Object.entries(index);
      const name = `documents_of_${createHash('sha256').update(JSON.stringify([collection, keys])).digest('hex').slice(0, 16)}`;
      const columns = keys.map(([field, direction]) => `${fieldSql(field)} ${direction === 1 ? 'ASC' : 'DESC'}`);
      // Every find sorts by `id` last, and an index entry carries only the rowid beside its columns,
      // so `id` is named here for the index to give the order without sorting.
      if (!('id' in index)) columns.push('id ASC');
      const sql = `CREATE INDEX IF NOT EXISTS ${name} ON documents (${columns.join(', ')}) WHERE collection = '${collection}'`;
      this.file.run(() => this.db.exec(sql));
    }
  }

  async ping(): Promise<void> {
    this.file.ping();
  }

  async close(): Promise<void> {
    this.file.close();
  }

  /** Also runs inside `applyBatch`'s transaction, whose caller translates storage faults. */
  private write(write: ReadWrite): void {
    assertReadWrite(write);
    if (write.kind === 'delete') {
      this.file.run(() => this.statements.deleteDocument.run(write.collection, write.id));
      return;
    }
    const body = serialize(write.collection, write.document);
    this.file.run(() => this.statements.upsertDocument.run(write.collection, write.document.id, body));
  }

  /** A find's SQL names the collection, a JSON read's its fields, so statements are cached per shape. */
  private shapedStatement(sql: string): Database.Statement {
    let statement = this.shapedStatements.get(sql);
    if (statement) {
      // Re-inserted so that the least recently used statement is the first to go.
      this.shapedStatements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.shapedStatements.size >= MAX_CACHED_STATEMENTS) this.shapedStatements.delete(this.shapedStatements.keys().next().value!);
    }
    this.shapedStatements.set(sql, statement);
    return statement;
  }

  private prepareStatements() {
    return {
      selectDocument: this.db.prepare('SELECT body FROM documents WHERE collection = ? AND id = ?'),
      selectDocuments: this.db.prepare(
        'SELECT id, body FROM documents WHERE collection = ? AND id IN (SELECT value FROM json_each(?))',
      ),
      upsertDocument: this.db.prepare(
        `INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body`,
      ),
      deleteDocument: this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      deleteCollection: this.db.prepare('DELETE FROM documents WHERE collection = ?'),
      selectCheckpoint: this.db.prepare('SELECT projection, position, updated_at FROM checkpoints WHERE projection = ?'),
      selectCheckpoints: this.db.prepare('SELECT projection, position, updated_at FROM checkpoints ORDER BY projection'),
      upsertCheckpoint: this.db.prepare(
        `INSERT INTO checkpoints (projection, position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (projection) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      ),
      deleteCheckpoint: this.db.prepare('DELETE FROM checkpoints WHERE projection = ?'),
      takeLease: this.db.prepare(
        `INSERT INTO leases (projection, owner, expires_at) VALUES (@projection, @owner, @expiresAt)
         ON CONFLICT (projection) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE leases.owner = excluded.owner OR leases.expires_at <= @now`,
      ),
      deleteLease: this.db.prepare('DELETE FROM leases WHERE projection = ? AND owner = ?'),
    };
  }
}

function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `${path} has read-store schema version ${version}, newer than this build knows (${MIGRATIONS.length}): upgrade the service`,
    );
  }
  db.transaction(() => {
    for (const migration of MIGRATIONS.slice(version)) migration(db);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

function toCheckpoint(row: CheckpointRow): ProjectionCheckpoint {
  return { projection: row.projection, position: row.position, updatedAt: row.updated_at };
}

function serialize(collection: string, document: ReadDocument): string {
  try {
    return JSON.stringify(document);
  } catch (error) {
    throw new InvalidReadDocumentError(
      `Document ${document.id} in collection ${collection} cannot be stored as JSON: ${(error as Error).message}`,
    );
  }
}

/**
 * The SQL of a JSON read. The fields passed `assertJsonFields` (letters, digits, "_" and dots), so
 * they are safe inside the quoted JSON paths; `->` keeps each picked value's JSON type in the object.
 */
function getJsonSql({ omit, pick }: JsonFields): string {
  const json = omit.length === 0 ? 'body' : `json_remove(body, ${omit.map((field) => `'$.${field}'`).join(', ')})`;
  const picked = `json_object(${pick.map((path) => `'${path}', body -> '$.${path}'`).join(', ')})`;
  return `SELECT ${json} AS json, ${picked} AS picked FROM documents WHERE collection = ? AND id = ?`;
}

/**
 * The SQL for one page. Values are always bound. The collection (checked by `assertCollectionName`)
 * and field paths (checked by `assertFieldPath`: letters, digits, "_" and dots) are embedded: SQLite
 * matches a partial index only to a literal `collection = '...'`, and an expression index only to
 * the same `fieldSql` text that `ensureIndexes` used.
 */
export function findSql(collection: string, plan: PlannedFind): { sql: string; params: unknown[] } {
  assertCollectionName(collection);
  const params: unknown[] = [];
  const conditions = [`collection = '${collection}'`];
  for (const filter of plan.filters) conditions.push(filterSql(filter, params));
  if (plan.after) conditions.push(afterSql(plan.sort, plan.after, params));
  const order = plan.sort.map((key) => `${fieldSql(key.field)} ${key.direction === 'asc' ? 'ASC' : 'DESC'}`);
  params.push(plan.limit + 1);
  return {
    sql: `SELECT body FROM documents WHERE ${conditions.join(' AND ')} ORDER BY ${order.join(', ')} LIMIT ?`,
    params,
  };
}

function fieldSql(path: string): string {
  return path === 'id' ? 'id' : `json_extract(body, '$.${path}')`;
}

/**
 * Like MongoDB, a comparison only matches values of the bound's JSON type: without this, SQLite
 * would find `true` for `= 1` and numbers for `< '2024-01-01'`.
 */
function hasTypeOf(path: string, value: string | number | boolean): string {
  if (path === 'id') return typeof value === 'string' ? '1' : '0';
  const types =
    typeof value === 'number' ? `'integer', 'real'` : typeof value === 'string' ? `'text'` : value ? `'true'` : `'false'`;
  return `json_type(body, '$.${path}') IN (${types})`;
}

function filterSql(filter: FieldFilter, params: unknown[]): string {
  switch (filter.kind) {
    case 'equals':
      return equalsSql(filter.path, filter.value, params);
    case 'oneOf':
      return filter.values.length === 0
        ? '0'
        : `(${filter.values.map((value) => equalsSql(filter.path, value, params)).join(' OR ')})`;
    case 'range':
      return filter.bounds
        .map(({ operator, value }) => {
          params.push(value);
          return `(${fieldSql(filter.path)} ${RANGE_SQL[operator]} ? AND ${hasTypeOf(filter.path, value)})`;
        })
        .join(' AND ');
  }
}

/** `null` matches a missing field too, as in MongoDB. */
function equalsSql(path: string, value: string | number | boolean | null, params: unknown[]): string {
  if (value === null) return `${fieldSql(path)} IS NULL`;
  if (typeof value === 'boolean') return hasTypeOf(path, value);
  params.push(value);
  return `(${fieldSql(path)} = ? AND ${hasTypeOf(path, value)})`;
}

/**
 * Keyset paging: rows strictly after the previous page's last row in sort order, spelled out as
 * "first k-1 keys equal and key k beyond". NULL (a missing field) sorts first, as in ORDER BY.
 */
function afterSql(sort: SortKey[], after: unknown[], params: unknown[]): string {
  const branches: string[] = [];
  sort.forEach((key, index) => {
    const last = after[index];
    // Nothing sorts after NULL in descending order, so only ties on this key could follow.
    if (key.direction === 'desc' && last === null) return;
    const parts = sort.slice(0, index).map((previous, i) => sameSql(previous.field, after[i], params));
    const field = fieldSql(key.field);
    if (last === null) {
      parts.push(`${field} IS NOT NULL`);
    } else {
      params.push(toSqlValue(last));
      parts.push(key.direction === 'asc' ? `${field} > ?` : `(${field} < ? OR ${field} IS NULL)`);
    }
    branches.push(`(${parts.join(' AND ')})`);
  });
  return `(${branches.join(' OR ')})`;
}

function sameSql(path: string, value: unknown, params: unknown[]): string {
  if (value === null) return `${fieldSql(path)} IS NULL`;
  params.push(toSqlValue(value));
  return `${fieldSql(path)} = ?`;
}

/** What `json_extract` returns for the value, so cursor values compare as the rows were sorted. */
function toSqlValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return value;
}
