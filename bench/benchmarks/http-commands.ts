import type { BenchOptions, BenchResult } from '../report';
import { withCaughtUpApi } from '../support/api-fixture';
import {
  approvedPlans,
  barePath,
  CONNECTIONS,
  loadDurations,
  PLAN_COUNT,
  planIdOf,
  progressBody,
  progressCommands,
} from '../support/http-workload';
import { describeLoadLength } from '../support/load';
import { measureBareServer, measureLoad } from '../support/measure-server';

export const name = 'http-commands';

const GOAL = 0.1;

/**
 * Progress commands through the running API (auth, validation, CommandBus, decide, group-committed
 * append, projector in the same process) against a bare Fastify route parsing the same body. A bare
 * `node:http` route is measured too: the distance between the two is what Fastify itself costs.
 */
export async function run({ size, workDir, log }: BenchOptions): Promise<BenchResult> {
  const durations = loadDurations(size);
  const bareLoad = { method: 'POST' as const, connections: CONNECTIONS, pathFor: barePath, bodyFor: progressBody };

  log?.(`http-commands: bare Fastify route, ${describeLoadLength(durations)}`);
  const bareFastify = await measureBareServer('bare-fastify', bareLoad, durations);
  log?.(`http-commands: bare node:http route, ${describeLoadLength(durations)}`);
  const bareNode = await measureBareServer('bare-node', bareLoad, durations);

  log?.(`http-commands: starting the API over ${PLAN_COUNT} plans`);
  const ours = await withCaughtUpApi(workDir, approvedPlans(), planIdOf(PLAN_COUNT - 1), (api) => {
    log?.(`http-commands: progress commands through the API, ${describeLoadLength(durations)}`);
    return measureLoad(api.server, progressCommands(api.headers), durations);
  });
  const ratio = ours.perSecond / bareFastify.perSecond;
  return {
    name,
    figure: ours.perSecond,
    unit: 'commands/s',
    baseline: bareFastify.perSecond,
    baselineUnit: 'requests/s',
    ratio,
    goal: `ratio ≥ ${GOAL}`,
    met: ratio >= GOAL && ours.non2xx === 0,
    details: {
      plans: PLAN_COUNT,
      connections: CONNECTIONS,
      load: describeLoadLength(durations),
      latencyMs: ours.latencyMs,
      ours,
      bareFastify,
      bareNode,
      fastifyShareOfNodeHttp: bareFastify.perSecond / bareNode.perSecond,
    },
  };
}
