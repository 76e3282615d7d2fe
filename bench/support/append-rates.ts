import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { planKey, planStreamId } from '@app/domain';
import { type EventToAppend, SqliteEventStore } from '@app/event-store';
import type { Benchmark, BenchOptions, BenchResult } from '../report';
import { BENCH_COUNCIL, seedShapedPlan } from './synthetic-plans';

/** A progress update as the API writes thousands of: the event every append benchmark appends. */
const PROGRESS_EVENT = seedShapedPlan('append-bench')
  .reverse()
  .find(({ type }) => type === 'ProgressRecorded');
if (!PROGRESS_EVENT) throw new Error('The seed-shaped plan has no progress update to append');

function progressEvent(): EventToAppend {
  return { id: randomUUID(), ...PROGRESS_EVENT! };
}

export interface AppendRate {
  eventsPerSecond: number;
  events: number;
  seconds: number;
}

/**
 * The baseline: better-sqlite3 alone, one row per IMMEDIATE transaction, into the adapter's own
 * schema with the adapter's pragmas (WAL, synchronous=FULL), revisions tracked in memory.
 */
export async function rawSingleRowRate(file: string, streams: number, durationMs: number): Promise<AppendRate> {
  await new SqliteEventStore(file).close();
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertOne = db.transaction((stream: number, revision: number) => {
      const event = progressEvent();
      insert.run(
        planStreamId(planKey(BENCH_COUNCIL, `bench-${stream}`)),
        revision,
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        new Date().toISOString(),
      );
    }).immediate;
    const revisions = new Array<number>(streams).fill(0);
    let events = 0;
    const started = performance.now();
    const deadline = started + durationMs;
    while (performance.now() < deadline) {
      const stream = events % streams;
      insertOne(stream, revisions[stream]++);
      events++;
    }
    const seconds = (performance.now() - started) / 1000;
    return { eventsPerSecond: events / seconds, events, seconds };
  } finally {
    db.close();
  }
}

/**
 * Our figure: one event per `appendToStream` with its exact expected revision, through the port, by
 * `inFlight` writers each owning its own streams (so none races another) and awaiting each append.
 */
export async function portAppendRate(
  file: string,
  streams: number,
  inFlight: number,
  durationMs: number,
): Promise<AppendRate & { transactions: number }> {
  const store = new SqliteEventStore(file);
  try {
    const heads = new Array<number | null>(streams).fill(null);
    let events = 0;
    const started = performance.now();
    const deadline = started + durationMs;
    const writer = async (index: number) => {
      const owned = Array.from({ length: streams }, (_, stream) => stream).filter((stream) => stream % inFlight === index);
      for (let turn = 0; performance.now() < deadline; turn++) {
        const stream = owned[turn % owned.length];
        const head = heads[stream];
        const result = await store.appendToStream(planStreamId(planKey(BENCH_COUNCIL, `bench-${stream}`)), [progressEvent()], {
          expectedRevision: head ?? 'no_stream',
        });
        heads[stream] = result.nextRevision;
        events++;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, (_, index) => writer(index)));
    const seconds = (performance.now() - started) / 1000;
    return { eventsPerSecond: events / seconds, events, seconds, transactions: store.committedTransactions };
  } finally {
    await store.close();
  }
}

/**
 * An append benchmark: `inFlight` writers through the event-store port against the raw single-row
 * baseline, measured in the same run.
 */
export function appendBenchmark(name: string, inFlight: number, goal: number): Benchmark {
  const streams = 100;
  return {
    name,
    async run({ size, workDir, log }: BenchOptions): Promise<BenchResult[]> {
      const durationMs = size === 'full' ? 5_000 : 200;
      log?.(`${name}: raw better-sqlite3 baseline for ${durationMs} ms`);
      const baseline = await rawSingleRowRate(join(workDir, 'raw.db'), streams, durationMs);
      log?.(`${name}: ${inFlight} append(s) in flight through the port for ${durationMs} ms`);
      const ours = await portAppendRate(join(workDir, 'port.db'), streams, inFlight, durationMs);
      const ratio = ours.eventsPerSecond / baseline.eventsPerSecond;
      return [
        {
          name,
          figure: ours.eventsPerSecond,
          unit: 'events/s',
          baseline: baseline.eventsPerSecond,
          ratio,
          goal: `ratio ≥ ${goal}`,
          met: ratio >= goal,
          details: {
            streams,
            inFlight,
            ours,
            appendsPerTransaction: ours.events / Math.max(1, ours.transactions),
            baseline,
          },
        },
      ];
    },
  };
}
