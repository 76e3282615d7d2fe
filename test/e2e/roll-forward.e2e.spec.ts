import { PLAN_STREAM_PREFIX, planKey, planStreamId } from '@app/domain';
import { EVENT_STORE, readStreamIfAny, type EventStore, type StoredEvent } from '@app/event-store';
import { rmSync } from 'node:fs';
import { hartYear } from '../../scripts/demo/hart-year';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { StoppingEventStore } from '../support/stopping-event-store';
import { startTestApp, type Answer, type TestApp } from '../support/test-app';
import { perform, PlanApi } from './plan-queries.support';

/**
 * Hart's Corporate Services plan 2023/24 (the shared fixture: its whole year, approved and
 * monitored, most priorities completed by Q4) rolled forward to 2024/25, with a risk, two contracts
 * and a budget line added before year end (ILLUSTRATIVE), so that every section carried is seen.
 */

const COUNCIL = HART_PLAN.council;
const OLD = 'hart-cs-2023-24';
const NEXT_YEAR = { period: '2024/25' };

function expectStatus(answer: Answer, status: number): Answer {
  if (answer.status !== status) throw new Error(`Expected ${status}, got ${answer.status}: ${answer.text}`);
  return answer;
}

const streamOf = (store: EventStore, planId: string): Promise<StoredEvent[]> => readStreamIfAny(store, planStreamId(planKey(COUNCIL, planId)));

/** Every event of every plan in the store, to show that a refusal wrote none. */
async function planEventCount(store: EventStore): Promise<number> {
  return (await store.readAll({ filter: { streamPrefixes: [PLAN_STREAM_PREFIX] } })).length;
}

