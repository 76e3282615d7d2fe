/**
 * Disk damage made on purpose, for the tests of what the stores do about it. Each works on a file a
 * running store may have open, as real damage would.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';

/**
 * Zeroes the page of the database file that holds `marker` (put it in the middle of a value larger
 * than a page, so that the page is one of its overflow pages). Committed data is first moved from the
 * WAL into the file; a write afterwards makes every open connection drop its cached pages, so that
 * the next read of that value meets the damage.
 */
export function zeroPageHolding(file: string, marker: string): void {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const offset = readFileSync(file).indexOf(marker);
    if (offset < 0) throw new Error(`${marker} is not in ${file}`);
    const page = Math.floor(offset / pageSize);
    const handle = openSync(file, 'r+');
    try {
      writeSync(handle, Buffer.alloc(pageSize), 0, pageSize, page * pageSize);
    } finally {
      closeSync(handle);
    }
    // Rewriting the header as it is, a write like any other.
    db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
  } finally {
    db.close();
  }
}

/** Cuts the file to half its length, as a copy or a disk that stopped half-way would leave it. */
export function truncateToHalf(file: string): void {
  truncateSync(file, Math.floor(statSync(file).size / 2));
}
