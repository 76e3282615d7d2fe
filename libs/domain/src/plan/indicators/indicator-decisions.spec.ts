import type { PlanEvent } from '../plan-events';
import { given } from '../testing/given-when-then';
import {
  approvedPlan,
  cp7Defined,
  cp7Q1Recorded,
  draftPlan,
  HART_PLAN_ID,
  hartDrafted,
  planInMonitoring,
  CP12_DEFINITION,
} from '../testing/plan-fixtures';

const planId = HART_PLAN_ID;

describe('defining an indicator', () => {
  const cp12 = CP12_DEFINITION;

  it('applies the default tolerance and comparison, keeps the words, and never reads a figure from them', () => {
    given([hartDrafted])
      .when({
        type: 'DefineIndicator',
        data: {
          ...cp12,
          targets: [
            { period: '2023-24', text: '£25' },
            { period: '2023/24-Q4', value: 25, text: 'at least covering costs' },
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
            toleranceAbsolute: null, themeId: null,
            targets: [
              { period: '2023/24', value: null, text: '£25', upper: null, baseline: null, comparison: null },
              { period: '2023/24-Q4', value: 25, text: 'at least covering costs', upper: null, baseline: null, comparison: 'at-most' },
            ],
          },
        },
      ]);
  });

  it.each([
    ['the year before', '2022/23'],
    ['the year after', '2024-25'],
    ['a month after', '2024-04'],
  ])('refuses a target for %s the plan, as it refuses an actual', (_when, period) => {
    given([hartDrafted])
      .when({ type: 'DefineIndicator', data: { ...cp12, targets: [{ period: '2023/24', value: 25 }, { period, value: 26 }] } })
      .thenRefused('rule-broken', /^20\d\d\/\d\d(-M\d\d)? is outside this plan's period, 2023\/24 \(1 April 2023 to 31 March 2024\)\.$/);
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period, value: 97 } })
      .thenRefused('rule-broken', /is outside this plan's period, 2023\/24/);
  });

  it('reopens a plan in monitoring first', () => {
    given(planInMonitoring)
      .when({ type: 'DefineIndicator', data: { ...cp12, tolerance: 10, targets: [] } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Indicator CP12 defined' } },
        { type: 'IndicatorDefined', data: { planId, ...cp12, description: null, tolerance: 10, toleranceAbsolute: null, themeId: null, targets: [] } },
      ]);
  });

  it('keeps the comparison each target states, a range with its upper figure', () => {
    given([hartDrafted])
      .when({
        type: 'DefineIndicator',
        data: {
          ...cp12,
          toleranceAbsolute: 0.5,
          targets: [
            { period: '2023/24', value: 25, comparison: 'less-than', text: 'Less than £25' },
            { period: '2023/24-Q4', value: 24, upper: 26, comparison: 'between' },
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
            tolerance: null,
            toleranceAbsolute: 0.5, themeId: null,
            targets: [
              { period: '2023/24', value: 25, upper: null, baseline: null, comparison: 'less-than', text: 'Less than £25' },
              { period: '2023/24-Q4', value: 24, upper: 26, baseline: null, comparison: 'between', text: null },
            ],
          },
        },
      ]);
  });

  it('refuses a comparison that contradicts the polarity', () => {
    given(draftPlan)
      .when({ type: 'DefineIndicator', data: { ...cp12, targets: [{ period: '2023/24', value: 25, comparison: 'at-least' }] } })
      .thenRefused('rule-broken', /"at-least 25" for 2023\/24 contradicts the indicator's polarity \(lower is better\): use at-most, less-than, between or equal/);
  });

  it('refuses a tolerance given both as a percent and as an amount', () => {
    given(draftPlan)
      .when({ type: 'DefineIndicator', data: { ...cp12, tolerance: 5, toleranceAbsolute: 1, targets: [] } })
      .thenRefused('rule-broken', /either as a percent of the target \(tolerance\) or as an amount in the unit \(toleranceAbsolute\), not both/);
  });

  it('refuses a negative absolute tolerance', () => {
    given(draftPlan)
      .when({ type: 'DefineIndicator', data: { ...cp12, toleranceAbsolute: -1, targets: [] } })
      .thenRefused('rule-broken', /absolute tolerance .* cannot be negative: -1 was given/);
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
      .thenRefused('rule-broken', /target for 2023\/24 needs a value, a baseline or words/);
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

  it('switches the tolerance from a percent to an amount in the unit, and back', () => {
    given(draftPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', toleranceAbsolute: 0.5, reason: 'Half a point either way' } })
      .then([
        {
          type: 'IndicatorRevised',
          data: {
            planId,
            code: 'CP7',
            changes: { tolerance: null, toleranceAbsolute: 0.5 },
            previous: { tolerance: 5, toleranceAbsolute: null },
            reason: 'Half a point either way',
          },
        },
      ]);
  });

  it('carries targets along a corrected polarity, each as a target change the audit trail shows', () => {
    given(draftPlan)
      .when({ type: 'ReviseIndicator', data: { code: 'CP7', polarity: 'lower-is-better', reason: 'Entered the wrong way round' } })
      .then([
        {
          type: 'IndicatorRevised',
          data: {
            planId,
            code: 'CP7',
            changes: { polarity: 'lower-is-better' },
            previous: { polarity: 'higher-is-better' },
            reason: 'Entered the wrong way round',
          },
        },
        ...cp7Defined.data.targets.map((previous) => ({
          type: 'TargetChanged' as const,
          data: {
            planId,
            code: 'CP7',
            unit: 'percent' as const,
            polarity: 'lower-is-better' as const,
            period: previous.period,
            previous,
            target: { ...previous, comparison: 'at-most' as const },
            reason: 'Entered the wrong way round',
            authority: null,
          },
        })),
      ]);
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
            target: { period: '2023/24-Q2', value: 55, text: null, upper: null, baseline: null, comparison: 'at-least' },
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
            target: { period: '2023/24', value: 97.5, text: null, upper: null, baseline: null, comparison: 'at-least' },
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
            target: { period: '2023/24', value: 97, text: null, upper: null, baseline: null, comparison: 'at-least' },
            reason: 'Revised forecast',
            authority: null,
          },
        },
      ]);
  });

  it('refuses to change a target without a reason', () => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24', value: 90 } })
      .thenRefused('rule-broken', /Give a reason for changing the target for CP7 in 2023\/24 from at least 98/);
  });

  it('refuses a change to the same target', () => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24', value: 98, reason: 'Confirming' } })
      .thenRefused('rule-broken', /Nothing would change: the target for CP7 in 2023\/24 is already at least 98/);
  });

  it('sets a target not yet set, in words alone, and later its figure, strictly compared', () => {
    const tba = { period: '2023/24-Q3', value: null, upper: null, baseline: null, comparison: null, text: 'TBA' };
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24-Q3', text: 'TBA' } })
      .then([
        {
          type: 'TargetSet',
          data: { planId, code: 'CP7', unit: 'percent', polarity: 'higher-is-better', target: tba, reason: null, authority: null },
        },
      ]);
    const tbaSet: PlanEvent = {
      type: 'TargetSet',
      data: { planId, code: 'CP7', unit: 'percent', polarity: 'higher-is-better', target: tba, reason: null, authority: null },
    };
    given(draftPlan, [tbaSet])
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24-Q3', value: 74, comparison: 'more-than', reason: 'Profile agreed' } })
      .then([
        {
          type: 'TargetChanged',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24-Q3',
            previous: tba,
            target: { period: '2023/24-Q3', value: 74, upper: null, baseline: null, comparison: 'more-than', text: null },
            reason: 'Profile agreed',
            authority: null,
          },
        },
      ]);
  });

  it.each([
    [{ value: 50, comparison: 'at-most' as const }, /"at-most 50" for 2023\/24-Q3 contradicts the indicator's polarity \(higher is better\)/],
    [{ value: 50, comparison: 'between' as const }, /needs its upper figure/],
    [{ value: 50, upper: 40, comparison: 'between' as const }, /upper figure cannot be below its value/],
    [{ text: 'TBA', comparison: 'at-least' as const }, /words but no value, so it cannot have a comparison/],
  ])('refuses %p', (statement, message) => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24-Q3', ...statement } })
      .thenRefused('rule-broken', message);
  });

  it('refuses a target with neither value nor words', () => {
    given(draftPlan)
      .when({ type: 'SetTarget', data: { code: 'CP7', period: '2023/24-Q3', reason: 'x' } })
      .thenRefused('rule-broken', /needs a value, a baseline or words/);
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
            target: { period: '2023/24-Q1', value: 30, text: null, upper: null, baseline: null, comparison: 'at-least' },
            reason: 'Re-profiled',
            authority: null,
          },
        },
      ]);
  });
});
