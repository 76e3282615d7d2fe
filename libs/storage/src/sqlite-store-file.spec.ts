import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStoreFile } from './sqlite-store-file';
import { StoreUnavailableError } from './store-unavailable.error';
import { truncateToHalf, zeroPageHolding } from './testing/sqlite-damage';

const MARKER = 'the-value-that-is-damaged';
const modeOf = (path: string) => statSync(path).mode & 0o777;

function createTable(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
}

/** Opening fails with this error; the test fails if it opens. */
function openingError(path: string, store: 'event store' | 'read store' = 'event store'): StoreUnavailableError {
  try {
    new SqliteStoreFile(path, store, createTable).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreUnavailableError);
    return error as StoreUnavailableError;
  }
  throw new Error(`${path} opened`);
}

describe('SqliteStoreFile', () => {
  let folder: string;
  let path: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'sqlite-store-file-'));
    path = join(folder, 'data', 'events.db');
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function writeNotes(bodies: string[]): void {
    const file = new SqliteStoreFile(path, 'event store', createTable);
    const insert = file.db.prepare('INSERT INTO notes (body) VALUES (?)');
    for (const body of bodies) insert.run(body);
    file.close();
  }

  describe('durability', () => {
    it("makes each event store commit survive a power cut, and read store commits (derived, replayable) a process crash", () => {
      const events = new SqliteStoreFile(path, 'event store', createTable);
      const reads = new SqliteStoreFile(join(folder, 'data', 'read.db'), 'read store', createTable);
      try {
        // SQLite's codes: 2 is FULL (an fsync per commit), 1 is NORMAL (fsync at checkpoints only).
        expect(events.db.pragma('synchronous', { simple: true })).toBe(2);
        expect(reads.db.pragma('synchronous', { simple: true })).toBe(1);
        expect(reads.db.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        events.close();
        reads.close();
      }
    });
  });

  describe('privacy', () => {
    it('creates its folder for the owner only and its database, -wal and -shm files readable by the owner only', () => {
      const file = new SqliteStoreFile(path, 'event store', createTable);
      try {
        expect(modeOf(join(folder, 'data'))).toBe(0o700);
        for (const suffix of ['', '-wal', '-shm']) expect(modeOf(path + suffix)).toBe(0o600);
      } finally {
        file.close();
      }
    });

    it('takes group and other access away from a file an earlier release left readable', () => {
      writeNotes(['kept']);
      chmodSync(path, 0o644);

      new SqliteStoreFile(path, 'event store', createTable).close();

      expect(modeOf(path)).toBe(0o600);
    });
  });

  describe('a damaged file at opening', () => {
    it('names a file that is not a database and says to restore the event store from a backup', () => {
      writeFileSync(join(folder, 'garbage.db'), 'these bytes were never a database '.repeat(200));

      const error = openingError(join(folder, 'garbage.db'));

      expect(error.fault).toBe('damaged');
      expect(error.message).toBe(
        `${join(folder, 'garbage.db')} is damaged (file is not a database): stop the service and restore the file ` +
          'from a backup, since its events are kept nowhere else.',
      );
    });

    it('names a half-truncated file as damaged', () => {
      writeNotes(Array.from({ length: 200 }, (_, index) => `note ${index} ${'x'.repeat(500)}`));
      truncateToHalf(path);

      const error = openingError(path);

      expect(error.fault).toBe('damaged');
      expect(error.message).toMatch(new RegExp(`^${path} is damaged \\(database disk image is malformed\\): `));
    });

    it('finds a damaged page in the middle of the file, and tells the read store to rebuild', () => {
      writeNotes(['before', `${'a'.repeat(6000)}${MARKER}${'b'.repeat(6000)}`, 'after']);
      zeroPageHolding(path, MARKER);

      const error = openingError(path, 'read store');

      expect(error.fault).toBe('damaged');
      expect(error.message).toMatch(
        /is damaged \(.+\): stop the service, delete the file with its -wal and -shm files, and start again to rebuild the read models from the event store\.$/,
      );
    });
  });

  describe('damage met while open', () => {
    it('turns SQLite corruption into StoreUnavailableError and reports it on every ping after', () => {
      writeNotes(['before', `${'a'.repeat(6000)}${MARKER}${'b'.repeat(6000)}`]);
      const file = new SqliteStoreFile(path, 'event store', createTable);
      try {
        file.ping();
        zeroPageHolding(path, MARKER);

        expect(() => file.run(() => file.db.prepare('SELECT body FROM notes').all())).toThrow(StoreUnavailableError);
        expect(() => file.ping()).toThrow(/is damaged \(database disk image is malformed\)/);
      } finally {
        file.close();
      }
    });
  });

  describe('faults met while open', () => {
    it.each([
      ['SQLITE_FULL', 'database or disk is full', 'disk-full', 'cannot grow because the disk is full'],
      ['SQLITE_IOERR_WRITE', 'disk I/O error', 'disk-error', 'could not be read or written'],
      ['SQLITE_READONLY', 'attempt to write a readonly database', 'not-writable', 'cannot be opened for reading and writing'],
      ['EACCES', 'permission denied', 'not-writable', 'cannot be opened for reading and writing'],
    ])('turns %s into a %s sentence naming the file', (code, message, fault, sentence) => {
      const file = new SqliteStoreFile(path, 'read store', createTable);
      try {
        const failing = () => file.run(() => { throw Object.assign(new Error(message), { code }); });

        expect(failing).toThrow(StoreUnavailableError);
        expect(failing).toThrow(expect.objectContaining({ fault, store: 'read store' }));
        expect(failing).toThrow(`${path} ${sentence} (${message}): `);
        expect(() => file.ping()).not.toThrow();
      } finally {
        file.close();
      }
    });

    it('leaves errors that are not storage faults as they are', () => {
      const file = new SqliteStoreFile(path, 'event store', createTable);
      try {
        const duplicate = Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });

        expect(() => file.run(() => { throw duplicate; })).toThrow(duplicate);
      } finally {
        file.close();
      }
    });
  });

  describe('the file moved under it', () => {
    it.each([
      ['deleted', () => rmSync(path)],
      [
        'replaced',
        () => {
          writeFileSync(`${path}.new`, '');
          renameSync(`${path}.new`, path);
        },
      ],
      ['left without its WAL', () => rmSync(`${path}-wal`)],
    ])('refuses every use once the file was %s', (_, move) => {
      const file = new SqliteStoreFile(path, 'event store', createTable);
      try {
        file.assertInPlace();
        move();

        expect(() => file.assertInPlace()).toThrow(
          `${path} was deleted or replaced while the service was running, so what it wrote since would be lost`,
        );
        expect(() => file.run(() => file.db.prepare('SELECT 1').get())).toThrow(StoreUnavailableError);
        expect(() => file.ping()).toThrow(StoreUnavailableError);
      } finally {
        file.close();
      }
    });
  });
});
