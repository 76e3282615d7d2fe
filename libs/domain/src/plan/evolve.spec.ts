import { evolve } from './evolve';
import type { PlanEvent } from './plan-events';
import type { PlanState } from './plan-state';
import { initialPlanState } from './plan-state';
import { SPEC_ACTOR } from './testing/given-when-then';
import {
  approvedPlan,
  closedPlan,
  cp7Q1Recorded,
  draftPlan,
  HART_PLAN_ID,
  planInMonitoring,
  planInScrutiny,
  priority3Added,
} from './testing/plan-fixtures';

const fold = (...history: PlanEvent[][]): PlanState => history.flat().reduce(evolve, initialPlanState);
const drafted = (state: PlanState) => {
  if (state.lifecycle === 'not-yet-drafted') throw new Error('expected a drafted plan');
  return state;
};

describe('the lifecycle a plan goes through', () => {
  it.each([
    ['draft', draftPlan],
    ['in-scrutiny', planInScrutiny],
    ['approved', approvedPlan],
    ['in-monitoring', planInMonitoring],
    ['closed', closedPlan],
  ] as const)('is %s', (lifecycle, history) => {
    expect(fold(history).lifecycle).toBe(lifecycle);
  });

  it('starts not yet drafted', () => {
    expect(initialPlanState).toEqual({ lifecycle: 'not-yet-drafted' });
  });

  it('stays a draft when monitoring data arrives before approval', () => {
    expect(fold(draftPlan, [cp7Q1Recorded]).lifecycle).toBe('draft');
  });

  it('is a draft again once reopened', () => {
    const reopened: PlanEvent = { type: 'PlanReopenedForRevision', data: { planId: HART_PLAN_ID, reason: 'Budget' } };
    expect(fold(planInMonitoring, [reopened]).lifecycle).toBe('draft');
  });

  it('refuses to fold an event before the plan was drafted', () => {
    expect(() => evolve(initialPlanState, cp7Q1Recorded)).toThrow(/cannot come before the plan's PlanDrafted/);
  });
});

describe('what the state remembers', () => {
  it('holds the latest figure per period, priorities, versions and whether anything changed since', () => {
    const restated: PlanEvent = {
      type: 'ActualRestated',
      data: {
        ...cp7Q1Recorded.data,
        previous: { value: 29.1, commentary: null },
        value: 28.7,
        commentary: 'Corrected',
        reason: 'Capita correction',
      },
    };
    const plan = drafted(fold(planInMonitoring, [restated]));
    expect(plan.indicators.CP7.actuals).toEqual({
      '2023/24-Q1': { value: 28.7, commentary: 'Corrected', recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null, verification: 'unverified' },
    });
    expect(Object.keys(plan.indicators)).toEqual(['CP7', 'CP10']);
    expect(plan.priorities['3'].outcomes).toEqual(priority3Added.data.outcomes);
    expect(plan.versionLabels).toEqual(['1', '2']);
    expect(plan.changedSinceLastVersion).toBe(false);
  });

  it('marks a structural change since the last version, and forgets a withdrawn priority but not its ref', () => {
    const withdrawn: PlanEvent = {
      type: 'PriorityWithdrawn',
      data: { planId: HART_PLAN_ID, ref: '3', kind: 'priority', title: priority3Added.data.title, reason: 'Merged' },
    };
    const plan = drafted(fold(draftPlan, [withdrawn]));
    expect(plan.changedSinceLastVersion).toBe(true);
    expect(plan.priorities).toEqual({});
    expect(plan.withdrawnPriorityRefs).toEqual(['3']);
  });
});
