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
import { measureBareServer, measureLoad, rateAgainst } from '../support/measure-server';

export const name = 'http-commands';

/** Against a route parsing the same body and answering 11 bytes. */
const TINY_GOAL = 0.1;
/** Against a route appending the event and rewriting the plan document: a command's physical work. */
const APPEND_AND_UPDATE_GOAL = 0.3;
/** The projector as production runs it, in a process of its own: the same goal as against the tiny route. */
const EXTERNAL_PROJECTOR_GOAL = TINY_GOAL;

/**
 * Progress commands through the running API (auth, validation, CommandBus, decide, group-committed
 * append, projector in the same process) against two bare Fastify routes: one parsing the same body
 * (a bare `node:http` route is measured beside it: the distance between the two is what Fastify
 * itself costs), and one appending one event and rewriting one plan document in one transaction on
 * the stores the API left behind. Then the same commands with the projector in a process of its own
 * (`PROJECTOR_MODE=external`, as production runs it), against the tiny route.
 */
export async function run({ size, workDir, log }: BenchOptions): Promise<BenchResult[]> {
  const durations = loadDurations(size);
  const bareLoad = { method: 'POST' as const, connections: CONNECTIONS, pathFor: barePath, bodyFor: progressBody };

  log?.(`http-commands: bare Fastify route, ${describeLoadLength(durations)}`);
  const bareFastify = await measureBareServer('bare-fastify', bareLoad, durations);
  log?.(`http-commands: bare node:http route, ${describeLoadLength(durations)}`);
  const bareNode = await measureBareServer('bare-node', bareLoad, durations);

  log?.(`http-commands: starting the API over ${PLAN_COUNT} plans`);
  const { ours, dataDir } = await withCaughtUpApi(workDir, approvedPlans(), planIdOf(PLAN_COUNT - 1), async (api) => {
    log?.(`http-commands: progress commands through the API, ${describeLoadLength(durations)}`);
    return { ours: await measureLoad(api.server, progressCommands(api.headers), durations), dataDir: api.dataDir };
  });
  log?.(`http-commands: bare route appending and rewriting the plan document, ${describeLoadLength(durations)}`);
  const appendAndUpdate = await measureBareServer('bare-command', bareLoad, durations, { DATA_DIR: dataDir });

  log?.(`http-commands: starting the API with the projector beside it (PROJECTOR_MODE=external)`);
  const external = await withCaughtUpApi(
    workDir,
    approvedPlans(),
    planIdOf(PLAN_COUNT - 1),
    async (api) => {
      log?.(`http-commands: progress commands through the API, projector outside it, ${describeLoadLength(durations)}`);
      const { result: measured, cpuMicrosPerAnswer: projectorCpuMicrosPerCommand } = await api.projector!.cpuPerAnswer(
        () => measureLoad(api.server, progressCommands(api.headers), durations),
        ({ requests }) => requests,
      );
      return { measured, projectorCpuMicrosPerCommand };
    },
    'external',
  );

  const details = { plans: PLAN_COUNT, connections: CONNECTIONS, load: describeLoadLength(durations) };
  return [
    rateAgainst(name, ours, bareFastify, {
      unit: 'commands/s',
      goal: TINY_GOAL,
      details: { ...details, bareNode, fastifyShareOfNodeHttp: bareFastify.perSecond / bareNode.perSecond },
    }),
    rateAgainst(`${name}/append-and-update`, ours, appendAndUpdate, { unit: 'commands/s', goal: APPEND_AND_UPDATE_GOAL, details }),
    rateAgainst(`${name}/external-projector`, external.measured, bareFastify, {
      unit: 'commands/s',
      goal: EXTERNAL_PROJECTOR_GOAL,
      details: {
        ...details,
        inProcessCommandsPerSecond: ours.perSecond,
        // The worker's share is spent on the other core, beside the API's own.
        projectorCpuMicrosPerCommand: external.projectorCpuMicrosPerCommand,
      },
    }),
  ];
}
