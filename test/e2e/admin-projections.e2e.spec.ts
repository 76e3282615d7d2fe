import { randomUUID } from 'node:crypto';
import { PLAN_EVENT_SCHEMA_VERSIONS, planKey, planStreamId, type PlanEventType } from '@app/domain';
import { EVENT_STORE, type EventStore, type EventToAppend } from '@app/event-store';
import { planProjections, Projector } from '@app/projections';
import { until } from '@app/projections/projector/testing/sample-projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import type { Role } from '../../apps/api/src/auth/caller';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { startTestApp, type TestApp } from '../support/test-app';
import { authHeader, callerWithRole } from '../support/tokens';
import { INDICATOR_CP7, PLAN_DRAFT, PRIORITY_ONE } from './access-matrix.routes';

const STATUS = '/v1/admin/projections';
const rebuildOf = (name: string) => `${STATUS}/${name}/rebuild`;

interface Answer {
  status: number;
  body: any;
}

async function send(api: TestApp, as: Role, method: 'GET' | 'POST', url: string, body?: object): Promise<Answer> {
  const response = await api.inject({
    method,
    url,
    headers: await authHeader(api.dataDir, callerWithRole(as, HART_PLAN.council)),
    ...(body === undefined ? {} : { payload: body }),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

describe('Admin: the projections over HTTP', () => {
  let api: TestApp;
  let planId: string;
  let lastPosition: number;

  const command = async (as: Role, url: string, body: object) => {
    const answer = await send(api, as, 'POST', url, body);
    if (answer.status >= 300) throw new Error(`POST ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    lastPosition = answer.body.position;
    return answer.body;
  };
  const history = async () => {
    const answer = await send(api, 'auditor', 'GET', `/v1/plans/${planId}/history?waitFor=${lastPosition}&limit=100`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const statusOf = async (name: string) =>
    (await send(api, 'operator', 'GET', STATUS)).body.projections.find((projection: { name: string }) => projection.name === name);

  beforeAll(async () => {
    api = await startTestApp();
    ({ planId } = await command('editor', '/v1/plans', PLAN_DRAFT));
    await command('editor', `/v1/plans/${planId}/priorities`, PRIORITY_ONE);
    await command('editor', `/v1/plans/${planId}/indicators`, INDICATOR_CP7);
    await command('editor', `/v1/plans/${planId}/versions`, { reason: 'First published version' });
    await command('officer', `/v1/plans/${planId}/indicators/CP7/actuals`, { period: '2023/24-Q1', value: 29.5 });
  });

  afterAll(() => api?.close());

  it('lists every projection with its version, state, checkpoint, head and lag', async () => {
    await history();

    const answer = await send(api, 'operator', 'GET', STATUS);

    expect(answer.status).toBe(200);
    expect(answer.body.projectorMode).toBe('in-process');
    expect(answer.body.projections).toEqual(
      planProjections.map(({ name, version }) =>
        expect.objectContaining({ name, version, state: 'live', lagEvents: 0, lagSeconds: 0 }),
      ),
    );
    const planHistory = answer.body.projections.find(({ name }: { name: string }) => name === 'plan-history');
    expect(planHistory).toMatchObject({ checkpoint: lastPosition, head: lastPosition });
    expect(planHistory).not.toHaveProperty('error');
  });

  it('rebuilds plan-history to the same documents while showing its progress, refusing a second rebuild meanwhile', async () => {
    const before = await history();
    expect(before.items.length).toBeGreaterThanOrEqual(5);
    const readStore = api.get<ReadStore>(READ_STORE);
    const events = await api.get<EventStore>(EVENT_STORE).readAll({ filter: planProjections.find(({ name }) => name === 'plan-history')!.filter });
    // Holds the rebuild's first batch, so that what happens during a rebuild can be seen.
    let reachedFirstBatch!: () => void;
    let releaseFirstBatch!: () => void;
    const firstBatchReached = new Promise<void>((resolve) => (reachedFirstBatch = resolve));
    const firstBatchReleased = new Promise<void>((resolve) => (releaseFirstBatch = resolve));
    const applyBatch = readStore.applyBatch.bind(readStore);
    const held = jest.spyOn(readStore, 'applyBatch').mockImplementation(async (writes, checkpoint) => {
      if (checkpoint.projection === 'plan-history') {
        reachedFirstBatch();
        await firstBatchReleased;
      }
      return applyBatch(writes, checkpoint);
    });

    try {
      const accepted = await send(api, 'operator', 'POST', rebuildOf('plan-history'));
      expect(accepted).toEqual({ status: 202, body: { projection: 'plan-history', state: 'rebuilding' } });
      await firstBatchReached;

      expect(await statusOf('plan-history')).toMatchObject({
        state: 'rebuilding',
        rebuild: { processed: 0, total: events.length },
      });
      expect(await statusOf('plan-view')).toMatchObject({ state: 'live' });
      const second = await send(api, 'operator', 'POST', rebuildOf('plan-history'));
      expect(second).toEqual({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'Projection plan-history is already being rebuilt; wait until it is live again.' },
      });
    } finally {
      releaseFirstBatch();
      held.mockRestore();
    }

    await until(async () => (await statusOf('plan-history')).state === 'live');
    expect(await statusOf('plan-history')).not.toHaveProperty('rebuild');
    expect(await history()).toEqual(before);

    await command('officer', `/v1/plans/${planId}/indicators/CP7/actuals`, { period: '2023/24-Q2', value: 55 });
    const after = await history();
    expect(after.items).toHaveLength(before.items.length + 1);
    expect(after.items.at(-1)).toMatchObject({ type: 'ActualRecorded', position: lastPosition });
  });

  it('answers 404 for a projection it does not have', async () => {
    const answer = await send(api, 'operator', 'POST', rebuildOf('plan-histories'));
    const names = planProjections.map(({ name }) => name).join(', ');
    expect(answer).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `There is no projection named 'plan-histories'; there are ${names}.` },
    });
  });

  it.each<Role>(['admin', 'auditor'])('refuses a council\'s %s: the projections serve every council, so only the operator sees or rebuilds them', async (role) => {
    for (const [method, url] of [['POST', rebuildOf('plan-history')], ['GET', STATUS]] as const) {
      const answer = await send(api, role, method, url);
      expect(answer).toEqual({ status: 403, body: { statusCode: 403, error: 'Forbidden', message: "This needs the 'operator' role." } });
    }
    expect(await statusOf('plan-history')).toMatchObject({ state: 'live' });
  });

  it('refuses a token that makes a council\'s user the operator too', async () => {
    const response = await api.inject({
      method: 'POST',
      url: rebuildOf('plan-history'),
      headers: await authHeader(api.dataDir, { roles: ['admin', 'operator'], council: HART_PLAN.council }),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: "An operator's token holds the 'operator' role alone and names no council or services.",
    });
    expect(await statusOf('plan-history')).toMatchObject({ state: 'live' });
  });

  describe('with thousands of events to replay', () => {
    const PLANS = 15;
    const PRIORITIES_PER_PLAN = 200;
    let loaded: TestApp;

    beforeAll(async () => {
      loaded = await startTestApp();
      const events = loaded.get<EventStore>(EVENT_STORE);
      let position = 0;
      for (let plan = 0; plan < PLANS; plan++) {
        const id = `loaded-plan-${plan}`;
        position = (await events.appendToStream(planStreamId(planKey(HART_PLAN.council, id)), plannedEvents(id), { expectedRevision: 'no_stream' })).position;
      }
      expect(await loaded.get(Projector).waitFor(position, 60_000)).toBe(true);
    });

    afterAll(() => loaded?.close());

    /** A plan drafted with many priorities, as stored events: the projections read nothing else. */
    function plannedEvents(planId: string): EventToAppend[] {
      const metadata = (type: PlanEventType) => ({ actor: { id: 'editor@hart', name: 'Plan Editor', role: 'editor' }, schemaVersion: PLAN_EVENT_SCHEMA_VERSIONS[type] });
      const { title, service } = HART_PLAN;
      const period = { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' };
      return [
        { id: randomUUID(), type: 'PlanDrafted', data: { planId, council: HART_PLAN.council, service, title, period, owner: null }, metadata: metadata('PlanDrafted') },
        ...Array.from({ length: PRIORITIES_PER_PLAN }, (_, index) => ({
          id: randomUUID(),
          type: 'PriorityAdded',
          data: { planId, ref: String(index + 1), title: `Priority ${index + 1}`, themes: ['People'], themeIds: [], objective: null, kind: 'priority', sponsor: null, manager: null, outcomes: [] },
          metadata: metadata('PriorityAdded'),
        })),
      ];
    }

    it('answers a read while the rebuild is still replaying, and the 202 at once', async () => {
      const projector = loaded.get(Projector);
      const rebuild = projector.rebuild.bind(projector);
      let rebuilt: Promise<unknown> | undefined;
      const spy = jest.spyOn(projector, 'rebuild').mockImplementation((...args) => (rebuilt = rebuild(...args)));
      const finished: string[] = [];
      try {
        const accepted = await send(loaded, 'operator', 'POST', rebuildOf('plan-history'));
        expect(accepted).toEqual({ status: 202, body: { projection: 'plan-history', state: 'rebuilding' } });
        const replay = rebuilt!.then(() => finished.push('rebuild'));
        const read = send(loaded, 'auditor', 'GET', '/v1/plans?limit=1').then((answer) => {
          expect(answer.status).toBe(200);
          finished.push('read');
        });
        await Promise.all([replay, read]);
      } finally {
        spy.mockRestore();
      }
      expect(finished).toEqual(['read', 'rebuild']);
    });
  });

  describe('when the projector worker runs the projections (PROJECTOR_MODE=external)', () => {
    let external: TestApp;

    beforeAll(async () => {
      external = await startTestApp({ env: { PROJECTOR_MODE: 'external' } });
    });

    afterAll(() => external?.close());

    it('sends the operator to the worker to rebuild', async () => {
      const answer = await send(external, 'operator', 'POST', rebuildOf('plan-history'));
      expect(answer).toEqual({
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message:
            "This API does not run the projections (PROJECTOR_MODE=external): rebuild plan-history on the projector worker with 'npm run rebuild -- plan-history'.",
        },
      });
      expect((await send(external, 'operator', 'GET', STATUS)).body).toMatchObject({
        projectorMode: 'external',
        projections: expect.arrayContaining([expect.objectContaining({ name: 'plan-history', state: 'stopped' })]),
      });
    });
  });
});
