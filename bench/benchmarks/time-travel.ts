import { PLAN_SNAPSHOT_INTERVAL } from '@app/projections';
import type { BenchOptions, BenchResult } from '../report';
import { type RunningApi, withCaughtUpApi } from '../support/api-fixture';
import { minuteApart, type StoredPlanRows } from '../support/event-loader';
import { type SequentialGets, timeSequentialGets } from '../support/latency';
import { PlanTemplate, seedShapedPlan } from '../support/synthetic-plans';

export const name = 'time-travel';

const GOAL = 1.5;
const HALF_A_MINUTE_MS = 30_000;

const timeTravelPlanId = (events: number) => `time-travel-${events}`;

/** Between the event at `revision` and the next: the plan as of then holds events 0..revision. */
const instantAfter = (revision: number): string => new Date(Date.parse(minuteApart(revision)) + HALF_A_MINUTE_MS).toISOString();

/** A deterministic spread of revisions over the whole plan, so every size is asked the same mix. */
const spreadRevision = (n: number, events: number): number => Math.floor(((n * 0.6180339887) % 1) * events);

/** Sequential gets, and the server's CPU time per answer (from /proc), which other load on the machine blurs least. */
type TimedAsOf = SequentialGets & { serverCpuMicrosPerAnswer: number | null };

async function timeAsOf(api: RunningApi, pathFor: (n: number) => string, durationMs: number): Promise<TimedAsOf> {
  const { result, cpuMicrosPerAnswer } = await api.server.cpuPerAnswer(
    () => timeSequentialGets(api.server.url, pathFor, api.headers, durationMs),
    ({ samples }) => samples,
  );
  return { ...result, serverCpuMicrosPerAnswer: cpuMicrosPerAnswer };
}

function* timeTravelPlans(lengths: number[]): Generator<StoredPlanRows> {
  for (const events of lengths) {
    const planId = timeTravelPlanId(events);
    yield { planId, events: new PlanTemplate((id) => seedShapedPlan(id, events)).forPlan(planId) };
  }
}

/**
 * `GET /v1/plans/{id}?asOf=` on plans of 100, 1,000 and 10,000 events (events a minute apart), at
 * instants spread over each plan's life, one request at a time. The plan is rebuilt from the newest
 * snapshot at or before the instant, so its length should not matter. On the longest plan it also
 * times an instant just after a snapshot against one 99 events after it: the cost the snapshot
 * interval bounds.
 */
export async function run({ size, workDir, log }: BenchOptions): Promise<BenchResult[]> {
  const lengths = size === 'full' ? [100, 1_000, 10_000] : [100, 300, 1_000];
  const durationMs = size === 'full' ? 3_000 : 300;
  const [shortest, middle, longest] = lengths;

  log?.(`time-travel: starting the API over plans of ${lengths.join(', ')} events`);
  const { latencies, justAfterSnapshot, fullIntervalAfterSnapshot } = await withCaughtUpApi(
    workDir,
    timeTravelPlans(lengths),
    timeTravelPlanId(longest),
    async (api) => {
      const asOfPath = (events: number, revision: number) => `/v1/plans/${timeTravelPlanId(events)}?asOf=${instantAfter(revision)}`;
      const timed: Record<number, TimedAsOf> = {};
      for (const events of [...lengths, shortest]) {
        // The shortest plan is timed first as a warm-up and again last; the second timing counts.
        log?.(`time-travel: asOf on the ${events}-event plan, ${durationMs} ms`);
        timed[events] = await timeAsOf(api, (n) => asOfPath(events, spreadRevision(n, events)), durationMs);
      }
      const lastSnapshot = Math.floor(longest / PLAN_SNAPSHOT_INTERVAL) * PLAN_SNAPSHOT_INTERVAL - 1;
      log?.('time-travel: just after a snapshot, and a whole interval after one');
      return {
        latencies: timed,
        justAfterSnapshot: await timeAsOf(api, () => asOfPath(longest, lastSnapshot), durationMs),
        fullIntervalAfterSnapshot: await timeAsOf(api, () => asOfPath(longest, lastSnapshot - 1), durationMs),
      };
    },
  );

  const figure = latencies[longest].p50;
  const baseline = latencies[shortest].p50;
  const ratio = figure / baseline;
  const [longestCpu, shortestCpu] = [latencies[longest].serverCpuMicrosPerAnswer, latencies[shortest].serverCpuMicrosPerAnswer];
  return [
    {
      name,
      figure,
      unit: `ms p50 (${longest.toLocaleString('en-GB')} events)`,
      baseline,
      baselineUnit: `ms p50 (${shortest} events)`,
      ratio,
      goal: `ratio ≤ ${GOAL}`,
      met: ratio <= GOAL,
      details: {
        latencyMsByPlanLength: latencies,
        // The same comparison in server CPU per answer; the answers' sizes say whether like is compared with like.
        cpuRatio: longestCpu === null || shortestCpu === null ? null : longestCpu / shortestCpu,
        // A plan's view stops growing once its first year is recorded (progress keeps one entry per
        // period), so at full size the middle plan's answers are about the size of the longest plan's,
        // while the shortest plan's, spread over its drafting, are a third of that (`meanAnswerBytes`):
        // against the middle plan, mostly the stream's length differs.
        againstLikeSizedAnswers: { events: middle, ratio: figure / latencies[middle].p50 },
        snapshotInterval: PLAN_SNAPSHOT_INTERVAL,
        eventsReplayedAfterSnapshot: { 0: justAfterSnapshot, [PLAN_SNAPSHOT_INTERVAL - 1]: fullIntervalAfterSnapshot },
        replayMsPerEvent: (fullIntervalAfterSnapshot.p50 - justAfterSnapshot.p50) / (PLAN_SNAPSHOT_INTERVAL - 1),
      },
    },
  ];
}
