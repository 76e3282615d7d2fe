import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { type StoreFault, type StoreName, StoreUnavailableError } from './store-unavailable.error';

const IN_MEMORY = ':memory:';

/** SQLite keeps committed data beside the database in WAL mode; these files are as private as it. */
const WAL_FILE_SUFFIXES = ['-wal', '-shm'];

const OWNER_ONLY = 0o600;
const GROUP_AND_OTHERS = 0o077;

/**
 * How far a commit's durability must reach. The event store's commits are the only record of what
 * happened, so each survives a power cut (FULL: an fsync per commit). The read store holds only what
 * projections derive from the events, each batch committed with the checkpoint it reached: a power
 * cut can lose its last commits, never part of one, and the projector replays them from the event
 * store. NORMAL in WAL mode keeps every commit through a process crash and skips the per-commit
 * fsync, which blocked the event loop on each of a projector's batches.
 */
const SYNCHRONOUS: Record<StoreName, 'FULL' | 'NORMAL'> = {
  'event store': 'FULL',
  'read store': 'NORMAL',
};

const WHAT_TO_DO_WITH_DAMAGE: Record<StoreName, string> = {
  'event store': 'stop the service and restore the file from a backup, since its events are kept nowhere else',
  'read store':
    'stop the service, delete the file with its -wal and -shm files, and start again to rebuild the read models from the event store',
};

interface FileIdentity {
  path: string;
  dev: number;
  ino: number;
}

/**
 * One SQLite database file of an embedded store, opened the way both stores need it: private to the
 * service's user (folder 0700, files 0600), WAL with the durability its content needs, every page checked once at
 * opening, and every storage fault turned into a `StoreUnavailableError` that names the file, says
 * what is wrong and what to do. Damage, once met, is remembered, so that `ping` (and `/health`)
 * reports it from then on.
 */
export class SqliteStoreFile {
  readonly db: Database.Database;
  private lastingFault: StoreUnavailableError | null = null;
  private readonly openedFiles: FileIdentity[];

  constructor(
    readonly path: string,
    readonly store: StoreName,
    migrate: (db: Database.Database) => void,
  ) {
    this.db = this.run(() => openPrivately(path, SYNCHRONOUS[store]));
    try {
      this.run(() => {
        migrate(this.db);
        assertPagesReadable(this.db);
        if (path !== IN_MEMORY) keepPrivate(path);
      });
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.openedFiles = path === IN_MEMORY ? [] : identify([path, ...WAL_FILE_SUFFIXES.map((suffix) => path + suffix)]);
  }

  /** Runs a read or write, turning storage faults into `StoreUnavailableError`. */
  run<T>(work: () => T): T {
    if (this.lastingFault?.fault === 'replaced') throw this.lastingFault;
    try {
      return work();
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** The `StoreUnavailableError` an error thrown by SQLite or the file system stands for, or the error itself. */
  translate(error: unknown): unknown {
    const known =
      error instanceof StoreUnavailableError ? error : this.unavailable(error);
    if (known === null) return error;
    if (known.fault === 'damaged' || known.fault === 'replaced') this.lastingFault ??= known;
    return known;
  }

  /** The sentence for a fault of this file, for errors that carry more than the fault (e.g. which event). */
  describe(fault: StoreFault, detail: string): string {
    const file = this.path;
    switch (fault) {
      case 'damaged':
        return `${file} is damaged (${detail}): ${WHAT_TO_DO_WITH_DAMAGE[this.store]}.`;
      case 'not-writable':
        return (
          `${file} cannot be opened for reading and writing (${detail}): give the user the service runs as read ` +
          `and write access to ${dirname(file)} and its files, or set DATA_DIR to a folder it may write.`
        );
      case 'disk-full':
        return `${file} cannot grow because the disk is full (${detail}): free some space; what was refused meanwhile was not saved.`;
      case 'disk-error':
        return `${file} could not be read or written (${detail}): check the disk it is on, then restart the service.`;
      case 'replaced':
        return (
          `${file} was deleted or replaced while the service was running, so what it wrote since would be lost: ` +
          `stop the service, put the ${this.store} file back from a backup, and start it again.`
        );
    }
  }

  /**
   * Throws, and remembers, when the files opened are no longer at their path: deleted or replaced
   * under the running service, whose writes would then go to a file nobody will ever open again.
   */
  assertInPlace(): void {
    if (this.lastingFault?.fault === 'replaced') throw this.lastingFault;
    const moved = this.openedFiles.find(({ path, dev, ino }) => {
      const now = statIfPresent(path);
      return now === null || now.dev !== dev || now.ino !== ino;
    });
    if (moved) {
      throw this.translate(new StoreUnavailableError(this.store, 'replaced', this.describe('replaced', `${moved.path} is gone`)));
    }
  }

  /** Resolves when the file answers and no damage has been met since it was opened. */
  ping(): void {
    if (this.lastingFault) throw this.lastingFault;
    this.run(() => this.db.prepare('SELECT 1').get());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private unavailable(error: unknown): StoreUnavailableError | null {
    const code = (error as { code?: unknown } | null)?.code;
    const fault = typeof code === 'string' ? faultOfCode(code) : null;
    if (fault === null) return null;
    return new StoreUnavailableError(this.store, fault, this.describe(fault, (error as Error).message));
  }
}

/** SQLite's result codes (better-sqlite3 gives the extended ones) and Node's file-system codes. */
function faultOfCode(code: string): StoreFault | null {
  if (code === 'SQLITE_READONLY_DBMOVED') return 'replaced';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'damaged';
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_PERM' ||
    ['EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOTDIR'].includes(code)
  ) {
    return 'not-writable';
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'disk-error';
  return null;
}

function openPrivately(path: string, synchronous: 'FULL' | 'NORMAL'): Database.Database {
  if (path !== IN_MEMORY) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // SQLite gives its -wal and -shm files the mode of the database file, so a new one is made private first.
    closeSync(openSync(path, 'a', OWNER_ONLY));
  }
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    // Another process (the projector app, a rebuild) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Reads every page once (about a second per gigabyte), so that a damaged file is named at start-up
 * rather than discovered by a user's request.
 */
function assertPagesReadable(db: Database.Database): void {
  const verdict = String(db.pragma('quick_check', { simple: true }));
  if (verdict !== 'ok') {
    throw Object.assign(new Error(verdict.split('\n')[0]), { code: 'SQLITE_CORRUPT' });
  }
}

/** Files made by earlier releases, or restored from a backup, may be readable by others. */
function keepPrivate(path: string): void {
  for (const file of [path, ...WAL_FILE_SUFFIXES.map((suffix) => path + suffix)]) {
    if (!existsSync(file)) continue;
    const mode = statSync(file).mode & 0o777;
    if (mode & GROUP_AND_OTHERS) chmodSync(file, mode & ~GROUP_AND_OTHERS);
  }
}

function identify(paths: string[]): FileIdentity[] {
  return paths.flatMap((path) => {
    const stats = statIfPresent(path);
    return stats ? [{ path, dev: stats.dev, ino: stats.ino }] : [];
  });
}

function statIfPresent(path: string): { dev: number; ino: number } | null {
  return statSync(path, { throwIfNoEntry: false }) ?? null;
}
