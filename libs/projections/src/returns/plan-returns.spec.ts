import { PLAN_EVENT_TYPES, periodsOfPlan } from '@app/domain';
import { isDeepStrictEqual } from 'node:util';
import { documentBody, planEventOf, planKeyOf } from '../plan-views/plan-event';
import { evolvePlanView, type PlanView } from '../plan-views/plan-view';
import { planViewProjection } from '../plan-views/plan-view.projection';
import { hartPlan } from '../plan-views/testing/hart-plan.fixture';
import { CHECKER, OFFICER, project } from '../plan-views/testing/plan-stream.fixture';
import { projectionVersionsStream } from '../plan-views/testing/projection-versions.fixture';
import { PLAN_RETURNS_COLLECTION, periodsTouchedBy, planReturnsId, planReturnsOf, type PlanReturnsDocument } from './plan-returns';

const PLAN_KEY = 'hart/hart-cs-2023-24';

describe("A plan's returns", () => {
  it('are kept per period beside the plan: each quarterly indicator and each priority for a quarter, with what was recorded', async () => {
    const reads = await project(planViewProjection, hartPlan().events);
    const q1 = documentBody<PlanReturnsDocument>((await reads.get(PLAN_RETURNS_COLLECTION, planReturnsId(PLAN_KEY, '2023/24-Q1')))!);
    expect(q1).toMatchObject({ council: 'hart', planId: 'hart-cs-2023-24', service: 'Corporate Services', live: true, period: '2023/24-Q1', periodEnd: '2023-06-30' });
    expect(q1.returns.map(({ kind, ref, submission }) => [kind, ref, submission?.recordedBy ?? null, submission?.verification?.state ?? null])).toEqual([
      ['indicator', 'CP7', OFFICER.id, 'unverified'],
      ['indicator', 'CP10', OFFICER.id, 'unverified'],
      ['priority', '8', null, null],
      ['priority', '10', null, null],
    ]);
    expect(q1.returns.every(({ submission }) => submission !== null)).toBe(true);

    const q2 = documentBody<PlanReturnsDocument>((await reads.get(PLAN_RETURNS_COLLECTION, planReturnsId(PLAN_KEY, '2023/24-Q2')))!);
    // Priority 8's Q2 entry is for its milestone 8a: progress on any of its milestones is its return.
    expect(q2.returns.find(({ ref }) => ref === '8')?.submission).not.toBeNull();
    const q3 = documentBody<PlanReturnsDocument>((await reads.get(PLAN_RETURNS_COLLECTION, planReturnsId(PLAN_KEY, '2023/24-Q3')))!);
    expect(q3.returns.map(({ ref, submission }) => [ref, submission])).toEqual([
      ['CP7', null],
      ['CP10', null],
      ['8', null],
      ['10', null],
    ]);
    // Neither indicator is monthly or annual, and progress is quarterly: a month and the year owe nothing.
    expect((await reads.get(PLAN_RETURNS_COLLECTION, planReturnsId(PLAN_KEY, '2023/24-M05')))?.returns).toEqual([]);
    expect((await reads.get(PLAN_RETURNS_COLLECTION, planReturnsId(PLAN_KEY, '2023/24')))?.returns).toEqual([]);
  });

  it('show a figure verified or rejected, who owns and checks each return, and owe nothing more once the plan is closed', async () => {
    const plan = hartPlan();
    plan.add('ActualVerified', { code: 'CP7', unit: 'percent', period: '2023/24-Q1', value: 28.1, verifiedBy: CHECKER.id }, { actor: CHECKER });
    plan.add('ActualRejected', { code: 'CP10', unit: 'rate-per-100k', period: '2023/24-Q2', value: 41, rejectedBy: CHECKER.id, reason: 'Counted twice' }, { actor: CHECKER });
    const returnsOf = async (events: typeof plan.events, period: string) =>
      documentBody<PlanReturnsDocument>((await (await project(planViewProjection, events)).get(PLAN_RETURNS_COLLECTION, planReturnsId(PLAN_KEY, period)))!);

    const [verifiedAt, rejectedAt] = plan.events.slice(-2).map(({ recordedAt }) => recordedAt);
    expect((await returnsOf(plan.events, '2023/24-Q1')).returns[0].submission?.verification).toEqual({ state: 'verified', by: CHECKER.id, at: verifiedAt, reason: null });
    expect((await returnsOf(plan.events, '2023/24-Q2')).returns[1].submission?.verification).toEqual({
      state: 'rejected',
      by: CHECKER.id,
      at: rejectedAt,
      reason: 'Counted twice',
    });

    plan.add('IndicatorOwnershipAssigned', {
      code: 'CP7',
      owner: OFFICER.id,
      approver: CHECKER.id,
      previous: { owner: null, approver: null },
      reason: 'Named at the Q1 review',
    });
    expect((await returnsOf(plan.events, '2023/24-Q3')).returns[0]).toMatchObject({ ref: 'CP7', owner: OFFICER.id, approver: CHECKER.id });
    plan.add('PlanClosed', { reason: 'The year is over' });
    expect(await returnsOf(plan.events, '2023/24-Q3')).toMatchObject({ live: false });
  });

  it('are written again for the period a figure or progress records for alone, for every period after a change to what is owed, and not after any other change', () => {
    const plan = hartPlan();
    const { events } = plan;
    const view = { periodRange: { kind: 'financial-year' as const, from: '2023-04-01', to: '2024-03-31' } } as Parameters<typeof periodsTouchedBy>[2];
    const actual = events.find(({ type }) => type === 'ActualRecorded')!;
    const indicator = events.find(({ type }) => type === 'IndicatorDefined')!;
    const target = events.find(({ type }) => type === 'TargetSet')!;
    expect(periodsTouchedBy(actual, 'ActualRecorded', view)).toEqual(['2023/24-Q1']);
    expect(periodsTouchedBy(indicator, 'IndicatorDefined', view)).toEqual(periodsOfPlan(view.periodRange));
    expect(periodsOfPlan(view.periodRange)).toHaveLength(17);
    expect(periodsTouchedBy(target, 'TargetSet', view)).toEqual([]);
  });

  it('of the periods an event is not said to touch are the same after it as before, for every type of plan event', () => {
    const stream = projectionVersionsStream();
    const views = new Map<string, PlanView | null>();
    const missed: string[] = [];
    for (const event of stream) {
      const before = views.get(event.streamId) ?? null;
      const after = evolvePlanView(before, event);
      views.set(event.streamId, after);
      const planEvent = planEventOf(event);
      if (after === null || planEvent === null) continue;
      const key = planKeyOf(event);
      const touched = new Set(periodsTouchedBy(event, planEvent.type, after));
      const changed = periodsOfPlan(after.periodRange).filter(
        (period) => before === null || !isDeepStrictEqual(planReturnsOf(key, before, period), planReturnsOf(key, after, period)),
      );
      missed.push(...changed.filter((period) => !touched.has(period)).map((period) => `${event.type} at revision ${event.revision}: ${period}`));
    }
    expect(missed).toEqual([]);
    expect(PLAN_EVENT_TYPES.filter((type) => !stream.some((event) => event.type === type))).toEqual([]);
  });
});
