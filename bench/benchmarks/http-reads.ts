import type { BenchOptions, BenchResult } from '../report';
import { withCaughtUpApi } from '../support/api-fixture';
import { approvedPlans, barePath, CONNECTIONS, loadDurations, PLAN_COUNT, planIdOf, planPath } from '../support/http-workload';
import { describeLoadLength } from '../support/load';
import { measureBareServer, measureLoad } from '../support/measure-server';

export const name = 'http-reads';

const GOAL = 0.3;

/** `GET /v1/plans/{id}` (auth, the plan-view document from the read store) against a bare Fastify GET. */
export async function run({ size, workDir, log }: BenchOptions): Promise<BenchResult> {
  const durations = loadDurations(size);
  log?.(`http-reads: bare Fastify route, ${describeLoadLength(durations)}`);
  const bare = await measureBareServer('bare-fastify', { method: 'GET', connections: CONNECTIONS, pathFor: barePath }, durations);

  log?.(`http-reads: starting the API over ${PLAN_COUNT} plans`);
  const ours = await withCaughtUpApi(workDir, approvedPlans(), planIdOf(PLAN_COUNT - 1), (api) => {
    log?.(`http-reads: GET /v1/plans/{id} through the API, ${describeLoadLength(durations)}`);
    return measureLoad(api.server, { method: 'GET', connections: CONNECTIONS, headers: api.headers, pathFor: planPath }, durations);
  });
  const ratio = ours.perSecond / bare.perSecond;
  return {
    name,
    figure: ours.perSecond,
    unit: 'reads/s',
    baseline: bare.perSecond,
    baselineUnit: 'requests/s',
    ratio,
    goal: `ratio ≥ ${GOAL}`,
    met: ratio >= GOAL && ours.non2xx === 0,
    details: { plans: PLAN_COUNT, connections: CONNECTIONS, load: describeLoadLength(durations), latencyMs: ours.latencyMs, ours, bare },
  };
}
