import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchOptions, BenchResult } from '../report';
import { type RunningApi, withCaughtUpApi } from '../support/api-fixture';
import {
  approvedPlans,
  progressCommands,
  PLAN_COUNT,
  planIdOf,
  planPath,
  progressBody,
  progressPath,
  SMOKE_LOAD,
} from '../support/http-workload';
import { describeLoadLength, type LoadLength } from '../support/load';
import { summarise } from '../support/latency';
import { measureLoad } from '../support/measure-server';

export const name = 'read-your-writes';

const TICK_MS = 5;
/** One plain read per this many commands, to tell the lag from a read's own round trip. */
const PLAIN_READ_EVERY = 10;

interface Probes {
  lagMs: number[];
  plainReadMs: number[];
  refused: number;
}

async function timedGet(api: RunningApi, path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${api.server.url}${path}`, { headers: api.headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return performance.now() - started;
}

/** Sends command n; once it is acknowledged, reads the plan with `waitFor` its position and times that. */
async function commandThenRead(api: RunningApi, n: number, probes: Probes): Promise<void> {
  const response = await fetch(`${api.server.url}${progressPath(n)}`, {
    method: 'POST',
    headers: { ...api.headers, 'content-type': 'application/json' },
    body: JSON.stringify(progressBody(n)),
  });
  const answer = (await response.json()) as { position?: number };
  if (response.status >= 300 || typeof answer.position !== 'number') {
    probes.refused++;
    return;
  }
  const [lag, plain] = await Promise.all([
    timedGet(api, `${planPath(n)}?waitFor=${answer.position}`),
    n % PLAIN_READ_EVERY === 0 ? timedGet(api, planPath(n)) : Promise.resolve(null),
  ]);
  probes.lagMs.push(lag);
  if (plain !== null) probes.plainReadMs.push(plain);
}

/** Commands at a steady rate (open loop: the schedule does not wait for answers) for `durationMs`. */
async function driveAtRate(api: RunningApi, perSecond: number, durationMs: number): Promise<Probes> {
  const probes: Probes = { lagMs: [], plainReadMs: [], refused: 0 };
  const inFlight: Array<Promise<void>> = [];
  const started = performance.now();
  let sent = 0;
  for (let elapsed = 0; elapsed < durationMs; elapsed = performance.now() - started) {
    const due = Math.floor((elapsed / 1000) * perSecond);
    for (; sent < due; sent++) inFlight.push(commandThenRead(api, sent, probes));
    await sleep(TICK_MS);
  }
  await Promise.all(inFlight);
  return probes;
}

/**
 * How long after a command's acknowledgement its effect is readable: commands at half the command
 * rate just measured, each followed by `GET /v1/plans/{id}?waitFor=<its position>`. The time to that
 * answer includes one read's round trip, given alongside (a plain read of the same plan).
 */
export async function run({ size, workDir, log }: BenchOptions): Promise<BenchResult[]> {
  const rateDurations: LoadLength = size === 'full' ? { warmUpSeconds: 1, seconds: 3 } : SMOKE_LOAD;
  const probeMs = size === 'full' ? 8_000 : 1_000;

  log?.(`read-your-writes: starting the API over ${PLAN_COUNT} plans`);
  const { commandRate, probes } = await withCaughtUpApi(workDir, approvedPlans(), planIdOf(PLAN_COUNT - 1), async (api) => {
    log?.(`read-your-writes: measuring the command rate, ${describeLoadLength(rateDurations)}`);
    const rate = (await measureLoad(api.server, progressCommands(api.headers), rateDurations)).perSecond;
    log?.(`read-your-writes: ${Math.round(rate / 2)} commands/s, each read back with waitFor, ${probeMs} ms`);
    return { commandRate: rate, probes: await driveAtRate(api, rate / 2, probeMs) };
  });
  const lag = summarise(probes.lagMs);
  return [
    {
      name,
      figure: lag.p50,
      unit: 'ms p50 lag',
      baseline: null,
      ratio: null,
      goal: 'report p50 and p99',
      met: null,
      details: {
        lagMs: lag,
        plainReadMs: summarise(probes.plainReadMs),
        measuredCommandRate: commandRate,
        drivenCommandRate: commandRate / 2,
        refusedCommands: probes.refused,
      },
    },
  ];
}
