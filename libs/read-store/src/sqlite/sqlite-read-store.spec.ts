import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFind } from '../read-query';
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
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database written by a newer version of the service', () => {
    new SqliteReadStore(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();

    expect(() => new SqliteReadStore(path)).toThrow(/newer than this build knows/);
  });

  it('answers finds on indexed fields from the index ensureIndexes created', async () => {
    const store = new SqliteReadStore(path);
    await store.ensureIndexes('measures', [{ council: 1, score: -1 }]);
    await store.close();
    const { sql, params } = findSql(
      'measures',
      planFind({ where: { council: 'leeds' }, sort: [{ field: 'score', direction: 'desc' }] }),
    );

    const db = new Database(path, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
    db.close();

    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INDEX documents_by_/);
  });
});
