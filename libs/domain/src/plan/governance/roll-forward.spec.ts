import { evolve } from '../evolve';
import { NOBODY_NAMED } from '../ownership';
import type { PlanEvent } from '../plan-events';
import { initialPlanState, type PlanState } from '../plan-state';
import { expectRefused } from '../testing/given-when-then';
import { approvedPlan, cp7Defined, cp7Q1Recorded, HART_PLAN_ID, hartDrafted, planInMonitoring, priority3Added } from '../testing/plan-fixtures';
import { decideRollForward, type RollForward } from './roll-forward';

const planId = HART_PLAN_ID;
const NEXT_ID = 'hart-corporate-services-2024-25';
const NEXT_YEAR = { kind: 'financial-year', label: '2024/25', from: '2024-04-01', to: '2025-03-31' } as const;

const stateOf = (...events: PlanEvent[][]): PlanState => events.flat().reduce(evolve, initialPlanState);

const contract = (ref: string, end: { text: string; date: string | null } | null) => ({
  ref,
  title: `Contract ${ref}`,
  serviceArea: null,
  contact: null,
  description: null,
  supplier: 'Capita',
  value: 120_000,
  start: null,
  end,
  review: null,
  extension: null,
});

/**
 * Hart's 2023/24 plan in monitoring, with the rest of what a year leaves (ILLUSTRATIVE): priority 4
 * completed, priority 9 withdrawn, CP7 measuring priorities 3 and 4, a risk re-scored at its Q2
 * review, three contracts of which one ends with the year, and a budget line over four years.
 */
const endOfYear: PlanEvent[] = [
  ...planInMonitoring,
  {
    type: 'PriorityAdded',
    data: { ...priority3Added.data, ref: '4', title: 'Replace the finance system', outcomes: [] },
  },
  { type: 'PriorityAdded', data: { ...priority3Added.data, ref: '9', title: 'Review the car parks', outcomes: [] } },
  { type: 'PriorityWithdrawn', data: { planId, ref: '9', kind: 'priority', title: 'Review the car parks', reason: 'Taken on by Place' } },
  {
    type: 'ProgressRecorded',
    data: { planId, priorityRef: '4', milestone: null, period: '2023/24-Q3', percentComplete: 100, status: 'completed', position: null, commentary: null },
  },
  {
    type: 'ProgressRecorded',
    data: { planId, priorityRef: '3', milestone: null, period: '2023/24-Q3', percentComplete: 60, status: 'on-track', position: null, commentary: null },
  },
  { type: 'IndicatorLinked', data: { planId, code: 'CP7', priorityRefs: ['3', '4'], previous: [], reason: null } },
  {
    type: 'RiskAdded',
    data: {
      planId,
      ref: 'R1',
      title: 'Loss of key finance staff',
      owner: 'Head of Corporate Services',
      inherent: null,
      residual: { likelihood: 3, impact: 3, score: 9, band: 'high' },
      controls: 'Cross-training',
      reviewDate: null,
    },
  },
  { type: 'RiskReviewed', data: { planId, ref: 'R1', period: '2023/24-Q2', residual: { likelihood: 2, impact: 3, score: 6, band: 'medium' }, commentary: null } },
  { type: 'ContractAdded', data: { planId, contract: contract('C1', { text: 'March 2024', date: '2024-03-31' }) } },
  { type: 'ContractAdded', data: { planId, contract: contract('C2', { text: '31 March 2026', date: '2026-03-31' }) } },
  { type: 'ContractAdded', data: { planId, contract: contract('C3', { text: 'Rolling', date: null }) } },
  {
    type: 'BudgetLineAdded',
    data: {
      planId,
      code: 'CS01',
      title: 'Corporate Services',
      note: null,
      amounts: [
        { year: '2021/22', kind: 'outturn', value: 1_700_000 },
        { year: '2023/24', kind: 'latest', value: 1_824_973 },
        { year: '2024/25', kind: 'original', value: 1_900_000 },
      ],
    },
  },
];

const toNextYear: RollForward = { planId: NEXT_ID, period: '2024-25' };

