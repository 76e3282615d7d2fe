import type { Outcome } from './plan-values';
import { given } from './testing/given-when-then';
import {
  approvedPlan,
  cp7Defined,
  cp7Q1Recorded,
  draftPlan,
  HART_PLAN_ID,
  hartDrafted,
  planInMonitoring,
  priority3Added,
} from './testing/plan-fixtures';

const planId = HART_PLAN_ID;
const outcome = (ref: string, description: string, text: string | null, date: string | null) => ({
  ref,
  description,
  targetDate: text === null ? null : { text, date },
});
/** An outcome as an editor would send it back unchanged. */
const asInput = ({ ref, description, targetDate }: Outcome) => ({ ref, description, targetDate: targetDate?.text });

describe('drafting a plan', () => {
  it('records the plan for one financial year', () => {
    given()
      .when({
        type: 'DraftPlan',
        data: { planId, council: 'hart', title: 'Service Plan 2023/24', service: 'Corporate Services', period: '2023-24' },
      })
      .then([
        {
          type: 'PlanDrafted',
          data: {
            planId,
            council: 'hart',
            service: 'Corporate Services',
            title: 'Service Plan 2023/24',
            period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
            owner: null,
          },
        },
      ]);
  });

  it('records a plan over several whole financial years with its owner', () => {
    given()
      .when({
        type: 'DraftPlan',
        data: {
          planId: 'three-rivers',
          council: 'three-rivers',
          title: 'Corporate Services Service Plan 2020 - 2023',
          service: 'Corporate Services',
          period: { from: '2020-04-01', to: '2023-03-31' },
          owner: 'Phil King',
        },
      })
      .then([
        {
          type: 'PlanDrafted',
          data: {
            planId: 'three-rivers',
            council: 'three-rivers',
            service: 'Corporate Services',
            title: 'Corporate Services Service Plan 2020 - 2023',
            period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
            owner: 'Phil King',
          },
        },
      ]);
  });

  it('refuses a plan that already exists', () => {
    given([hartDrafted])
      .when({ type: 'DraftPlan', data: { planId, council: 'hart', title: 'Again', service: 'CS', period: '2023/24' } })
      .thenRefused('already-exists', /already exists/);
  });

  it('refuses a period that is not a financial year', () => {
    given()
      .when({ type: 'DraftPlan', data: { planId, council: 'hart', title: 'T', service: 'CS', period: '2023/25' } })
      .thenRefused('rule-broken', /'2023\/25' is not a financial year: write it as 2023\/24/);
  });

  it('refuses any other command before the plan is drafted', () => {
    given()
      .when({ type: 'ClosePlan', data: { reason: 'Never mind' } })
      .thenRefused('not-found', /no such plan/);
  });
});

describe('adding a priority', () => {
  it('numbers outcomes without a ref in order and reads their target dates', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: {
          ref: '1',
          title: 'Review Medium Term Financial Strategy',
          themes: ['Resilient and financially sound council'],
          objective: '6.3 Actively tell residents how we use Council resources',
          outcomes: [
            { description: 'Produce budget strategy', targetDate: 'Oct 2023' },
            { ref: '1a', description: 'Review S106 balances', targetDate: 'Aug 2023' },
            { description: 'Revised MTFP', targetDate: 'August 2023 Cabinet' },
            { description: 'Strengthen staff cost budgeting', targetDate: 'Throughout the 23/24 year' },
            { description: 'Embed the new arrangements', targetDate: 'Ongoing' },
            { description: 'Monitor' },
          ],
        },
      })
      .then([
        {
          type: 'PriorityAdded',
          data: {
            planId,
            ref: '1',
            title: 'Review Medium Term Financial Strategy',
            themes: ['Resilient and financially sound council'],
            objective: '6.3 Actively tell residents how we use Council resources',
            outcomes: [
              outcome('1', 'Produce budget strategy', 'Oct 2023', '2023-10-31'),
              outcome('1a', 'Review S106 balances', 'Aug 2023', '2023-08-31'),
              outcome('2', 'Revised MTFP', 'August 2023 Cabinet', '2023-08-31'),
              outcome('3', 'Strengthen staff cost budgeting', 'Throughout the 23/24 year', '2024-03-31'),
              outcome('4', 'Embed the new arrangements', 'Ongoing', null),
              outcome('5', 'Monitor', null, null),
            ],
          },
        },
      ]);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when({ type: 'AddPriority', data: { ref: '20', title: 'New work', themes: ['Planet'], outcomes: [] } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Priority 20 added' } },
        {
          type: 'PriorityAdded',
          data: { planId, ref: '20', title: 'New work', themes: ['Planet'], objective: null, outcomes: [] },
        },
      ]);
  });

  it('refuses a ref already in the plan', () => {
    given(draftPlan)
      .when({ type: 'AddPriority', data: { ref: '3', title: 'Again', themes: [], outcomes: [] } })
      .thenRefused('rule-broken', /Priority '3' is already in this plan/);
  });

  it('refuses the ref of a withdrawn priority', () => {
    given(draftPlan, [{ type: 'PriorityWithdrawn', data: { planId, ref: '3', title: 'x', reason: 'Done elsewhere' } }])
      .when({ type: 'AddPriority', data: { ref: '3', title: 'Again', themes: [], outcomes: [] } })
      .thenRefused('rule-broken', /Priority '3' was withdrawn .* cannot be used again/);
  });

  it('refuses two outcomes with the same ref', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: { ref: '4', title: 'T', themes: [], outcomes: [{ ref: 'a', description: 'x' }, { ref: 'a', description: 'y' }] },
      })
      .thenRefused('rule-broken', /lists outcome 'a' twice/);
  });

  it('refuses an impossible target date', () => {
    given([hartDrafted])
      .when({
        type: 'AddPriority',
        data: { ref: '4', title: 'T', themes: [], outcomes: [{ description: 'x', targetDate: '31 June 2023' }] },
      })
      .thenRefused('rule-broken', /June 2023 has 30 days/);
  });
});

