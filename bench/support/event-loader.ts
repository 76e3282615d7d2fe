import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { planKey, planStreamId } from '@app/domain';
import { SqliteEventStore } from '@app/event-store';
import { BENCH_COUNCIL } from './synthetic-plans';

export interface StoredPlanRows {
  planId: string;
  events: Array<{ type: string; data: string; metadata: string }>;
}

export interface LoadOptions {
  /** Record time of the plan's event at `revision`; by default one minute apart from 1 April 2023. */
  recordedAt?: (revision: number) => string;
}

const LOAD_START = Date.parse('2023-04-01T09:00:00.000Z');
const ROWS_PER_TRANSACTION = 20_000;

/** The loader's default record time of the event at `revision`: one minute apart from 1 April 2023. */
export const minuteApart = (revision: number): string => new Date(LOAD_START + revision * 60_000).toISOString();

/**
 * Writes synthetic plans straight into the SQLite adapter's `events` table (the adapter creates the
 * schema first). Setup only: the port's appends, with one fsync per commit, would spend minutes of
 * the bench's budget on loading a million events, and the append benchmarks measure the port anyway.
 * Returns the number of events written.
 */
export async function loadPlans(file: string, plans: Iterable<StoredPlanRows>, options: LoadOptions = {}): Promise<number> {
  await new SqliteEventStore(file).close();
  const recordedAt = options.recordedAt ?? minuteApart;
  const db = new Database(file);
  try {
    // Durability buys nothing while loading a throw-away file; the pragma lasts for this connection only.
    db.pragma('synchronous = OFF');
    const insert = db.prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertRows = db.transaction((rows: unknown[][]) => {
      for (const row of rows) insert.run(...row);
    });
    let pending: unknown[][] = [];
    let written = 0;
    for (const { planId, events } of plans) {
      const streamId = planStreamId(planKey(BENCH_COUNCIL, planId));
      events.forEach(({ type, data, metadata }, revision) =>
        pending.push([streamId, revision, randomUUID(), type, data, metadata, recordedAt(revision)]),
      );
      if (pending.length >= ROWS_PER_TRANSACTION) {
        insertRows(pending);
        written += pending.length;
        pending = [];
      }
    }
    insertRows(pending);
    return written + pending.length;
  } finally {
    db.close();
  }
}