describe('rolling a plan forward to next year', () => {
  const old = stateOf(endOfYear);
  const decided = decideRollForward(old, 41, initialPlanState, toNextYear);

  it("drafts next year's plan for the same service, saying first where it came from", () => {
    expect(decided.newPlan.slice(0, 2)).toEqual([
      {
        type: 'PlanDrafted',
        data: { planId: NEXT_ID, council: 'hart', service: 'Corporate Services', title: 'Service Plan 2024/25: Corporate Services', period: NEXT_YEAR, owner: 'Graeme Clark' },
      },
      { type: 'PlanRolledForwardFrom', data: { planId: NEXT_ID, fromPlanId: planId, fromPeriod: '2023/24', fromRevision: 41, fromVersionLabel: '2' } },
    ]);
    expect(decided.oldPlan).toEqual([{ type: 'PlanRolledForward', data: { planId, toPlanId: NEXT_ID, toPeriod: '2024/25' } }]);
  });

  it('carries the open priorities as they stand, leaving the completed and the withdrawn behind', () => {
    const added = decided.newPlan.filter((event) => event.type === 'PriorityAdded');
    expect(added).toEqual([{ type: 'PriorityAdded', data: { ...priority3Added.data, planId: NEXT_ID } }]);
  });

  it('carries every indicator with its definition and code, without its actuals or this year\'s targets, linked to the priorities carried', () => {
    const indicators = decided.newPlan.filter((event) => event.type === 'IndicatorDefined' || event.type === 'IndicatorLinked');
    const { targets: _targets, ...definition } = cp7Defined.data;
    expect(indicators).toEqual([
      { type: 'IndicatorDefined', data: { ...definition, planId: NEXT_ID, targets: [] } },
      { type: 'IndicatorLinked', data: { planId: NEXT_ID, code: 'CP7', priorityRefs: ['3'], previous: [], reason: null } },
      expect.objectContaining({ type: 'IndicatorDefined', data: expect.objectContaining({ code: 'CP10', targets: [] }) }),
    ]);
    expect(decided.newPlan.some((event) => event.type === 'ActualRecorded')).toBe(false);
  });

  it('names the same owners and approvers of the indicators and priorities it carries, and nobody where none was named', () => {
    const named = stateOf(endOfYear, [
      { type: 'IndicatorOwnershipAssigned', data: { planId, code: 'CP7', owner: 'sam.reed@hart', approver: 'jo.hale@hart', previous: NOBODY_NAMED, reason: null } },
      { type: 'PriorityOwnershipAssigned', data: { planId, ref: '3', kind: 'priority', owner: 'sam.reed@hart', approver: null, previous: NOBODY_NAMED, reason: null } },
    ]);
    const owned = decideRollForward(named, 43, initialPlanState, toNextYear).newPlan.filter(
      (event) => event.type === 'IndicatorOwnershipAssigned' || event.type === 'PriorityOwnershipAssigned',
    );
    expect(owned).toEqual([
      { type: 'PriorityOwnershipAssigned', data: { planId: NEXT_ID, ref: '3', kind: 'priority', owner: 'sam.reed@hart', approver: null, previous: NOBODY_NAMED, reason: null } },
      { type: 'IndicatorOwnershipAssigned', data: { planId: NEXT_ID, code: 'CP7', owner: 'sam.reed@hart', approver: 'jo.hale@hart', previous: NOBODY_NAMED, reason: null } },
    ]);
    expect(decided.newPlan.some((event) => event.type === 'IndicatorOwnershipAssigned' || event.type === 'PriorityOwnershipAssigned')).toBe(false);
  });

  it('keeps targets for the new period that the old plan already held', () => {
    const withNextYearsTarget = stateOf(approvedPlan.slice(0, 1), [
      { type: 'IndicatorDefined', data: { ...cp7Defined.data, targets: [...cp7Defined.data.targets, { ...cp7Defined.data.targets[0], period: '2024/25', value: 32 }] } },
      cp7Q1Recorded,
    ]);
    const [defined] = decideRollForward(withNextYearsTarget, 2, initialPlanState, toNextYear).newPlan.filter((event) => event.type === 'IndicatorDefined');
    expect(defined).toMatchObject({ data: { targets: [{ period: '2024/25', value: 32 }] } });
  });

  it('carries the risks as their latest review scored them, the contracts still running and the budget lines, with the years the new plan may name', () => {
    expect(decided.newPlan.filter((event) => event.type === 'RiskAdded')).toEqual([
      {
        type: 'RiskAdded',
        data: {
          planId: NEXT_ID,
          ref: 'R1',
          title: 'Loss of key finance staff',
          owner: 'Head of Corporate Services',
          inherent: null,
          residual: { likelihood: 2, impact: 3, score: 6, band: 'medium' },
          controls: 'Cross-training',
          reviewDate: null,
        },
      },
    ]);
    expect(decided.newPlan.flatMap((event) => (event.type === 'ContractAdded' ? [event.data.contract.ref] : []))).toEqual(['C2', 'C3']);
    expect(decided.newPlan.filter((event) => event.type === 'BudgetLineAdded')).toEqual([
      {
        type: 'BudgetLineAdded',
        data: {
          planId: NEXT_ID,
          code: 'CS01',
          title: 'Corporate Services',
          note: null,
          amounts: [
            { year: '2023/24', kind: 'latest', value: 1_824_973 },
            { year: '2024/25', kind: 'original', value: 1_900_000 },
          ],
        },
      },
    ]);
  });

  it('makes a draft whose version table starts afresh, and leaves the old plan as it was, only saying where it went', () => {
    const next = stateOf(decided.newPlan);
    expect(next).toMatchObject({ lifecycle: 'draft', versionLabels: [], rolledForwardFrom: { planId, period: '2023/24' }, rolledForwardTo: null });
    const after = stateOf(endOfYear, decided.oldPlan);
    expect(after).toEqual({ ...old, rolledForwardTo: { planId: NEXT_ID, period: '2024/25' } });
  });

  it('takes the title given, and rolls a closed plan forward without reopening it', () => {
    const closed = stateOf(endOfYear, [{ type: 'PlanClosed', data: { planId, reason: 'The 2023/24 year has ended' } }]);
    const { newPlan, oldPlan } = decideRollForward(closed, 42, initialPlanState, { ...toNextYear, title: '  Corporate Services 2024/25 ' });
    expect(newPlan[0]).toMatchObject({ type: 'PlanDrafted', data: { title: 'Corporate Services 2024/25' } });
    expect(stateOf(endOfYear, [{ type: 'PlanClosed', data: { planId, reason: 'The 2023/24 year has ended' } }], oldPlan).lifecycle).toBe('closed');
  });

  it('may roll forward into several years, as long as they begin when the old plan ends', () => {
    const { newPlan } = decideRollForward(old, 41, initialPlanState, { planId: NEXT_ID, period: '2024-2027' });
    expect(newPlan[0]).toMatchObject({ data: { period: { kind: 'multi-year', label: '2024-2027' }, title: 'Service Plan 2024-2027: Corporate Services' } });
  });
});

