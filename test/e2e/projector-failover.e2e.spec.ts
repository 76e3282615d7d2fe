import { Projector } from '@app/projections';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HART_INDICATORS, HART_PLAN } from '../fixtures/hart-2023-24';
import { productionStoreSetting } from '../support/production-store-settings';
import { throwawayDatabase, type ThrowawayDatabase } from '../support/mongodb-database';
import { withoutShellSettings } from '../support/shell-settings';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Two projector workers (`apps/projector`, each its own process) on one MongoDB, with the API in
 * this process on `PROJECTOR_MODE=external` and the events in the embedded store they share. Runs
 * when MONGODB_URI is set; CI runs it on FerretDB.
 */
const mongodb = productionStoreSetting('MONGODB_URI');
const REPO_ROOT = resolve(__dirname, '../..');
// Well above any pause of a busy machine, which would otherwise let the standby worker take over early.
const LEASE_TTL_SECONDS = 5;
/** Bounds each wait; a worker starts under ts-node, on a machine other test suites keep busy. */
const STEP_TIMEOUT_MS = 60_000;

type ProjectionState = string;

/** One projector worker in a child process, reached through its `/health`. */
class ProjectorWorker {
  private output = '';
  readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    private readonly port: number,
  ) {
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString('utf8')).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
  }

  static async start(name: string, env: Record<string, string>): Promise<ProjectorWorker> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/projector/src/main.ts'],
      {
        cwd: REPO_ROOT,
        // Events stay in the embedded store the API writes, whatever the shell configures.
        env: { ...withoutShellSettings(process.env), ...env, PROJECTOR_PORT: String(port), LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const worker = new ProjectorWorker(name, child, port);
    await worker.until('answers /health', async () => (await worker.projectionStates()) !== null);
    return worker;
  }

  get isAlive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Each projection's state, or null while the worker does not answer. */
  async projectionStates(): Promise<ProjectionState[] | null> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.port}/health`);
      const report = (await response.json()) as { details: { projections: Record<string, unknown> } };
      // Beside one entry per projection, terminus puts the indicator's own `status` there.
      const { status: _indicator, ...projections } = report.details.projections;
      return Object.values(projections).map((projection) => (projection as { state: ProjectionState }).state);
    } catch {
      return null;
    }
  }

  async untilEveryProjectionIs(state: ProjectionState): Promise<void> {
    await this.until(`shows every projection ${state}`, async () => {
      const states = await this.projectionStates();
      return states !== null && states.length > 0 && states.every((each) => each === state);
    });
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    if (this.isAlive) this.child.kill(signal);
    return this.exited;
  }

  private async until(what: string, condition: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (!(await condition())) {
      if (!this.isAlive || Date.now() > deadline) {
        const why = this.isAlive ? `within ${STEP_TIMEOUT_MS / 1000} s` : 'before it exited';
        throw new Error(`Projector ${this.name} never ${what} ${why}. Its output:\n${this.output}`);
      }
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    }
  }
}

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

if (!mongodb) {
  it.skip('two projector processes on one MongoDB (set MONGODB_URI to run it)', () => undefined);
} else {
  describe('two projector processes on one MongoDB', () => {
    const planId = `failover-${randomUUID()}`;
    const councilTax = HART_INDICATORS.find((indicator) => indicator.code === 'CP7');
    let dataDir: string;
    let database: ThrowawayDatabase;
    let api: TestApp;
    const workers: ProjectorWorker[] = [];

    const startWorker = async (name: string) => {
      const worker = await ProjectorWorker.start(name, {
        DATA_DIR: dataDir,
        MONGODB_URI: database.uri,
        PROJECTOR_LEASE_TTL_SECONDS: String(LEASE_TTL_SECONDS),
      });
      workers.push(worker);
      return worker;
    };

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'projector-failover-'));
      database = throwawayDatabase(mongodb, 'projector_failover');
      api = await startTestApp({ dataDir, env: { MONGODB_URI: database.uri, PROJECTOR_MODE: 'external' } });
    });

    afterAll(async () => {
      await Promise.all(workers.map((worker) => worker.kill('SIGKILL')));
      await api?.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }, STEP_TIMEOUT_MS);

    it(
      'runs the projections in one process while the other stands by, which takes over when the first is killed',
      async () => {
        const first = await startWorker('first');
        await first.untilEveryProjectionIs('live');
        const second = await startWorker('second');
        await second.untilEveryProjectionIs('standby');

        const drafted = await api.send({
          method: 'POST',
          url: '/v1/plans',
          as: 'editor',
          body: { planId, title: HART_PLAN.title, service: HART_PLAN.service, period: HART_PLAN.period },
        });
        expect(drafted.status).toBe(201);
        expect(await api.get(Projector).waitFor(drafted.body.position, STEP_TIMEOUT_MS)).toBe(true);
        expect(new Set(await second.projectionStates())).toEqual(new Set(['standby']));

        await first.kill('SIGKILL');
        const defined = await api.send({ method: 'POST', url: `/v1/plans/${planId}/indicators`, as: 'editor', body: councilTax });
        expect(defined.status).toBe(201);
        await second.untilEveryProjectionIs('live');
        expect(await api.get(Projector).waitFor(defined.body.position, STEP_TIMEOUT_MS)).toBe(true);

        const plan = await api.send({ method: 'GET', url: `/v1/plans/${planId}`, as: 'auditor' });
        expect(plan.status).toBe(200);
        expect(plan.body.indicators.map((indicator: { code: string }) => indicator.code)).toEqual(['CP7']);
      },
      5 * STEP_TIMEOUT_MS,
    );
  });
}
