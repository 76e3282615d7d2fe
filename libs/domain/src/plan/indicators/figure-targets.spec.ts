import { directionOfFigures } from '../../performance/direction';
import { assessRag } from '../../performance/rag';
import type { PlanCommand } from '../plan-commands';
import type { PlanEvent } from '../plan-events';
import { afterCommands, given, SPEC_ACTOR } from '../testing/given-when-then';
import { draftPlan, HART_PLAN_ID } from '../testing/plan-fixtures';
import type { DefineIndicator } from './indicator-commands';
import type { Figure, Target, TargetComparison, TargetInForce, Unit } from './indicator-values';

const planId = HART_PLAN_ID;

/** ILLUSTRATIVE indicators of the Hart plan: a survey result against the year before, a date of publication, a yes/no result. */
const satisfaction: DefineIndicator['data'] = {
  code: 'CS22',
  title: 'Residents satisfied with the way the Council runs things',
  unit: 'percent',
  polarity: 'higher-is-better',
  basis: 'annual',
  frequency: 'annual',
  toleranceAbsolute: 2,
  targets: [{ period: '2023/24', comparison: 'more-than', baseline: '2022/23', text: 'Above the 2022 survey' }],
};
const accounts: DefineIndicator['data'] = {
  code: 'CS20',
  title: 'Statement of accounts published',
  unit: 'date',
  polarity: 'lower-is-better',
  basis: 'annual',
  frequency: 'annual',
  toleranceAbsolute: 7,
  targets: [{ period: '2023/24', value: '2023-09-30', text: 'By September 2023' }],
};
const payPolicy: DefineIndicator['data'] = {
  code: 'CS21',
  title: 'Pay policy statement published',
  unit: 'yes-no',
  polarity: 'higher-is-better',
  basis: 'annual',
  frequency: 'annual',
  targets: [{ period: '2023/24', value: true }],
};

const define = (data: DefineIndicator['data']): PlanCommand => ({ type: 'DefineIndicator', data });
const withIndicators = (...commands: PlanCommand[]): PlanEvent[] => afterCommands(draftPlan, commands);

/** The event a command decides on the history, which must decide exactly one. */
function decidedOne(history: PlanEvent[], command: PlanCommand): PlanEvent {
  const [event, ...rest] = afterCommands(history, [command]).slice(history.length);
  if (!event || rest.length > 0) throw new Error(`expected one event, got ${rest.length + (event ? 1 : 0)}`);
  return event;
}

const inForce = (target: Target, toleranceAbsolute: number, baselineFigure: number | null = null): TargetInForce => ({
  target,
  source: 'period',
  tolerancePercent: null,
  toleranceAbsolute,
  baselineFigure,
});
const rate = (unit: Unit, actual: Figure, assessedAgainst: TargetInForce) => assessRag({ actual, unit, assessedAgainst, period: '2023/24' });