describe('a roll-forward refused', () => {
  const old = stateOf(endOfYear);

  it('names the period it must be when it is not the next one', () => {
    expectRefused(
      () => decideRollForward(old, 41, initialPlanState, { planId: NEXT_ID, period: '2025/26' }),
      'rule-broken',
      /^The plan "Service Plan 2023\/24: Corporate Services" covers 2023\/24 \(1 April 2023 to 31 March 2024\), so the plan rolled forward from it begins on 1 April 2024, as 2024\/25 does: 2025\/26 begins on 1 April 2025\.$/,
    );
    expectRefused(() => decideRollForward(old, 41, initialPlanState, { planId: NEXT_ID, period: '2023/24' }), 'rule-broken', /begins on 1 April 2024/);
    expectRefused(() => decideRollForward(old, 41, initialPlanState, { planId: NEXT_ID, period: '2024/25-Q1' }), 'rule-broken', /whole financial years/);
  });

  it('refuses a plan of that id that was not rolled forward from this one, and a second roll-forward elsewhere', () => {
    const other = stateOf([{ type: 'PlanDrafted', data: { ...hartDrafted.data, planId: NEXT_ID, title: 'Someone else\'s plan', period: NEXT_YEAR } }]);
    expectRefused(() => decideRollForward(old, 41, other, toNextYear), 'already-exists', /'hart-corporate-services-2024-25' already exists: "Someone else's plan", which was not rolled forward from/);
    const rolled = stateOf(endOfYear, [{ type: 'PlanRolledForward', data: { planId, toPlanId: 'elsewhere', toPeriod: '2024/25' } }]);
    expectRefused(() => decideRollForward(rolled, 42, initialPlanState, toNextYear), 'rule-broken', /rolled forward already, to plan 'elsewhere' for 2024\/25/);
  });

  it('is no plan at all when the old plan was never drafted', () => {
    expectRefused(() => decideRollForward(initialPlanState, 0, initialPlanState, toNextYear), 'not-found', /no such plan/);
  });
});

describe('a roll-forward asked for again', () => {
  const old = stateOf(endOfYear);
  const first = decideRollForward(old, 41, initialPlanState, toNextYear);
  const next = stateOf(first.newPlan);

  it('decides nothing once both plans hold it', () => {
    expect(decideRollForward(stateOf(endOfYear, first.oldPlan), 42, next, toNextYear)).toEqual({ newPlan: [], oldPlan: [] });
  });

  it("completes one interrupted after the new plan was written: the old plan's event alone", () => {
    expect(decideRollForward(old, 41, next, toNextYear)).toEqual({ newPlan: [], oldPlan: first.oldPlan });
  });
});