describe('revising a priority', () => {
  it('records the fields that change with their old values', () => {
    given(draftPlan)
      .when({
        type: 'RevisePriority',
        data: { ref: '3', title: 'Transition from Capita', themes: priority3Added.data.themes, objective: 'Finance', reason: 'O&S comments' },
      })
      .then([
        {
          type: 'PriorityRevised',
          data: {
            planId,
            ref: '3',
            changes: { title: 'Transition from Capita', objective: 'Finance' },
            previous: { title: priority3Added.data.title, objective: null },
            reason: 'O&S comments',
          },
        },
      ]);
  });

  it('turns the new list of outcomes into changed, added and removed outcomes', () => {
    const [first, , third] = priority3Added.data.outcomes;
    given(draftPlan)
      .when({
        type: 'RevisePriority',
        data: {
          ref: '3',
          outcomes: [
            { ref: '1', description: first.description, targetDate: 'Sept 2023' },
            { ref: '3', description: third.description, targetDate: 'Ongoing' },
            { description: 'Lease accounting changes planned', targetDate: 'March 2024' },
          ],
          reason: 'Transition delayed',
        },
      })
      .then([
        {
          type: 'OutcomeChanged',
          data: {
            planId,
            priorityRef: '3',
            outcomeRef: '1',
            before: first,
            after: { ...first, targetDate: { text: 'Sept 2023', date: '2023-09-30' } },
            reason: 'Transition delayed',
          },
        },
        {
          type: 'OutcomeAdded',
          data: {
            planId,
            priorityRef: '3',
            outcome: outcome('4', 'Lease accounting changes planned', 'March 2024', '2024-03-31'),
            reason: 'Transition delayed',
          },
        },
        {
          type: 'OutcomeRemoved',
          data: { planId, priorityRef: '3', outcome: priority3Added.data.outcomes[1], reason: 'Transition delayed' },
        },
      ]);
  });

  it('never gives a new outcome the number of a removed one', () => {
    const removed = {
      type: 'OutcomeRemoved' as const,
      data: { planId, priorityRef: '3', outcome: priority3Added.data.outcomes[2], reason: 'Covered by HR' },
    };
    given(draftPlan, [removed])
      .when({
        type: 'RevisePriority',
        data: {
          ref: '3',
          outcomes: [...priority3Added.data.outcomes.slice(0, 2).map(asInput), { description: 'Audit sign-off' }],
          reason: 'Audit added',
        },
      })
      .then([
        {
          type: 'OutcomeAdded',
          data: { planId, priorityRef: '3', outcome: outcome('4', 'Audit sign-off', null, null), reason: 'Audit added' },
        },
      ]);
  });

  it('reopens an approved plan first, for the same reason', () => {
    given(planInMonitoring)
      .when({ type: 'RevisePriority', data: { ref: '3', title: 'Capita exit', reason: 'Cabinet decision' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Cabinet decision' } },
        {
          type: 'PriorityRevised',
          data: {
            planId,
            ref: '3',
            changes: { title: 'Capita exit' },
            previous: { title: priority3Added.data.title },
            reason: 'Cabinet decision',
          },
        },
      ]);
  });

  it('refuses a revision that changes nothing', () => {
    given(draftPlan)
      .when({
        type: 'RevisePriority',
        data: { ref: '3', title: priority3Added.data.title, outcomes: priority3Added.data.outcomes.map(asInput), reason: 'Tidy' },
      })
      .thenRefused('rule-broken', /Nothing would change: priority 3/);
  });

  it('refuses a blank reason', () => {
    given(draftPlan)
      .when({ type: 'RevisePriority', data: { ref: '3', title: 'New', reason: '  ' } })
      .thenRefused('rule-broken', /Give a reason for revising priority 3/);
  });

  it('refuses an unknown priority', () => {
    given(draftPlan)
      .when({ type: 'RevisePriority', data: { ref: '99', title: 'New', reason: 'Why not' } })
      .thenRefused('not-found', /Priority '99' is not in this plan/);
  });

  it('refuses a withdrawn priority', () => {
    given(draftPlan, [{ type: 'PriorityWithdrawn', data: { planId, ref: '3', title: 'x', reason: 'Dropped' } }])
      .when({ type: 'RevisePriority', data: { ref: '3', title: 'New', reason: 'Why not' } })
      .thenRefused('not-found', /Priority '3' was withdrawn/);
  });
});

describe('withdrawing a priority', () => {
  it('records the withdrawal with the title and reason', () => {
    given(draftPlan)
      .when({ type: 'WithdrawPriority', data: { ref: '3', reason: 'Covered by the finance plan' } })
      .then([
        {
          type: 'PriorityWithdrawn',
          data: { planId, ref: '3', title: priority3Added.data.title, reason: 'Covered by the finance plan' },
        },
      ]);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when({ type: 'WithdrawPriority', data: { ref: '3', reason: 'Done' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Done' } },
        { type: 'PriorityWithdrawn', data: { planId, ref: '3', title: priority3Added.data.title, reason: 'Done' } },
      ]);
  });

  it('refuses without a reason', () => {
    given(draftPlan)
      .when({ type: 'WithdrawPriority', data: { ref: '3', reason: '' } })
      .thenRefused('rule-broken', /Give a reason for withdrawing priority 3/);
  });

  it('refuses an unknown priority', () => {
    given(draftPlan)
      .when({ type: 'WithdrawPriority', data: { ref: '7', reason: 'Done' } })
      .thenRefused('not-found', /Priority '7' is not in this plan/);
  });
});

describe('defining an indicator', () => {
  const cp12 = {
    code: 'CP12',
    title: 'Overall cost of waste per household',
    unit: 'currency' as const,
    polarity: 'lower-is-better' as const,
    basis: 'annual' as const,
    frequency: 'annual' as const,
  };

  it('applies the default tolerance and reads targets from values and words', () => {
    given([hartDrafted])
      .when({
        type: 'DefineIndicator',
        data: {
          ...cp12,
          targets: [
            { period: '2023-24', text: '£25' },
            { period: '2023/24-Q4', value: 25, text: 'at least covering costs' },
            { period: '2024/25', value: 26 },
          ],
        },
      })
      .then([
        {
          type: 'IndicatorDefined',
          data: {
            planId,
            ...cp12,
            description: null,
            tolerance: 5,
            targets: [
              { period: '2023/24', value: 25, text: '£25', comparison: 'at-most' },
              { period: '2023/24-Q4', value: 25, text: 'at least covering costs', comparison: 'at-least' },
              { period: '2024/25', value: 26, text: null, comparison: 'at-most' },
            ],
          },
        },
      ]);
  });

  it('reopens a plan in monitoring first', () => {
    given(planInMonitoring)
      .when({ type: 'DefineIndicator', data: { ...cp12, tolerance: 10, targets: [] } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Indicator CP12 defined' } },
        { type: 'IndicatorDefined', data: { planId, ...cp12, description: null, tolerance: 10, targets: [] } },
      ]);
  });

  it('refuses a code already in the plan', () => {
    given(draftPlan)
      .when({ type: 'DefineIndicator', data: { ...cp12, code: 'CP7', targets: [] } })
      .thenRefused('rule-broken', /Indicator 'CP7' is already in this plan/);
  });

  it('refuses a code already in the plan in other capitals, naming it as defined', () => {
    given(draftPlan)
      .when({ type: 'DefineIndicator', data: { ...cp12, code: 'cp7', targets: [] } })
      .thenRefused('rule-broken', /^Indicator 'cp7' is already in this plan as 'CP7': choose another code\.$/);
  });

  it('refuses a negative tolerance', () => {
    given(draftPlan)
      .when({ type: 'DefineIndicator', data: { ...cp12, tolerance: -1, targets: [] } })
      .thenRefused('rule-broken', /cannot be negative: -1% was given/);
  });

  it('refuses a target with neither value nor words', () => {
    given(draftPlan)
      .when({ type: 'DefineIndicator', data: { ...cp12, targets: [{ period: '2023/24', text: ' ' }] } })
      .thenRefused('rule-broken', /target for 2023\/24 needs a value or words/);
  });

  it('refuses two targets for the same period however written', () => {
    given(draftPlan)
      .when({ type: 'DefineIndicator', data: { ...cp12, targets: [{ period: '2023/24', value: 25 }, { period: '2023-24', value: 24 }] } })
      .thenRefused('rule-broken', /two targets for 2023\/24/);
  });

  it('refuses a malformed target period', () => {
    given(draftPlan)
      .when({ type: 'DefineIndicator', data: { ...cp12, targets: [{ period: '2023/24-Q5', value: 25 }] } })
      .thenRefused('rule-broken', /'2023\/24-Q5' is not a quarter/);
  });
});

describe('revising an indicator', () => {
  it('records the changed fields with their old values', () => {
    given(draftPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', tolerance: 2, title: cp7Defined.data.title, reason: 'Tighter tolerance agreed' } })
      .then([
        {
          type: 'IndicatorRevised',
          data: { planId, code: 'CP7', changes: { tolerance: 2 }, previous: { tolerance: 5 }, reason: 'Tighter tolerance agreed' },
        },
      ]);
  });

  it('reopens an approved plan first', () => {
    given(approvedPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', description: null, reason: 'Clearer' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Clearer' } },
        {
          type: 'IndicatorRevised',
          data: { planId, code: 'CP7', changes: { description: null }, previous: { description: cp7Defined.data.description }, reason: 'Clearer' },
        },
      ]);
  });

  it('refuses a revision that changes nothing', () => {
    given(draftPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', unit: 'percent', reason: 'Check' } })
      .thenRefused('rule-broken', /Nothing would change: indicator CP7/);
  });

  it('refuses a negative tolerance', () => {
    given(draftPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', tolerance: -5, reason: 'Oops' } })
      .thenRefused('rule-broken', /cannot be negative/);
  });

  it('refuses a blank reason', () => {
    given(draftPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', tolerance: 3, reason: ' ' } })
      .thenRefused('rule-broken', /Give a reason for revising indicator CP7/);
  });

  it('refuses an unknown indicator', () => {
    given(draftPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP99', tolerance: 3, reason: 'Why' } })
      .thenRefused('not-found', /Indicator 'CP99' is not in this plan/);
  });
});

describe('setting a target', () => {
  it('sets a first target for a period without a reason', () => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023-24-Q2', value: 55 } })
      .then([
        {
          type: 'TargetSet',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            polarity: 'higher-is-better',
            target: { period: '2023/24-Q2', value: 55, text: null, comparison: 'at-least' },
            reason: null,
            authority: null,
          },
        },
      ]);
  });

  it('changes a target with its reason, authority and the previous target', () => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24', value: 97.5, reason: 'Cost of living', authority: 'Cabinet 4 April 2024' } })
      .then([
        {
          type: 'TargetChanged',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24',
            previous: cp7Defined.data.targets[0],
            target: { period: '2023/24', value: 97.5, text: null, comparison: 'at-least' },
            reason: 'Cost of living',
            authority: 'Cabinet 4 April 2024',
          },
        },
      ]);
  });

  it('reopens a plan in monitoring first, for the same reason', () => {
    given(planInMonitoring)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24', value: 97, reason: 'Revised forecast' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Revised forecast' } },
        {
          type: 'TargetChanged',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24',
            previous: cp7Defined.data.targets[0],
            target: { period: '2023/24', value: 97, text: null, comparison: 'at-least' },
            reason: 'Revised forecast',
            authority: null,
          },
        },
      ]);
  });

  it('refuses to change a target without a reason', () => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24', value: 90 } })
      .thenRefused('rule-broken', /Give a reason for changing the target for CP7 in 2023\/24 from 98/);
  });

  it('refuses a change to the same target', () => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24', value: 98, reason: 'Confirming' } })
      .thenRefused('rule-broken', /Nothing would change: the target for CP7 in 2023\/24 is already 98/);
  });

  it('refuses a target with neither value nor words', () => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24-Q3', reason: 'x' } })
      .thenRefused('rule-broken', /needs a value or words/);
  });

  it('refuses an unknown indicator', () => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP1', period: '2023/24', value: 100 } })
      .thenRefused('not-found', /Indicator 'CP1' is not in this plan/);
  });

  it('keeps earlier actuals judged as they were: the change applies to what is recorded after it', () => {
    given(planInMonitoring)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24-Q1', value: 30, reason: 'Re-profiled' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Re-profiled' } },
        {
          type: 'TargetChanged',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24-Q1',
            previous: cp7Q1Recorded.data.assessedAgainst.target!,
            target: { period: '2023/24-Q1', value: 30, text: null, comparison: 'at-least' },
            reason: 'Re-profiled',
            authority: null,
          },
        },
      ]);
  });
});