describe('a target relative to a baseline', () => {
  const defined = withIndicators(define(satisfaction));
  const baseline = (value: number): PlanCommand => ({ type: 'RecordBaseline', data: { code: 'CS22', period: '2022/23', value } });
  const actual = (value: Figure): PlanCommand => ({ type: 'RecordActual', data: { code: 'CS22', period: '2023/24', value } });

  it('keeps the target as written, holding no figure of its own', () => {
    const definition = defined.find((event) => event.type === 'IndicatorDefined' && event.data.code === 'CS22');
    expect(definition).toMatchObject({
      data: { targets: [{ period: '2023/24', value: null, upper: null, baseline: '2022/23', comparison: 'more-than', text: 'Above the 2022 survey' }] },
    });
  });

  it('is resolved, when an actual is recorded, against the baseline recorded by then', () => {
    given(afterCommands(defined, [baseline(61)]))
      .when(actual(64))
      .then([
        {
          type: 'ActualRecorded',
          data: {
            planId,
            code: 'CS22',
            unit: 'percent',
            polarity: 'higher-is-better',
            period: '2023/24',
            value: 64,
            commentary: null,
            assessedAgainst: {
              target: { period: '2023/24', value: null, upper: null, baseline: '2022/23', comparison: 'more-than', text: 'Above the 2022 survey' },
              source: 'period',
              tolerancePercent: null,
              toleranceAbsolute: 2,
              baselineFigure: 61,
            },
            recordedBy: SPEC_ACTOR,
            source: null,
            method: null,
            caveats: null,
          },
        },
      ]);
  });

  it.each([
    [61.1, 'green', 'Above the 2022/23 baseline of 61'],
    [61, 'amber', 'Not above the 2022/23 baseline of 61, within the tolerance of 2'],
    [59, 'amber', 'Not above the 2022/23 baseline of 61, within the tolerance of 2'],
    [58.9, 'red', 'Not above the 2022/23 baseline of 61 by more than the tolerance of 2'],
  ])('rates %p against "more than the 2022/23 baseline" of 61 %s', (figure, rag, reason) => {
    const recorded = decidedOne(afterCommands(defined, [baseline(61)]), actual(figure));
    if (recorded.type !== 'ActualRecorded') throw new Error(recorded.type);
    expect(rate('percent', recorded.data.value, recorded.data.assessedAgainst)).toEqual({ rag, reason });
  });

  it('is not rated when its baseline was not recorded before the actual, and a later baseline does not recolour it', () => {
    const recorded = decidedOne(defined, actual(64));
    if (recorded.type !== 'ActualRecorded') throw new Error(recorded.type);
    expect(recorded.data.assessedAgainst.baselineFigure).toBeNull();
    expect(rate('percent', 64, recorded.data.assessedAgainst)).toEqual({
      rag: 'none',
      reason: 'Not rated: baseline 2022/23 not recorded when the actual was recorded',
    });
  });

  it("is resolved against the plan's own actual for an earlier period of the plan", () => {
    const quarterly = withIndicators(
      define({ ...satisfaction, basis: 'period', frequency: 'quarterly', targets: [{ period: '2023/24-Q2', comparison: 'at-least', baseline: '2023/24-Q1' }] }),
      { type: 'RecordActual', data: { code: 'CS22', period: '2023/24-Q1', value: 58 } },
    );
    const recorded = decidedOne(quarterly, { type: 'RecordActual', data: { code: 'CS22', period: '2023/24-Q2', value: 58 } });
    expect(recorded).toMatchObject({ data: { assessedAgainst: { baselineFigure: 58 } } });
  });

  it.each<[Partial<DefineIndicator['data']['targets'][number]>, RegExp]>([
    [{ value: 60 }, /gives both a value \(60\) and a baseline \(2022\/23\): hold it to its own figure or to the baseline's, not both/],
    [{ comparison: 'at-most' }, /"at-most the 2022\/23 baseline" for 2023\/24 contradicts the indicator's polarity/],
    [{ comparison: 'between', upper: 70 }, /cannot be a range/],
    [{ baseline: '2023/24' }, /relative only to an earlier period's figure, and 2023\/24 does not end before 2023\/24 begins/],
  ])('refuses %p', (change, message) => {
    given(draftPlan)
      .when(define({ ...satisfaction, targets: [{ ...satisfaction.targets[0], ...change }] }))
      .thenRefused('rule-broken', message);
  });

  it('is a number: a date or yes/no indicator holds its own figure', () => {
    given(draftPlan)
      .when(define({ ...accounts, targets: [{ period: '2023/24', baseline: '2022/23' }] }))
      .thenRefused('rule-broken', /relative to a baseline is held to a number, and this indicator's figures are dates/);
  });
});

describe('a date target', () => {
  const defined = withIndicators(define(accounts));
  const by = { period: '2023/24', value: '2023-09-30', upper: null, baseline: null, text: null };
  const target = (comparison: TargetComparison): Target => ({ ...by, comparison });

  it('is "by" its day when the polarity says earlier is better, with its tolerance in days', () => {
    const recorded = decidedOne(defined, { type: 'RecordActual', data: { code: 'CS20', period: '2023/24', value: '2023-10-04' } });
    expect(recorded).toMatchObject({
      type: 'ActualRecorded',
      data: {
        unit: 'date',
        value: '2023-10-04',
        assessedAgainst: { target: { value: '2023-09-30', comparison: 'at-most', text: 'By September 2023' }, toleranceAbsolute: 7 },
      },
    });
  });

  it.each<[TargetComparison, string, string, string]>([
    ['at-most', '2023-09-29', 'green', 'On or before the target date of 2023-09-30'],
    ['at-most', '2023-09-30', 'green', 'On or before the target date of 2023-09-30'],
    ['at-most', '2023-10-07', 'amber', 'After the target date of 2023-09-30, within the tolerance of 7 days'],
    ['at-most', '2023-10-08', 'red', 'After the target date of 2023-09-30 by more than the tolerance of 7 days'],
    ['less-than', '2023-09-29', 'green', 'Before the target date of 2023-09-30'],
    ['less-than', '2023-09-30', 'amber', 'Not before the target date of 2023-09-30, within the tolerance of 7 days'],
    ['at-least', '2023-09-30', 'green', 'On or after the target date of 2023-09-30'],
    ['at-least', '2023-09-23', 'amber', 'Before the target date of 2023-09-30, within the tolerance of 7 days'],
    ['at-least', '2023-09-22', 'red', 'Before the target date of 2023-09-30 by more than the tolerance of 7 days'],
    ['more-than', '2023-10-01', 'green', 'After the target date of 2023-09-30'],
    ['more-than', '2023-09-30', 'amber', 'Not after the target date of 2023-09-30, within the tolerance of 7 days'],
    ['equal', '2023-09-30', 'green', 'On the target date of 2023-09-30'],
    ['equal', '2023-10-02', 'amber', 'After the target date of 2023-09-30, within the tolerance of 7 days'],
  ])('%s 30 September 2023: %s is %s', (comparison, actual, rag, reason) => {
    expect(rate('date', actual, inForce(target(comparison), 7))).toEqual({ rag, reason });
  });

  it('is red the day after with no tolerance given', () => {
    const [definition] = afterCommands(draftPlan, [define({ ...accounts, toleranceAbsolute: undefined })]).slice(draftPlan.length);
    expect(definition).toMatchObject({ data: { tolerance: null, toleranceAbsolute: 0 } });
    expect(rate('date', '2023-10-01', inForce(target('at-most'), 0))).toMatchObject({ rag: 'red' });
  });

  it.each<[PlanCommand, RegExp]>([
    [{ type: 'RecordActual', data: { code: 'CS20', period: '2023/24', value: 20230930 } }, /actual for CS20 in 2023\/24 must be a date written YYYY-MM-DD.*: 20230930 is not/],
    [{ type: 'RecordActual', data: { code: 'CS20', period: '2023/24', value: '2023-02-30' } }, /must be a date written YYYY-MM-DD/],
    [define({ ...accounts, code: 'CS23', targets: [{ period: '2023/24', value: 30 }] }), /target's value for 2023\/24 must be a date/],
    [define({ ...accounts, code: 'CS23', toleranceAbsolute: undefined, tolerance: 5 }), /give the tolerance as a number of days/],
    [{ type: 'ReviseIndicator', data: { code: 'CS20', unit: 'days', reason: 'Counted in days' } }, /CS20's figures are dates, and a days indicator's are numbers/],
  ])('refuses %p', (command, message) => {
    given(defined).when(command).thenRefused('rule-broken', message);
  });

  it('travels by its day: earlier is an improvement when earlier is better', () => {
    const travel = (current: string, previous: string | null) =>
      directionOfFigures({ unit: 'date', current, previous, polarity: 'lower-is-better', target: '2023-09-30' });
    expect(travel('2023-09-20', '2023-10-04')).toBe('improved');
    expect(travel('2023-10-04', '2023-09-20')).toBe('declined');
    expect(travel('2023-09-20', '2023-09-20')).toBe('unchanged');
    expect(travel('2023-09-20', null)).toBe('none');
  });
});

describe('a yes/no result', () => {
  const defined = withIndicators(define(payPolicy));
  const yes: Target = { period: '2023/24', value: true, upper: null, baseline: null, comparison: 'equal', text: null };

  it('is held to yes exactly, with no tolerance', () => {
    expect(defined.find((event) => event.type === 'IndicatorDefined' && event.data.code === 'CS21')).toMatchObject({
      data: { unit: 'yes-no', tolerance: null, toleranceAbsolute: 0, targets: [yes] },
    });
    const recorded = decidedOne(defined, { type: 'RecordActual', data: { code: 'CS21', period: '2023/24', value: false } });
    expect(recorded).toMatchObject({ type: 'ActualRecorded', data: { value: false, assessedAgainst: { target: yes } } });
  });

  it.each<[Figure, Figure, string, string]>([
    [true, true, 'green', 'As the target of true'],
    [false, true, 'red', 'Not the target of true: a yes/no result is met or not'],
    [false, false, 'green', 'As the target of false'],
    [true, false, 'red', 'Not the target of false: a yes/no result is met or not'],
  ])('rates %p against a target of %p %s, never amber', (actual, value, rag, reason) => {
    expect(rate('yes-no', actual, inForce({ ...yes, value }, 0))).toEqual({ rag, reason });
  });

  it.each<[PlanCommand, RegExp]>([
    [{ type: 'RecordActual', data: { code: 'CS21', period: '2023/24', value: 1 } }, /actual for CS21 in 2023\/24 must be true or false, as it is a yes\/no indicator: 1 is not/],
    [{ type: 'RecordActual', data: { code: 'CS21', period: '2023/24', value: 'yes' } }, /must be true or false.*"yes" is not/],
    [define({ ...payPolicy, code: 'CS23', targets: [{ period: '2023/24', value: 100 }] }), /target's value for 2023\/24 must be true or false/],
    [define({ ...payPolicy, code: 'CS23', targets: [{ period: '2023/24', value: true, comparison: 'at-least' }] }), /equal to true or to false, not at-least/],
    [define({ ...payPolicy, code: 'CS23', toleranceAbsolute: 1 }), /met or not, so it has no tolerance/],
    [{ type: 'ReviseIndicator', data: { code: 'CS21', unit: 'count', reason: 'Counted' } }, /CS21's figures are yes or no/],
  ])('refuses %p', (command, message) => {
    given(defined).when(command).thenRefused('rule-broken', message);
  });

  it('travels towards or away from the result its target asks for', () => {
    const travel = (current: boolean, previous: boolean | null, target: boolean | null) =>
      directionOfFigures({ unit: 'yes-no', current, previous, polarity: 'higher-is-better', target });
    expect(travel(true, null, true)).toBe('none');
    expect(travel(true, true, true)).toBe('unchanged');
    expect(travel(true, false, true)).toBe('improved');
    expect(travel(false, true, true)).toBe('declined');
    expect(travel(false, true, false)).toBe('improved');
    expect(travel(true, false, null)).toBe('improved');
  });
});
