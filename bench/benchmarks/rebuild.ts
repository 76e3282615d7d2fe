import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@app/event-store';
import { decodePlanEvent } from '@app/projections';
import { planProjections, type Projection, rebuildProjections } from '@app/projections';
import { SqliteReadStore } from '@app/read-store';
import type { BenchOptions, BenchResult } from '../report';
import { loadPlans, type StoredPlanRows } from '../support/event-loader';
import { PlanTemplate, SEED_PLAN_LENGTH, seedShapedPlan } from '../support/synthetic-plans';

export const name = 'rebuild';

const GOAL = 0.2;
const MEMORY_LIMIT_MB = 512;
const BATCH_SIZE = 2_000;
/** The batch sizes compared at a tenth of the events, the figures behind `BATCH_SIZE`. */
const BATCH_SIZES_COMPARED = [500, 2_000, 5_000, 20_000];
const MEMORY_SAMPLE_MS = 50;
const MB = 2 ** 20;

/** Whole seed-shaped plans, and the start of one more, to make exactly `events`. */
function* plansOf(events: number): Generator<StoredPlanRows> {
  const template = new PlanTemplate((planId) => seedShapedPlan(planId));
  const wholePlans = Math.floor(events / SEED_PLAN_LENGTH);
  for (let index = 0; index < wholePlans; index++) {
    const planId = `rebuild-plan-${index}`;
    yield { planId, events: template.forPlan(planId) };
  }
  const rest = events - wholePlans * SEED_PLAN_LENGTH;
  if (rest > 0) yield { planId: 'rebuild-plan-last', events: new PlanTemplate((id) => seedShapedPlan(id, rest)).forPlan('rebuild-plan-last') };
}

/** The baseline: every event read straight from SQLite and its data and metadata parsed, nothing else. */
function scanAndParse(file: string): { eventsPerSecond: number; seconds: number } {
  const db = new Database(file, { readonly: true });
  try {
    const started = performance.now();
    let events = 0;
    for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      events++;
    }
    const seconds = (performance.now() - started) / 1000;
    return { eventsPerSecond: events / seconds, seconds };
  } finally {
    db.close();
  }
}

/** Peak resident memory while `work` runs, sampled, and the resident memory just before it. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ value: T; rssBeforeMb: number; peakRssMb: number; peakHeapMb: number }> {
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const timer = setInterval(sample, MEMORY_SAMPLE_MS);
  try {
    const value = await work();
    sample();
    return { value, rssBeforeMb: rssBefore / MB, peakRssMb: peakRss / MB, peakHeapMb: peakHeap / MB };
  } finally {
    clearInterval(timer);
  }
}

async function rebuildAll(eventsFile: string, readFile: string, projections: Projection[], batchSize: number): Promise<{ seconds: number }> {
  const eventStore = new SqliteEventStore(eventsFile);
  const readStore = new SqliteReadStore(readFile);
  try {
    const started = performance.now();
    await rebuildProjections({ eventStore, readStore, projections, decode: decodePlanEvent, batchSize });
    return { seconds: (performance.now() - started) / 1000 };
  } finally {
    await eventStore.close();
    await readStore.close();
  }
}

/**
 * Replays every event into every plan projection with `rebuildProjections`, one pass over the log
 * feeding them all, in atomic batches of `BATCH_SIZE` events; our figure is events in the store over
 * the whole replay's time. At full size it also rebuilds every projection from the first tenth of
 * the events at each of `BATCH_SIZES_COMPARED`, with the peak memory of each.
 */
export async function run({ size, workDir, log }: BenchOptions): Promise<BenchResult[]> {
  const events = size === 'full' ? 1_000_000 : 2_000;
  const eventsFile = join(workDir, 'events.db');
  log?.(`rebuild: loading ${events.toLocaleString('en-GB')} seed-shaped events`);
  const rssAtStartMb = process.memoryUsage.rss() / MB;
  const loadStarted = performance.now();
  await loadPlans(eventsFile, plansOf(events));
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const rssAfterLoadMb = process.memoryUsage.rss() / MB;

  log?.('rebuild: baseline, scanning and parsing every event');
  const baseline = scanAndParse(eventsFile);
  const baselinePerSecond = events / baseline.seconds;

  log?.(`rebuild: replaying into ${planProjections.map((p) => p.name).join(', ')}`);
  const measured = await withPeakMemory(() => rebuildAll(eventsFile, join(workDir, 'read.db'), planProjections, BATCH_SIZE));
  const figure = events / measured.value.seconds;

  const byBatchSize: Record<string, { eventsPerSecond: number; peakRssMb: number }> = {};
  if (size === 'full') {
    const sampleFile = join(workDir, 'sample-events.db');
    await loadPlans(sampleFile, plansOf(events / 10));
    for (const batchSize of BATCH_SIZES_COMPARED) {
      log?.(`rebuild: every projection, ${events / 10} events, batches of ${batchSize}`);
      const sample = await withPeakMemory(() => rebuildAll(sampleFile, join(workDir, `read-batch-${batchSize}.db`), planProjections, batchSize));
      byBatchSize[batchSize] = { eventsPerSecond: events / 10 / sample.value.seconds, peakRssMb: sample.peakRssMb };
    }
  }

  const ratio = figure / baselinePerSecond;
  return [
    {
      name,
      figure,
      unit: 'events/s',
      baseline: baselinePerSecond,
      ratio,
      goal: `ratio ≥ ${GOAL}, peak ≤ ${MEMORY_LIMIT_MB} MB`,
      met: ratio >= GOAL && measured.peakRssMb <= MEMORY_LIMIT_MB,
      details: {
        events,
        projections: planProjections.map((p) => p.name),
        batchSize: BATCH_SIZE,
        loadSeconds,
        rebuildSeconds: measured.value.seconds,
        baselineSeconds: baseline.seconds,
        peakRssMb: measured.peakRssMb,
        rssAtStartMb,
        rssAfterLoadMb,
        rssBeforeMb: measured.rssBeforeMb,
        peakHeapUsedMb: measured.peakHeapMb,
        byBatchSize,
      },
    },
  ];
}
