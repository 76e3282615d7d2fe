import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mintTestToken } from '../../test/support/tokens';
import { loadPlans, type StoredPlanRows } from './event-loader';
import { ServerProcess } from './server-process';
import { BENCH_COUNCIL } from './synthetic-plans';

const CATCH_UP_TIMEOUT_MS = 300_000;

/** The real API in a child process over embedded stores preloaded with plans, and a token for them. */
export interface RunningApi {
  server: ServerProcess;
  /** The projection worker beside the API when the projector runs outside it (`PROJECTOR_MODE=external`). */
  projector: ServerProcess | null;
  dataDir: string;
  /** A caller of the plans' council who may record progress, read plans and read them `asOf`. */
  headers: Record<string, string>;
  eventsLoaded: number;
}

/** Where the projector runs: inside the API (as embedded by default) or as `apps/projector` beside it. */
export type ProjectorPlacement = 'in-process' | 'external';

async function startApiWithPlans(workDir: string, plans: Iterable<StoredPlanRows>, placement: ProjectorPlacement): Promise<RunningApi> {
  // Each placement has stores of its own, so that one benchmark can measure both.
  const dataDir = join(workDir, placement === 'in-process' ? 'api-data' : 'api-data-external');
  const eventsLoaded = await loadPlans(join(dataDir, 'events.db'), plans);
  const token = await mintTestToken(dataDir, { roles: ['officer', 'auditor'], council: BENCH_COUNCIL, name: 'Bench Caller' });
  const env = {
    DATA_DIR: dataDir,
    // Production logging (one line per request) into /dev/null; a limit no benchmark reaches.
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '100000000',
    PROJECTOR_MODE: placement,
  };
  const projector = placement === 'external' ? await ServerProcess.start('projector', env) : null;
  try {
    const server = await ServerProcess.start('api', env);
    return { server, projector, dataDir, headers: { authorization: `Bearer ${token}` }, eventsLoaded };
  } catch (error) {
    await projector?.stop();
    throw error;
  }
}

/** Waits until the API's projections have applied every preloaded event, using `waitFor` itself. */
async function waitForProjections(api: RunningApi, planId: string): Promise<void> {
  const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
  for (;;) {
    const response = await fetch(`${api.server.url}/v1/plans/${planId}?waitFor=${api.eventsLoaded}`, { headers: api.headers });
    await response.arrayBuffer();
    if (response.status === 200) return;
    if (response.status !== 503 || Date.now() > deadline) {
      throw new Error(`The API's projections did not catch up to the preloaded events: ${response.status}`);
    }
    await sleep(200);
  }
}

/**
 * Runs `use` against the API over `plans` once its projections have applied them all (`lastPlanId`
 * is the plan loaded last), and stops the API whatever `use` does.
 */
export async function withCaughtUpApi<T>(
  workDir: string,
  plans: Iterable<StoredPlanRows>,
  lastPlanId: string,
  use: (api: RunningApi) => Promise<T>,
  placement: ProjectorPlacement = 'in-process',
): Promise<T> {
  const api = await startApiWithPlans(workDir, plans, placement);
  try {
    await waitForProjections(api, lastPlanId);
    return await use(api);
  } finally {
    await api.server.stop();
    await api.projector?.stop();
  }
}
