import type { BenchOptions, BenchResult } from '../report';
import { withCaughtUpApi } from '../support/api-fixture';
import { approvedPlans, barePath, CONNECTIONS, loadDurations, PLAN_COUNT, planIdOf, planPath } from '../support/http-workload';
import { describeLoadLength } from '../support/load';
import { measureBareServer, measureLoad, rateAgainst } from '../support/measure-server';

export const name = 'http-reads';

/** Against a route answering 11 bytes: what the framework and the network stack cost per request. */
const TINY_GOAL = 0.15;
/** Against a route sending the same stored plan bytes: what our read adds to the physical work. */
const SAME_BYTES_GOAL = 0.5;

/**
 * `GET /v1/plans/{id}` (auth, access, the plan-view document from the read store, ETag) against two
 * bare Fastify GETs: a tiny answer, and the same stored plan document read from the API's own read
 * store file and sent as its text.
 */
export async function run({ size, workDir, log }: BenchOptions): Promise<BenchResult[]> {
  const durations = loadDurations(size);
  const load = { method: 'GET' as const, connections: CONNECTIONS, pathFor: barePath };
  log?.(`http-reads: bare Fastify route, ${describeLoadLength(durations)}`);
  const tiny = await measureBareServer('bare-fastify', load, durations);

  log?.(`http-reads: starting the API over ${PLAN_COUNT} plans`);
  const { ours, dataDir } = await withCaughtUpApi(workDir, approvedPlans(), planIdOf(PLAN_COUNT - 1), async (api) => {
    log?.(`http-reads: GET /v1/plans/{id} through the API, ${describeLoadLength(durations)}`);
    const measured = await measureLoad(api.server, { ...load, headers: api.headers, pathFor: planPath }, durations);
    return { ours: measured, dataDir: api.dataDir };
  });
  log?.(`http-reads: bare Fastify route sending the stored plan documents, ${describeLoadLength(durations)}`);
  const sameBytes = await measureBareServer('bare-plan-read', load, durations, { DATA_DIR: dataDir });

  const details = { plans: PLAN_COUNT, connections: CONNECTIONS, load: describeLoadLength(durations) };
  return [
    rateAgainst(name, ours, tiny, { unit: 'reads/s', goal: TINY_GOAL, details }),
    rateAgainst(`${name}/same-bytes`, ours, sameBytes, { unit: 'reads/s', goal: SAME_BYTES_GOAL, details }),
  ];
}