describe("Hart's 2023/24 plan rolled forward to 2024/25", () => {
  let api: PlanApi;
  let store: EventStore;
  let rolled: Answer;
  let newPlanId: string;
  /** The old plan as it stood just before it was rolled forward. */
  let oldBefore: Record<string, unknown>;
  const plan = `/v1/plans/${OLD}`;
  const read = async (url: string, position = rolled.body.position) => expectStatus(await api.get(`${url}${url.includes('?') ? '&' : '?'}waitFor=${position}`), 200).body;

  beforeAll(async () => {
    api = await PlanApi.start();
    store = api.app.get<EventStore>(EVENT_STORE);
    for (const step of hartYear(OLD)) await perform(api, step);
    const editor = (method: 'POST' | 'PUT', path: string, body: Record<string, unknown>) => perform(api, { as: 'editor', method, path: `${plan}/${path}`, body, stage: 'year end' });
    await editor('POST', 'risks', { ref: 'R1', title: 'Loss of key finance staff', residual: { likelihood: 3, impact: 3 } });
    await perform(api, { as: 'officer', method: 'POST', path: `${plan}/risks/R1/reviews`, body: { period: '2023/24-Q4', residual: { likelihood: 2, impact: 3 } }, stage: 'year end' });
    await editor('POST', 'contracts', { ref: 'C1', title: 'Payroll bureau', supplier: 'Capita', end: '31 March 2024' });
    await editor('POST', 'contracts', { ref: 'C2', title: 'Website hosting', supplier: 'Byte9', end: '31 March 2026' });
    await editor('POST', 'budget-lines', {
      code: 'CS01',
      title: 'Corporate Services',
      amounts: [
        { year: '2023/24', kind: 'latest', value: 1_824_973 },
        { year: '2024/25', kind: 'original', value: 1_900_000 },
      ],
    });
    oldBefore = expectStatus(await api.get(`${plan}?waitFor=${(await store.headPosition()) ?? 0}`), 200).body;
    rolled = await api.send({ method: 'POST', url: `${plan}/roll-forward`, as: 'editor', body: NEXT_YEAR });
    newPlanId = rolled.body.planId;
  }, 180_000);

  afterAll(() => api?.close());

  it('answers 201 with the new plan, where to find it, and both writes', () => {
    expectStatus(rolled, 201);
    expect(rolled.headers.location).toBe(`/v1/plans/${newPlanId}`);
    expect(rolled.headers.etag).toBe(`"${rolled.body.revision}"`);
    expect(rolled.body).toMatchObject({
      planId: expect.any(String),
      revision: expect.any(Number),
      position: rolled.body.rolledForwardFrom.position,
      rolledForwardFrom: { planId: OLD, revision: expect.any(Number) },
    });
    expect(newPlanId).not.toBe(OLD);
  });

  it("drafts next year's plan of the same service with the same indicator codes, so their series continue, and the open priorities only", async () => {
    const [old, next] = [await read(plan), await read(`/v1/plans/${newPlanId}`)];
    expect(next).toMatchObject({
      title: 'Service Plan 2024/25: Corporate Services',
      service: old.service,
      owner: old.owner,
      period: '2024/25',
      status: 'draft',
      version: null,
      rolledForwardFrom: { planId: OLD, period: '2023/24' },
      rolledForwardTo: null,
    });
    const codes = (view: { indicators: Array<{ code: string }> }) => view.indicators.map((indicator) => indicator.code);
    expect(codes(next)).toEqual(codes(old));
    expect(codes(next)).toHaveLength(13);
    for (const indicator of next.indicators) {
      const before = old.indicators.find((one: { code: string }) => one.code === indicator.code);
      expect(indicator).toMatchObject({ title: before.title, unit: before.unit, polarity: before.polarity, basis: before.basis, frequency: before.frequency, actuals: [], targets: [] });
    }
    // Priorities 13 and 14 were still going at year end; every other was reported completed in Q4.
    const open = old.priorities.filter((priority: { progress: { status: string } | null }) => priority.progress?.status !== 'completed');
    expect(next.priorities.map((priority: { ref: string }) => priority.ref)).toEqual(['13', '14']);
    expect(next.priorities).toEqual(open.map(({ progress: _p, progressHistory: _h, ...priority }: Record<string, unknown>) => ({ ...priority, progress: null, progressHistory: [] })));
  });

  it("continues each indicator's series: the new plan joins it, and its first quarter compares with the old plan's fourth", async () => {
    const old = await read(plan);
    const measured = old.indicators.find(
      (indicator: { basis: string; actuals: Array<{ period: string }> }) =>
        indicator.basis !== 'cumulative-ytd' && indicator.actuals.some((actual) => actual.period === '2023/24-Q4'),
    );
    const fourthQuarter = measured.actuals.find((actual: { period: string }) => actual.period === '2023/24-Q4');
    const series = await read(`/v1/indicators/${measured.code}/series?service=${encodeURIComponent(old.service)}`);
    expect(series.plans.map((entry: { planId: string; planPeriod: string }) => [entry.planId, entry.planPeriod])).toEqual([
      [OLD, '2023/24'],
      [newPlanId, '2024/25'],
    ]);
    const report = await read(`/v1/plans/${newPlanId}/reports/2024-25-Q1`);
    expect(report.indicators.find((indicator: { code: string }) => indicator.code === measured.code)).toMatchObject({
      previousPeriod: '2023/24-Q4',
      previousActual: fourthQuarter.value,
      previousFrom: 'earlier-plan',
      previousPlan: { planId: OLD, period: '2023/24' },
    });
  });

  it('carries the risk as last reviewed, the contract still running and the budget line', async () => {
    const next = await read(`/v1/plans/${newPlanId}`);
    expect(next.risks).toEqual([expect.objectContaining({ ref: 'R1', residual: expect.objectContaining({ likelihood: 2, impact: 3, score: 6 }) })]);
    expect(next.contracts.map((contract: { ref: string }) => contract.ref)).toEqual(['C2']);
    expect(next.budget.lines).toEqual([expect.objectContaining({ code: 'CS01', amounts: [expect.objectContaining({ year: '2023/24' }), expect.objectContaining({ year: '2024/25' })] })]);
  });

  it('leaves the old plan as it was, saying where it went, and both histories tell it; the new version table starts afresh', async () => {
    const { revision, lastRecordedAt: _at, rolledForwardTo, ...old } = await read(plan);
    const { revision: revisionBefore, lastRecordedAt: _before, rolledForwardTo: _none, ...asItWas } = oldBefore;
    expect(old).toEqual(asItWas);
    expect([revision, rolledForwardTo]).toEqual([(revisionBefore as number) + 1, { planId: newPlanId, period: '2024/25' }]);
    const [oldEvents, newEvents] = [await streamOf(store, OLD), await streamOf(store, newPlanId)];
    expect(oldEvents.at(-1)).toMatchObject({ type: 'PlanRolledForward', revision: rolled.body.rolledForwardFrom.revision });
    expect(newEvents.slice(0, 2).map((event) => event.type)).toEqual(['PlanDrafted', 'PlanRolledForwardFrom']);
    expect(newEvents.some((event) => event.type === 'ActualRecorded' || event.type === 'ProgressRecorded' || event.type === 'VersionPublished')).toBe(false);

    const oldHistory = await read(`${plan}/history?type=PlanRolledForward`);
    expect(oldHistory.items).toEqual([expect.objectContaining({ summary: `Plan rolled forward to plan ${newPlanId} for 2024/25`, actor: expect.objectContaining({ role: 'editor' }) })]);
    const newHistory = await read(`/v1/plans/${newPlanId}/history?type=PlanRolledForwardFrom`);
    expect(newHistory.items).toEqual([expect.objectContaining({ summary: expect.stringMatching(/^Plan rolled forward from plan hart-cs-2023-24 \(2023\/24, version 2\)/) })]);
    expect((await read(`/v1/plans/${newPlanId}/versions`)).rows).toEqual([]);
  });

  it('answers the same plan when asked again, writing nothing new', async () => {
    const before = await planEventCount(store);
    const again = expectStatus(await api.send({ method: 'POST', url: `${plan}/roll-forward`, as: 'editor', body: { ...NEXT_YEAR, title: 'Another title' } }), 201);
    expect(again.body).toEqual(rolled.body);
    expect(again.headers.location).toBe(rolled.headers.location);
    expect(await planEventCount(store)).toBe(before);
  });

  it('refuses a period that is not the next one (422) and another council\'s plan (404), writing nothing', async () => {
    const before = await planEventCount(store);
    const wrong = expectStatus(await api.send({ method: 'POST', url: `${plan}/roll-forward`, as: 'editor', body: { period: '2025/26' } }), 422);
    expect(wrong.body.message).toBe(
      'The plan "Service Plan 2023/24: Corporate Services" covers 2023/24 (1 April 2023 to 31 March 2024), so the plan rolled forward from it begins on 1 April 2024, as 2024/25 does: 2025/26 begins on 1 April 2025.',
    );
    const elsewhere = expectStatus(await api.send({ method: 'POST', url: `${plan}/roll-forward`, as: 'editor', body: { period: '2024-2027' } }), 422);
    expect(elsewhere.body.message).toMatch(/was rolled forward already, to plan '[^']+' for 2024\/25/);
    const rushmoor = expectStatus(await api.send({ method: 'POST', url: `${plan}/roll-forward`, as: { role: 'editor', council: 'rushmoor' }, body: NEXT_YEAR }), 404);
    expect(rushmoor.body.message).toContain(OLD);
    expectStatus(await api.send({ method: 'POST', url: `${plan}/roll-forward`, as: 'editor', body: { period: 'next year' } }), 400);
    expectStatus(await api.send({ method: 'POST', url: `${plan}/roll-forward`, as: 'officer', body: NEXT_YEAR }), 403);
    expect(await planEventCount(store)).toBe(before);
  });
});

