import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFind } from '../read-query';
import type { FindQuery } from '../read-store.port';
import { findSql, SqliteReadStore } from './sqlite-read-store';

describe('SqliteReadStore', () => {
  let folder: string;
  let path: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'sqlite-read-store-'));
    path = join(folder, 'data', 'read.db');
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('creates its folder and a WAL database at the current schema version', async () => {
    const store = new SqliteReadStore(path);
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('refuses a database written by a newer version of the service', () => {
    new SqliteReadStore(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();

    expect(() => new SqliteReadStore(path)).toThrow(/newer than this build knows/);
  });

  it('drops the indexes a version 1 database shared across collections', async () => {
    new SqliteReadStore(path).close();
    const db = new Database(path);
    db.exec(`CREATE INDEX documents_by_0123456789abcdef ON documents (collection, json_extract(body, '$.council'))`);
    db.pragma('user_version = 1');
    db.close();

    await new SqliteReadStore(path).close();

    expect(indexNames(path)).toEqual([]);
  });

  it('moves the documents of a version 2 database into a rowid table, every one kept, and indexes it again on demand', async () => {
    new SqliteReadStore(path).close();
    const db = new Database(path);
    db.exec(`DROP TABLE documents;
      CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL CHECK (json_valid(body)), PRIMARY KEY (collection, id)) WITHOUT ROWID;`);
    db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)').run('plans', 'hart/plan-1', JSON.stringify({ id: 'hart/plan-1', council: 'hart' }));
    db.pragma('user_version = 2');
    db.close();

    const store = new SqliteReadStore(path);
    await store.ensureIndexes('plans', [{ council: 1 }]);
    expect(await store.get('plans', 'hart/plan-1')).toEqual({ id: 'hart/plan-1', council: 'hart' });
    expect((await store.find('plans', { where: { council: 'hart' } })).items).toHaveLength(1);
    await store.close();

    const migrated = new Database(path, { readonly: true });
    const tableSql = migrated.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'documents'`).pluck().get() as string;
    migrated.close();
    expect(tableSql).not.toMatch(/WITHOUT ROWID/);
    expect(indexNames(path)).toHaveLength(1);
  });

  describe('query plans (EXPLAIN QUERY PLAN)', () => {
    let store: SqliteReadStore;

    beforeEach(async () => {
      store = new SqliteReadStore(path);
      await store.ensureIndexes('measures', [{ council: 1, score: -1 }]);
      // The shapes the plan-view projection declares for its snapshots.
      await store.ensureIndexes('plan_snapshots', [
        { planId: 1, revision: -1 },
        { planId: 1, recordedAt: -1 },
      ]);
      await store.close();
    });

    const queryPlan = (collection: string, query: FindQuery): string => {
      const { sql, params } = findSql(collection, planFind(query));
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((step) => step.detail).join('\n');
      } finally {
        db.close();
      }
    };

    it('creates each index for its own collection only', () => {
      expect(indexNames(path).map(([, sql]) => sql.match(/WHERE collection = '([^']+)'$/)?.[1]).sort()).toEqual([
        'measures',
        'plan_snapshots',
        'plan_snapshots',
      ]);
    });

    it('answers a find on indexed fields from the collection\'s index, in index order', () => {
      const plan = queryPlan('measures', { where: { council: 'leeds' }, sort: [{ field: 'score', direction: 'desc' }] });

      expect(plan).toMatch(/SEARCH documents USING INDEX documents_of_\w+ \(<expr>=\?\)/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    });

    it('does not use another collection\'s index for the same fields', () => {
      const plan = queryPlan('other', { where: { council: 'leeds' }, sort: [{ field: 'score', direction: 'desc' }] });

      expect(plan).not.toMatch(/documents_of_/);
    });

    it('finds the newest snapshot as of an instant with one seek of the (planId, recordedAt) index', () => {
      const plan = queryPlan('plan_snapshots', {
        where: { planId: 'plan-1', recordedAt: { $lte: '2024-06-30T12:00:00.000Z' } },
        sort: [{ field: 'recordedAt', direction: 'desc' }],
        limit: 1,
      });

      expect(plan).toMatch(/SEARCH documents USING INDEX documents_of_\w+ \(<expr>=\? AND <expr>[<>]\?\)/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(plan).toBe(
        queryPlan('plan_snapshots', { where: { planId: 'plan-1', recordedAt: { $lte: '2024' } }, sort: [{ field: 'recordedAt', direction: 'desc' }] }),
      );
    });

    it('finds the newest snapshot at a revision with one seek of the (planId, revision) index', () => {
      const byRevision = queryPlan('plan_snapshots', {
        where: { planId: 'plan-1', revision: { $lte: 250 } },
        sort: [{ field: 'revision', direction: 'desc' }],
        limit: 1,
      });
      const byInstant = queryPlan('plan_snapshots', {
        where: { planId: 'plan-1', recordedAt: { $lte: '2024-06-30T12:00:00.000Z' } },
        sort: [{ field: 'recordedAt', direction: 'desc' }],
        limit: 1,
      });

      expect(byRevision).toMatch(/SEARCH documents USING INDEX documents_of_\w+ \(<expr>=\? AND <expr>[<>]\?\)/);
      expect(byRevision).not.toMatch(/TEMP B-TREE/);
      expect(byRevision.match(/documents_of_\w+/)?.[0]).not.toBe(byInstant.match(/documents_of_\w+/)?.[0]);
    });
  });

  it("seeks an index for equalities when ordered by the index's fields, where ordered by id alone it walks every document of the collection", async () => {
    const store = new SqliteReadStore(path);
    await store.ensureIndexes('series', [{ council: 1, service: 1, 'periodRange.to': 1 }]);
    await store.close();
    const db = new Database(path, { readonly: true });
    const queryPlan = (query: FindQuery): string => {
      const { sql, params } = findSql('series', planFind(query));
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((step) => step.detail).join('\n');
    };
    try {
      const where = { council: 'hart', service: 'Corporate Services' };
      const byIndexOrder = queryPlan({ where, sort: [{ field: 'service', direction: 'asc' }, { field: 'periodRange.to', direction: 'asc' }], limit: 1000 });
      const byIdAlone = queryPlan({ where, limit: 1000 });

      expect(byIndexOrder).toMatch(/SEARCH documents USING INDEX documents_of_\w+ \(<expr>=\? AND <expr>=\?\)/);
      expect(byIdAlone).not.toMatch(/documents_of_/);
    } finally {
      db.close();
    }
  });

  it('keeps every value out of the SQL text, bound as a parameter', () => {
    const { sql, params } = findSql(
      'measures',
      planFind({ where: { council: "o'brien", score: { $gt: 3 } }, sort: [{ field: 'score', direction: 'desc' }], limit: 5 }),
    );

    expect(sql).not.toContain('brien');
    expect(params).toEqual(["o'brien", 3, 6]);
  });
});

function indexNames(file: string): Array<[string, string]> {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY sql`).all() as Array<{ name: string; sql: string }>
    ).map((row) => [row.name, row.sql]);
  } finally {
    db.close();
  }
}
