import { join } from 'node:path';
import type { BenchOptions, BenchResult } from '../report';
import { portAppendRate, rawSingleRowRate } from '../support/append-rates';

export const name = 'append';

const STREAMS = 100;
const GOAL = 0.8;

/** One event per append, awaited before the next: what a single writer gets from the SQLite adapter. */
export async function run({ size, workDir, log }: BenchOptions): Promise<BenchResult> {
  const durationMs = size === 'full' ? 5_000 : 200;
  log?.(`append: raw better-sqlite3 baseline for ${durationMs} ms`);
  const baseline = await rawSingleRowRate(join(workDir, 'raw.db'), STREAMS, durationMs);
  log?.(`append: through the event-store port for ${durationMs} ms`);
  const ours = await portAppendRate(join(workDir, 'port.db'), STREAMS, 1, durationMs);
  const ratio = ours.eventsPerSecond / baseline.eventsPerSecond;
  return {
    name,
    figure: ours.eventsPerSecond,
    unit: 'events/s',
    baseline: baseline.eventsPerSecond,
    ratio,
    goal: `ratio ≥ ${GOAL}`,
    met: ratio >= GOAL,
    details: { streams: STREAMS, inFlight: 1, ours, baseline },
  };
}
