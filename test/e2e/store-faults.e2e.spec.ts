/**
 * The event store lost, replaced, emptied or damaged under the API: no write is acknowledged that is
 * not in the store the service opened, read models that no longer match the event store are refused,
 * and every fault is told in one sentence naming the file and what to do.
 */
import { planKey, planStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutShellSettings } from '../support/shell-settings';
import { startTestApp, type TestApp } from '../support/test-app';
import { enterSmallPlan, expectStatus } from './plan-commands.support';

const ROOT = join(__dirname, '..', '..');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The faults are logged at error level on purpose; the tests read the answers instead. */
const QUIET = { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' };

const start = (dataDir: string): Promise<TestApp> => startTestApp({ dataDir, env: QUIET });
const storeFiles = (dataDir: string, name: string) => ['', '-wal', '-shm'].map((suffix) => join(dataDir, name + suffix));
const removeStore = (dataDir: string, name: string) => storeFiles(dataDir, name).forEach((file) => rmSync(file, { force: true }));

function recordActual(api: TestApp, planId: string, period: string) {
  return api.send({ method: 'POST', url: `/v1/plans/${planId}/indicators/CP7/actuals`, as: 'officer', body: { period, value: 42 } });
}

describe('store faults', () => {
  let dataDir: string;
  let running: TestApp | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'store-faults-'));
  });

  afterEach(async () => {
    await running?.close();
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts the API on `dataDir`, enters a small plan, and stops it again, keeping its data. */
  async function planEnteredAndStopped(): Promise<string> {
    const api = await start(dataDir);
    const planId = await enterSmallPlan(api);
    await api.close({ keepData: true });
    return planId;
  }

  describe('the event store deleted while the service runs', () => {
    it('refuses the next command with 503 and shows the event store down on /health', async () => {
      running = await start(dataDir);
      const planId = await enterSmallPlan(running);
      removeStore(dataDir, 'events.db');

      const refused = await recordActual(running, planId, '2023/24-Q1');
      const health = await running.inject({ method: 'GET', url: '/health' });

      expect(refused.status).toBe(503);
      expect(refused.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringMatching(/^The service cannot use its event store right now, so nothing was done; try again later/),
      });
      expect(health.statusCode).toBe(503);
      expect(health.json().error.eventStore).toEqual({
        status: 'down',
        message: expect.stringContaining(`${join(dataDir, 'events.db')} was deleted or replaced while the service was running`),
      });
    });

    it('refuses to start again on the emptied folder, as the read models were built from the lost store', async () => {
      await planEnteredAndStopped();
      removeStore(dataDir, 'events.db');

      await expect(start(dataDir)).rejects.toThrow(
        /^The read models were built from another event store \(\S+\) than the one opened \(\S+\): restore the event store they were built from, or rebuild them from this one with `npm run rebuild -- --all`\.$/,
      );
    });
  });

  it('reports unhealthy when the read models get ahead of the event store while it runs', async () => {
    running = await start(dataDir);
    await enterSmallPlan(running);
    const head = await running.get<EventStore>(EVENT_STORE).headPosition();
    // What an event store restored from an older copy under a running service looks like from here.
    await running.get<ReadStore>(READ_STORE).applyBatch([], { projection: 'plan-list', position: head! + 10 });

    const health = await running.inject({ method: 'GET', url: '/health' });

    expect(health.statusCode).toBe(503);
    expect(health.json().error.readModels).toEqual({
      status: 'down',
      message: expect.stringMatching(/^The read models are ahead of the event store \(projection plan-list has applied events up to position \d+/),
    });
  });

  it('refuses to start on a 0-byte events.db under read models built from the real one', async () => {
    await planEnteredAndStopped();
    removeStore(dataDir, 'events.db');
    writeFileSync(join(dataDir, 'events.db'), '');

    await expect(start(dataDir)).rejects.toThrow('The read models were built from another event store');
  });

  it('refuses an event store restored from an older copy until the read models are rebuilt from it', async () => {
    const planId = await planEnteredAndStopped();
    copyFileSync(join(dataDir, 'events.db'), join(dataDir, 'events.db.backup'));
    const later = await start(dataDir);
    expectStatus(await recordActual(later, planId, '2023/24-Q1'), 201);
    await later.close({ keepData: true });
    removeStore(dataDir, 'events.db');
    copyFileSync(join(dataDir, 'events.db.backup'), join(dataDir, 'events.db'));

    await expect(start(dataDir)).rejects.toThrow(/^The read models are ahead of the event store \(projection \S+ has applied events up to position 4, but the event store ends at 3\)/);

    const rebuild = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/projector/src/rebuild.ts', '--all'],
      { cwd: ROOT, env: { ...withoutShellSettings(process.env), DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(rebuild.status).toBe(0);
    running = await start(dataDir);
    const plan = await running.send({ method: 'GET', url: `/v1/plans/${planId}`, as: 'officer' });
    expect(plan.status).toBe(200);
  });

  it('refuses to start on an events.db that is not a database, naming the file and what to do', async () => {
    writeFileSync(join(dataDir, 'events.db'), 'not a database at all, '.repeat(300));

    await expect(start(dataDir)).rejects.toThrow(
      `${join(dataDir, 'events.db')} is damaged (file is not a database): stop the service and restore the file from a backup, since its events are kept nowhere else.`,
    );
  });

  describe('an event damaged on disk', () => {
    let planId: string;
    let streamId: string;

    beforeEach(async () => {
      planId = await planEnteredAndStopped();
      streamId = planStreamId(planKey(HART_PLAN.council, planId));
      const db = new Database(join(dataDir, 'events.db'));
      db.prepare(`UPDATE events SET data = '{"title": "Corpo' WHERE stream_id = ? AND revision = 2`).run(streamId);
      db.close();
      running = await start(dataDir);
    });

    it('is a finding of /integrity: 200, not ok, naming the event and why', async () => {
      const answer = await running!.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'auditor' });

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        planId,
        ok: false,
        eventsChecked: 3,
        firstFailure: {
          revision: 2,
          reason: 'The event cannot be read back: the event store is damaged where it is kept, and it must be restored from a backup.',
        },
      });
      expect(answer.body.firstFailure.eventId).toEqual(expect.any(String));
    });

    it('makes a command on the plan 503 in the contract shape, and /health show the event store down', async () => {
      const refused = await recordActual(running!, planId, '2023/24-Q1');
      const health = await running!.inject({ method: 'GET', url: '/health' });

      expect(refused.status).toBe(503);
      expect(Object.keys(refused.body).sort()).toEqual(['error', 'message', 'statusCode']);
      expect(health.statusCode).toBe(503);
      expect(health.json().error.eventStore.message).toMatch(
        new RegExp(
          `^Event \\S+ at position 3 \\(IndicatorDefined on ${escapeRegExp(streamId)}\\) cannot be read: ` +
            `${join(dataDir, 'events.db')} is damaged \\(its stored JSON does not parse: `,
        ),
      );
    });
  });

  it('stops the API with one sentence on stderr when DATA_DIR cannot be written', () => {
    chmodSync(dataDir, 0o555);
    // Permissions do not bind root, so as root the API runs as nobody, for whom they do.
    const asAnotherUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      { cwd: ROOT, env: { ...withoutShellSettings(process.env), ...QUIET, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000, ...asAnotherUser },
    );

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${dataDir}/(events|read)\\.db cannot be opened for reading and writing \\(EACCES: permission denied, open '[^']+'\\): ` +
          `give the user the service runs as read and write access to ${dataDir} and its files, or set DATA_DIR to a folder it may write\\.\\n$`,
      ),
    );
  });
});