describe('A roll-forward interrupted between its two writes', () => {
  const PLAN = 'hart-place-2023-24';
  const draft = { planId: PLAN, title: 'Service Plan 2023/24: Place', service: 'Place', period: '2023/24' };
  const priority = { ref: 'P1', title: 'Adopt the Local Plan review', themes: ['Place'], outcomes: [] };
  const oldStream = planStreamId(planKey(COUNCIL, PLAN));

  it("is completed by asking again: the new plan written once, and the old plan's event once", async () => {
    let stopping: StoppingEventStore | undefined;
    // The process stops once the new plan is written, before the old plan's PlanRolledForward.
    const first = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000' },
      wrapEventStore: (opened) =>
        (stopping = new StoppingEventStore(opened, (appended, next) => next === oldStream && appended.at(-1) !== oldStream && appended.length > 0)),
    });
    expectStatus(await first.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: draft }), 201);
    expectStatus(await first.send({ method: 'POST', url: `/v1/plans/${PLAN}/priorities`, as: 'editor', body: priority }), 201);
    expect((await first.send({ method: 'POST', url: `/v1/plans/${PLAN}/roll-forward`, as: 'editor', body: NEXT_YEAR })).status).toBe(500);
    const [newStream] = stopping!.appended.filter((streamId) => streamId !== oldStream);
    expect(newStream).toMatch(/^servicePlan-hart\//);
    const eventsOf = (app: TestApp, streamId: string) => readStreamIfAny(app.get<EventStore>(EVENT_STORE), streamId);
    const written = await eventsOf(first, newStream);
    expect((await eventsOf(first, oldStream)).map((event) => event.type)).toEqual(['PlanDrafted', 'PriorityAdded']);
    await first.close({ keepData: true });

    const restarted = await startTestApp({ dataDir: first.dataDir, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    try {
      const asked = expectStatus(await restarted.send({ method: 'POST', url: `/v1/plans/${PLAN}/roll-forward`, as: 'editor', body: NEXT_YEAR }), 201);
      expect(`servicePlan-hart/${asked.body.planId}`).toBe(newStream);
      expect(await eventsOf(restarted, newStream)).toEqual(written);
      expect((await eventsOf(restarted, oldStream)).map((event) => event.type)).toEqual(['PlanDrafted', 'PriorityAdded', 'PlanRolledForward']);
      expect(asked.body.eventIds).toEqual([...written.map((event) => event.id), (await eventsOf(restarted, oldStream))[2].id]);

      const again = expectStatus(await restarted.send({ method: 'POST', url: `/v1/plans/${PLAN}/roll-forward`, as: 'editor', body: NEXT_YEAR }), 201);
      expect(again.body).toEqual(asked.body);
      expect(await eventsOf(restarted, oldStream)).toHaveLength(3);
      const old = expectStatus(await restarted.send({ method: 'GET', url: `/v1/plans/${PLAN}?waitFor=${asked.body.position}`, as: 'auditor' }), 200).body;
      expect(old.rolledForwardTo).toEqual({ planId: asked.body.planId, period: '2024/25' });
    } finally {
      await restarted.close();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});
