import type { PlanEvent } from '../plan-events';
import type { Target, TargetInForce } from './indicator-values';
import { given, SPEC_ACTOR } from '../testing/given-when-then';
import {
  approvedPlan,
  cp10Defined,
  cp7Defined,
  cp7Q1Recorded,
  draftPlan,
  HART_PLAN_ID,
  planInMonitoring,
} from '../testing/plan-fixtures';

const planId = HART_PLAN_ID;
const [cp7YearTarget, cp7Q1Target] = cp7Defined.data.targets;

describe('recording an actual', () => {
  it('records it with the profiled quarter target then in force', () => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023-24-Q1', value: 29.1 } })
      .then([cp7Q1Recorded]);
  });

  it('finds the indicator however its code is capitalised, and records the code as defined', () => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'cp7', period: '2023-24-Q1', value: 29.1 } })
      .then([cp7Q1Recorded]);
  });

  it('has no target for a cumulative indicator before Q4 without a profile', () => {
    given(planInMonitoring)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q2', value: 56.4, commentary: 'On profile' } })
      .then([
        {
          type: 'ActualRecorded',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24-Q2',
            value: 56.4,
            commentary: 'On profile',
            assessedAgainst: { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
            recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
          },
        },
      ]);
  });

  it("judges a cumulative indicator's Q4 against the year's target", () => {
    given(planInMonitoring)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q4', value: 97.9 } })
      .then([
        {
          type: 'ActualRecorded',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24-Q4',
            value: 97.9,
            commentary: null,
            assessedAgainst: { target: cp7YearTarget, source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
            recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
          },
        },
      ]);
  });

  describe('for an annual figure reported each quarter', () => {
    const satisfactionYearTarget: Target = { period: '2023/24', value: 80, text: null, upper: null, baseline: null, comparison: 'at-least' };
    const satisfactionDefined: PlanEvent = {
      type: 'IndicatorDefined',
      data: {
        ...cp10Defined.data,
        code: 'CS1',
        title: 'Residents satisfied with council services',
        unit: 'percent',
        polarity: 'higher-is-better',
        basis: 'annual',
        frequency: 'quarterly',
        targets: [satisfactionYearTarget],
      },
    };
    const recorded = (period: string, assessedAgainst: TargetInForce): PlanEvent => ({
      type: 'ActualRecorded',
      data: {
        planId,
        code: 'CS1',
        unit: 'percent',
        polarity: 'higher-is-better',
        period,
        value: 78,
        commentary: null,
        assessedAgainst,
        recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
      },
    });

    it("has no target before Q4, since the year's target is not due yet", () => {
      given(approvedPlan, [satisfactionDefined])
        .when({ type: 'RecordActual', data: { code: 'CS1', period: '2023/24-Q2', value: 78 } })
        .then([recorded('2023/24-Q2', { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null })]);
    });

    it("judges Q4 against the year's target", () => {
      given(approvedPlan, [satisfactionDefined])
        .when({ type: 'RecordActual', data: { code: 'CS1', period: '2023/24-Q4', value: 78 } })
        .then([recorded('2023/24-Q4', { target: satisfactionYearTarget, source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null })]);
    });
  });

  it("judges a period indicator's quarter against the year's target", () => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'CP10', period: '2023/24-Q2', value: 38 } })
      .then([
        {
          type: 'ActualRecorded',
          data: {
            planId,
            code: 'CP10',
            unit: 'rate-per-100k',
            polarity: 'lower-is-better',
            period: '2023/24-Q2',
            value: 38,
            commentary: null,
            assessedAgainst: { target: cp10Defined.data.targets[0], source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
            recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
          },
        },
      ]);
  });

  it("carries the indicator's unit and polarity as revised, so the figure reads alone as meant", () => {
    const revised: PlanEvent = {
      type: 'IndicatorRevised',
      data: {
        planId,
        code: 'CP10',
        changes: { unit: 'count', polarity: 'higher-is-better' },
        previous: { unit: 'rate-per-100k', polarity: 'lower-is-better' },
        reason: 'Measured as collections made',
      },
    };
    given(approvedPlan, [revised])
      .when({ type: 'RecordActual', data: { code: 'CP10', period: '2023/24-Q2', value: 38 } })
      .then([
        {
          type: 'ActualRecorded',
          data: {
            planId,
            code: 'CP10',
            unit: 'count',
            polarity: 'higher-is-better',
            period: '2023/24-Q2',
            value: 38,
            commentary: null,
            assessedAgainst: { target: cp10Defined.data.targets[0], source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
            recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
          },
        },
      ]);
  });

  it('judges against the target and tolerance in force now, not those the indicator started with', () => {
    const changes: PlanEvent[] = [
      {
        type: 'TargetChanged',
        data: {
          planId,
          code: 'CP7',
          unit: 'percent',
          polarity: 'higher-is-better',
          period: '2023/24',
          previous: cp7YearTarget,
          target: { ...cp7YearTarget, value: 97 },
          reason: 'Cost of living',
          authority: null,
        },
      },
      {
        type: 'IndicatorRevised',
        data: { planId, code: 'CP7', changes: { tolerance: 1 }, previous: { tolerance: 5 }, reason: 'Tighter' },
      },
    ];
    given(planInMonitoring, changes)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24', value: 97.2 } })
      .then([
        {
          type: 'ActualRecorded',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24',
            value: 97.2,
            commentary: null,
            assessedAgainst: { target: { ...cp7YearTarget, value: 97 }, source: 'period', tolerancePercent: 1, toleranceAbsolute: null, baselineFigure: null },
            recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
          },
        },
      ]);
  });

  it('is allowed in a draft plan', () => {
    given(draftPlan)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q1', value: 29.1 } })
      .then([cp7Q1Recorded]);
  });

  it('restates a figure with its reason, keeping the previous one', () => {
    given(planInMonitoring)
      .when({
        type: 'RecordActual',
        data: { code: 'CP7', period: '2023/24-Q1', value: 28.7, commentary: 'Refunds processed late', reason: 'Corrected by Capita' },
      })
      .then([
        {
          type: 'ActualRestated',
          data: {
            planId,
            code: 'CP7',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24-Q1',
            previous: { value: 29.1, commentary: null },
            value: 28.7,
            commentary: 'Refunds processed late',
            reason: 'Corrected by Capita',
            assessedAgainst: { target: cp7Q1Target, source: 'period', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
            recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
          },
        },
      ]);
  });

  describe('with data-quality notes', () => {
    const notes = { source: 'Capita revenues system', method: 'Cash received ÷ net collectable debit', caveats: 'Refunds not yet netted off' };
    const withNotes = { ...cp7Q1Recorded, data: { ...cp7Q1Recorded.data, ...notes } } as PlanEvent;

    it('records where the figure comes from, how it was made and what it leaves out, trimmed, blank ones as none', () => {
      given(approvedPlan)
        .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q1', value: 29.1, ...notes, caveats: ` ${notes.caveats} ` } })
        .then([withNotes]);
      given(approvedPlan)
        .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q1', value: 29.1, source: '  ', method: '' } })
        .then([cp7Q1Recorded]);
    });

    it('restates the figure with the notes the restatement gives, even the same figure with new caveats', () => {
      given(approvedPlan, [withNotes])
        .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q1', value: 29.1, ...notes, caveats: 'Refunds netted off', reason: 'Caveat resolved' } })
        .then([
          {
            type: 'ActualRestated',
            data: {
              ...cp7Q1Recorded.data,
              ...notes,
              caveats: 'Refunds netted off',
              previous: { value: 29.1, commentary: null },
              reason: 'Caveat resolved',
            },
          },
        ]);
    });

    it('refuses a restatement giving the same figure, commentary and notes', () => {
      given(approvedPlan, [withNotes])
        .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q1', value: 29.1, ...notes, reason: 'Again' } })
        .thenRefused('rule-broken', /^Nothing would change: the actual for CP7 in 2023\/24-Q1 is already 29.1 with that commentary and those notes\.$/);
    });
  });

  it('refuses a second figure for the same period without a reason', () => {
    given(planInMonitoring)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q1', value: 28.7 } })
      .thenRefused('rule-broken', /Give a reason for restating the actual for CP7 in 2023\/24-Q1, already recorded as 29.1/);
  });

  it('refuses a restatement that changes nothing', () => {
    given(planInMonitoring)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q1', value: 29.1, reason: 'Again' } })
      .thenRefused('rule-broken', /Nothing would change: the actual for CP7 in 2023\/24-Q1 is already 29.1/);
  });

  it.each([-5, -0.1, 100.1, 250])('refuses %p for a percentage of a whole', (value) => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q1', value } })
      .thenRefused('rule-broken', new RegExp(`CP7 is a percentage, from 0 to 100: ${value}% for 2023/24-Q1 cannot be`));
  });

  it.each([0, 100])('records %p%, a percentage at either end', (value) => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-Q1', value } })
      .then([{ ...cp7Q1Recorded, data: { ...cp7Q1Recorded.data, value } } as PlanEvent]);
  });

  it('records a rate above 100, since only a percentage is a part of a whole', () => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'CP10', period: '2023/24-Q1', value: 120 } })
      .then([expect.objectContaining({ type: 'ActualRecorded', data: expect.objectContaining({ code: 'CP10', value: 120 }) })]);
  });

  it("refuses a period outside the plan's period", () => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2024/25-Q1', value: 25 } })
      .thenRefused('rule-broken', /2024\/25-Q1 is outside this plan's period, 2023\/24 \(1 April 2023 to 31 March 2024\)/);
  });

  it('refuses a malformed period', () => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: 'Q2', value: 25 } })
      .thenRefused('rule-broken', /'Q2' is not a period: write a financial year as 2023\/24, a quarter as 2023\/24-Q2 or a month as 2023\/24-M07/);
  });

  it('refuses an unknown indicator', () => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'CP13', period: '2023/24-Q1', value: 46 } })
      .thenRefused('not-found', /Indicator 'CP13' is not in this plan/);
  });
});
describe('monitoring a plan over several years', () => {
  const threeRivers: PlanEvent[] = [
    {
      type: 'PlanDrafted',
      data: {
        planId: 'three-rivers',
        council: 'three-rivers',
        service: 'Corporate Services',
        title: 'Corporate Services Service Plan 2020 - 2023',
        period: { kind: 'multi-year', label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
        owner: null,
      },
    },
    {
      type: 'IndicatorDefined',
      data: {
        planId: 'three-rivers',
        code: 'CO02',
        title: 'To what extent do you know what services Three Rivers District Council provides',
        description: null,
        unit: 'percent',
        polarity: 'higher-is-better',
        basis: 'annual',
        frequency: 'annual',
        tolerance: 5,
        toleranceAbsolute: null, themeId: null,
        targets: ['2020/21', '2021/22', '2022/23'].map((period, index) => ({
          period,
          value: index === 0 ? 69 : 70,
          text: null,
          upper: null, baseline: null, comparison: 'at-least' as const,
        })),
      },
    },
  ];

  it("records the last year's actual against that year's target", () => {
    given(threeRivers)
      .when({ type: 'RecordActual', data: { code: 'CO02', period: '2022/23', value: 71 } })
      .then([
        {
          type: 'ActualRecorded',
          data: {
            planId: 'three-rivers',
            code: 'CO02',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2022/23',
            value: 71,
            commentary: null,
            recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
            assessedAgainst: {
              target: { period: '2022/23', value: 70, text: null, upper: null, baseline: null, comparison: 'at-least' },
              source: 'period',
              tolerancePercent: 5,
              toleranceAbsolute: null,
              baselineFigure: null,
            },
          },
        },
      ]);
  });

  it('refuses the year before the plan', () => {
    given(threeRivers)
      .when({ type: 'RecordActual', data: { code: 'CO02', period: '2019/20', value: 69 } })
      .thenRefused('rule-broken', /2019\/20 is outside this plan's period, 2020-2023 \(1 April 2020 to 31 March 2023\)/);
  });
});

describe('returns of the indicator\'s frequency', () => {
  const monthlyTarget: Target = { period: '2023/24', value: 95, text: null, upper: null, baseline: null, comparison: 'at-least' };
  const callsDefined: PlanEvent = {
    type: 'IndicatorDefined',
    data: {
      ...cp10Defined.data,
      code: 'CS4',
      title: 'Calls answered within 60 seconds',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'period',
      frequency: 'monthly',
      targets: [monthlyTarget],
    },
  };
  const surveyDefined: PlanEvent = {
    type: 'IndicatorDefined',
    data: { ...callsDefined.data, code: 'CS1', title: 'Residents satisfied', basis: 'annual', frequency: 'annual', targets: [] },
  };

  it("records a month, written as its calendar month, in the financial year's words, against the year's target", () => {
    given(approvedPlan, [callsDefined])
      .when({ type: 'RecordActual', data: { code: 'CS4', period: '2023-10', value: 96.2 } })
      .then([
        {
          type: 'ActualRecorded',
          data: {
            planId,
            code: 'CS4',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24-M07',
            value: 96.2,
            commentary: null,
            assessedAgainst: { target: monthlyTarget, source: 'year', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null },
            recordedBy: SPEC_ACTOR, source: null, method: null, caveats: null,
          },
        },
      ]);
  });

  it('refuses a quarter for a monthly indicator, and a quarter or a month for an annual one', () => {
    given(approvedPlan, [callsDefined])
      .when({ type: 'RecordActual', data: { code: 'CS4', period: '2023/24-Q2', value: 96 } })
      .thenRefused(
        'rule-broken',
        /^Indicator CS4 is reported monthly, so its returns are for months \(such as 2024\/25-M07\) or whole years, not for 2023\/24-Q2\.$/,
      );
    for (const period of ['2023/24-Q2', '2023/24-M03']) {
      given(approvedPlan, [surveyDefined])
        .when({ type: 'RecordActual', data: { code: 'CS1', period, value: 71 } })
        .thenRefused('rule-broken', /^Indicator CS1 is reported annually, so its returns are for years \(such as 2024\/25\), not for 2023\/24-[QM]0?\d\.$/);
    }
  });

  it('refuses a month for a quarterly indicator, and a month outside the plan', () => {
    given(approvedPlan)
      .when({ type: 'RecordActual', data: { code: 'CP7', period: '2023/24-M03', value: 29 } })
      .thenRefused('rule-broken', /Indicator CP7 is reported quarterly, so its returns are for quarters \(such as 2024\/25-Q2\) or whole years, not for 2023\/24-M03/);
    given(approvedPlan, [callsDefined])
      .when({ type: 'RecordActual', data: { code: 'CS4', period: '2024-04', value: 96 } })
      .thenRefused('rule-broken', /2024\/25-M01 is outside this plan's period, 2023\/24/);
  });
});
