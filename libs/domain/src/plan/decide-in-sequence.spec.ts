import { DomainError } from '../domain-error';
import { decide, decideInSequence } from './decide';
import { evolve } from './evolve';
import type { PlanCommand } from './plan-commands';
import { initialPlanState } from './plan-state';
import { DEFAULT_RISK_MATRIX } from './risks/risk-matrix';
import { SPEC_ACTOR } from './testing/given-when-then';
import { HART_PLAN_ID } from './testing/plan-fixtures';
import { HART_PLAN, hartPriority } from './testing/hart-2023-24.seed';

const context = { now: new Date('2023-07-15T10:00:00Z'), actor: SPEC_ACTOR, riskMatrix: DEFAULT_RISK_MATRIX, corporatePlans: null };

const draft: PlanCommand = {
  type: 'DraftPlan',
  data: { planId: HART_PLAN_ID, council: HART_PLAN.council, title: HART_PLAN.title, service: HART_PLAN.service, period: HART_PLAN.period },
};
const { ref, title, themes, outcomes } = hartPriority('1');
const priority1: PlanCommand = { type: 'AddPriority', data: { ref, title, themes, outcomes } };
const cp7: PlanCommand = {
  type: 'DefineIndicator',
  data: {
    code: 'CP7',
    title: 'Percentage of Council Tax collected',
    unit: 'percent',
    polarity: 'higher-is-better',
    basis: 'cumulative-ytd',
    frequency: 'quarterly',
    targets: [{ period: '2023/24', value: 98 }],
  },
};

describe('deciding a sequence of commands, as an import does', () => {
  it('decides each command on the plan the ones before it made, as one by one', () => {
    const { events, refusals } = decideInSequence([draft, priority1, cp7], initialPlanState, context);

    expect(refusals).toEqual([]);
    expect(events.map((event) => event.type)).toEqual(['PlanDrafted', 'PriorityAdded', 'IndicatorDefined']);
    const drafted = decide(draft, initialPlanState, context).reduce(evolve, initialPlanState);
    expect(events.slice(1, 2)).toEqual(decide(priority1, drafted, context));
  });

  it('names every refused command by its place, and the refused ones change nothing', () => {
    const { events, refusals } = decideInSequence([draft, priority1, priority1, cp7, cp7], initialPlanState, context);

    expect(events.map((event) => event.type)).toEqual(['PlanDrafted', 'PriorityAdded', 'IndicatorDefined']);
    expect(refusals.map(({ index }) => index)).toEqual([2, 4]);
    expect(refusals.every(({ refusal }) => refusal instanceof DomainError)).toBe(true);
    expect(refusals[0].refusal.message).toMatch(/Priority '1' is already in this plan/);
    expect(refusals[1].refusal.message).toMatch(/CP7/);
  });

  it('refuses every command before the plan is drafted, as a plan that does not exist', () => {
    const { events, refusals } = decideInSequence([priority1, cp7], initialPlanState, context);

    expect(events).toEqual([]);
    expect(refusals.map(({ refusal }) => refusal.kind)).toEqual(['not-found', 'not-found']);
  });
});
