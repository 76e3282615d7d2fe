import type { PlanEvent } from '../plan-events';
import { given } from '../testing/given-when-then';
import { approvedPlan, closedPlan, cp10Defined, draftPlan, HART_PLAN_ID } from '../testing/plan-fixtures';
import type { BaselineRecorded } from './indicator-events';

const planId = HART_PLAN_ID;

const cp7Baseline2022: BaselineRecorded = {
  type: 'BaselineRecorded',
  data: {
    planId,
    code: 'CP7',
    unit: 'percent',
    baseline: { period: '2022/23', value: 97.4, source: '2022/23 outturn', note: null },
    previous: null,
    reason: null,
  },
};

/** An annual indicator of the same plan, to show a quarter is no baseline for it. */
const annualSurveyDefined: PlanEvent = {
  type: 'IndicatorDefined',
  data: { ...cp10Defined.data, code: 'CS1', basis: 'annual', frequency: 'annual', targets: [] },
};

describe('recording a baseline', () => {
  it('records a figure for a year before the plan, with its source, without a reason', () => {
    given(draftPlan)
      .when({ type: 'RecordBaseline', data: { code: 'cp7', period: '2022-23', value: 97.4, source: ' 2022/23 outturn ' } })
      .then([cp7Baseline2022]);
  });

  it('records a quarter before the plan for a quarterly indicator', () => {
    given(draftPlan)
      .when({ type: 'RecordBaseline', data: { code: 'CP7', period: '2022/23-Q1', value: 28.7, note: 'Profiled as 24.5%' } })
      .then([
        {
          type: 'BaselineRecorded',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            baseline: { period: '2022/23-Q1', value: 28.7, source: null, note: 'Profiled as 24.5%' },
            previous: null,
            reason: null,
          },
        },
      ]);
  });

  it('reopens an approved plan first, since the plan prints its baselines', () => {
    given(approvedPlan)
      .when({ type: 'RecordBaseline', data: { code: 'CP7', period: '2022/23', value: 97.4, source: '2022/23 outturn' } })
      .then([
        { type: 'PlanReopenedForRevision', data: { planId, reason: 'Baseline for CP7 in 2022/23 recorded' } },
        cp7Baseline2022,
      ]);
  });

  it('corrects a recorded baseline only with a reason, keeping the figure it corrects', () => {
    const correction = { code: 'CP7', period: '2022/23', value: 97.6, source: '2022/23 outturn' };
    given(draftPlan, [cp7Baseline2022])
      .when({ type: 'RecordBaseline', data: correction })
      .thenRefused('rule-broken', /Give a reason for correcting the baseline for CP7 in 2022\/23, already recorded as 97.4/);
    given(draftPlan, [cp7Baseline2022])
      .when({ type: 'RecordBaseline', data: { ...correction, reason: 'Audited outturn' } })
      .then([
        {
          type: 'BaselineRecorded',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            baseline: { period: '2022/23', value: 97.6, source: '2022/23 outturn', note: null },
            previous: cp7Baseline2022.data.baseline,
            reason: 'Audited outturn',
          },
        },
      ]);
  });

  it('refuses the same baseline again: nothing would change', () => {
    given(draftPlan, [cp7Baseline2022])
      .when({ type: 'RecordBaseline', data: { code: 'CP7', period: '2022/23', value: 97.4, source: '2022/23 outturn', reason: 'Again' } })
      .thenRefused('rule-broken', /Nothing would change: the baseline for CP7 in 2022\/23 is already 97.4/);
  });

  it.each([
    ['the plan\'s own year', '2023/24'],
    ['a quarter of the plan', '2023/24-Q1'],
    ['a year after the plan', '2024/25'],
  ])('refuses %s: a figure the plan covers is an actual', (_what, period) => {
    given(draftPlan)
      .when({ type: 'RecordBaseline', data: { code: 'CP7', period, value: 97 } })
      .thenRefused('rule-broken', /A baseline is a figure from before the plan.*record a figure for a period the plan covers as an actual/);
  });

  it('refuses a quarter for an annual indicator', () => {
    given(draftPlan, [annualSurveyDefined])
      .when({ type: 'RecordBaseline', data: { code: 'CS1', period: '2022/23-Q3', value: 71 } })
      .thenRefused('rule-broken', /Indicator CS1 is reported annually, so its figures are for years \(such as 2024\/25\), not for 2022\/23-Q3/);
  });

  it('refuses a figure that is not a number, and an indicator the plan does not have', () => {
    given(draftPlan)
      .when({ type: 'RecordBaseline', data: { code: 'CP7', period: '2022/23', value: Number.NaN } })
      .thenRefused('rule-broken', /The baseline for CP7 in 2022\/23 must be a number/);
    given(draftPlan)
      .when({ type: 'RecordBaseline', data: { code: 'CP99', period: '2022/23', value: 1 } })
      .thenRefused('not-found', /Indicator 'CP99' is not in this plan/);
  });

  it('is refused on a closed plan', () => {
    given(closedPlan)
      .when({ type: 'RecordBaseline', data: { code: 'CP7', period: '2022/23', value: 97.4 } })
      .thenRefused('rule-broken', /closed/);
  });
});
