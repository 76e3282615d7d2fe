import { join } from 'node:path';
import type { BenchOptions, BenchResult } from '../report';
import { portAppendRate, rawSingleRowRate } from '../support/append-rates';

export const name = 'append-32';

const STREAMS = 100;
const IN_FLIGHT = 32;
const GOAL = 3;

/**
 * 32 appends in flight: the adapter commits the appends that arrive in one turn of the event loop in
 * one transaction (group commit), so one fsync serves many writers.
 */
export async function run({ size, workDir, log }: BenchOptions): Promise<BenchResult> {
  const durationMs = size === 'full' ? 5_000 : 200;
  log?.(`append-32: raw better-sqlite3 baseline for ${durationMs} ms`);
  const baseline = await rawSingleRowRate(join(workDir, 'raw.db'), STREAMS, durationMs);
  log?.(`append-32: ${IN_FLIGHT} appends in flight through the port for ${durationMs} ms`);
  const ours = await portAppendRate(join(workDir, 'port.db'), STREAMS, IN_FLIGHT, durationMs);
  const ratio = ours.eventsPerSecond / baseline.eventsPerSecond;
  return {
    name,
    figure: ours.eventsPerSecond,
    unit: 'events/s',
    baseline: baseline.eventsPerSecond,
    ratio,
    goal: `ratio ≥ ${GOAL}`,
    met: ratio >= GOAL,
    details: {
      streams: STREAMS,
      inFlight: IN_FLIGHT,
      ours,
      appendsPerTransaction: ours.events / Math.max(1, ours.transactions),
      baseline,
    },
  };
}
