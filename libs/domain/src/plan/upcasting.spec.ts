import { assessRag } from '../performance/rag';
import { decide } from './decide';
import { evolve } from './evolve';
import type { PlanEvent } from './plan-events';
import { initialPlanState } from './plan-state';
import { DEFAULT_RISK_MATRIX } from './risks/risk-matrix';
import { SPEC_ACTOR } from './testing/given-when-then';
import { hartDrafted } from './testing/plan-fixtures';
import { toPlanEvent, upcastPlanEvent } from './upcasting';

/** An IndicatorDefined as stored before tolerances existed (schema version 1), byte for byte. */
const storedV1IndicatorDefined = {
  type: 'IndicatorDefined',
  data: JSON.parse(
    '{"planId":"hart-corporate-services-2023-24","code":"CP5","title":"Percentage of telephone calls answered by the Contact Centre in 30 seconds","description":null,"unit":"percent","polarity":"higher-is-better","basis":"period-end-snapshot","frequency":"quarterly","targets":[{"period":"2023/24","value":70,"text":null,"comparison":"at-least"}]}',
  ) as Record<string, unknown>,
  metadata: { schemaVersion: 1 },
};

describe('upcasting stored events', () => {
  it('reads scrutiny comments stored before meetings were recorded (schema version 1) as a plan\'s own record, of no meeting', () => {
    const stored = { planId: 'p', committee: 'Overview and Scrutiny Committee', meetingDate: '2023-06-20', minuteRef: 'minute 126', comments: ['Add a measure'] };
    expect(upcastPlanEvent('ScrutinyCommentsRecorded', 1, stored)).toEqual({ ...stored, meetingId: null });
    expect(toPlanEvent({ type: 'ScrutinyCommentsRecorded', data: stored, metadata: {} }).data).toEqual({ ...stored, meetingId: null });
  });

  it('gives a version 1 indicator the default tolerance of 5%, as a percent', () => {
    expect(upcastPlanEvent('IndicatorDefined', 1, storedV1IndicatorDefined.data)).toEqual({
      ...storedV1IndicatorDefined.data,
      tolerance: 5,
      toleranceAbsolute: null,
      themeId: null,
      targets: [{ period: '2023/24', value: 70, upper: null, baseline: null, comparison: 'at-least', text: null }],
    });
  });

  it('still reads a version 1 indicator through evolve, and judges its actuals with the default tolerance', () => {
    const history: PlanEvent[] = [hartDrafted, toPlanEvent(storedV1IndicatorDefined)];
    const state = history.reduce(evolve, initialPlanState);
    const [recorded] = decide(
      { type: 'RecordActual', data: { code: 'CP5', period: '2023/24-Q1', value: 68 } },
      state,
      { now: new Date('2023-07-15T00:00:00Z'), actor: SPEC_ACTOR, riskMatrix: DEFAULT_RISK_MATRIX, corporatePlans: null },
    );
    expect(recorded).toMatchObject({
      type: 'ActualRecorded',
      data: { assessedAgainst: { source: 'year', tolerancePercent: 5, toleranceAbsolute: null, target: { value: 70, comparison: 'at-least' } } },
    });
  });

  it('reads an actual stored before it said who entered it (version 2) as entered by someone unknown', () => {
    const assessedAgainst = { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null };
    const stored = { planId: 'p', code: 'CP5', unit: 'percent', polarity: 'higher-is-better', period: '2023/24-Q1', value: 68, assessedAgainst };
    const current = { assessedAgainst: { ...assessedAgainst, baselineFigure: null }, recordedBy: null, source: null, method: null, caveats: null };
    expect(upcastPlanEvent('ActualRecorded', 2, stored)).toEqual({ ...stored, ...current });
    const restated = { ...stored, previous: { value: 67, commentary: null }, reason: 'Corrected' };
    expect(upcastPlanEvent('ActualRestated', 2, restated)).toEqual({ ...restated, ...current });
  });

  it('reads an actual stored before data-quality notes (version 4) as one without source, method or caveats', () => {
    const assessedAgainst = { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null };
    const stored = { planId: 'p', code: 'CP5', unit: 'percent', polarity: 'higher-is-better', period: '2023/24-Q1', value: 68, assessedAgainst, recordedBy: 'u-1' };
    expect(upcastPlanEvent('ActualRecorded', 4, stored)).toEqual({ ...stored, source: null, method: null, caveats: null });
    const restated = { ...stored, previous: { value: 67, commentary: null }, reason: 'Corrected' };
    expect(upcastPlanEvent('ActualRestated', 4, restated)).toEqual({ ...restated, source: null, method: null, caveats: null });
  });

  describe('targets and actuals stored before a target could be relative to a baseline', () => {
    const target = { period: '2023/24', value: 18, upper: null, comparison: 'less-than', text: 'Less than 18 days' };
    const inForce = { target, source: 'year', tolerancePercent: null, toleranceAbsolute: 1 };
    const actual = { planId: 'p', code: 'CP3', unit: 'days', polarity: 'lower-is-better', period: '2023/24-Q1', value: 18.5, commentary: null, assessedAgainst: inForce, recordedBy: 'sam' };

    it('reads each target as held to its own figure, or to words alone', () => {
      expect(upcastPlanEvent('IndicatorDefined', 4, { code: 'CP3', themeId: null, targets: [target] })).toEqual({
        code: 'CP3',
        themeId: null,
        targets: [{ ...target, baseline: null }],
      });
      expect(upcastPlanEvent('TargetSet', 2, { code: 'CP3', target })).toEqual({ code: 'CP3', target: { ...target, baseline: null } });
      expect(upcastPlanEvent('TargetChanged', 2, { code: 'CP3', previous: target, target })).toEqual({
        code: 'CP3',
        previous: { ...target, baseline: null },
        target: { ...target, baseline: null },
      });
    });

    it.each(['ActualRecorded', 'ActualRestated'] as const)('reads a %s (version 3) with the rating it was given', (type) => {
      const event = toPlanEvent({ type, data: actual, metadata: { schemaVersion: 3 } });
      if (event.type !== 'ActualRecorded' && event.type !== 'ActualRestated') throw new Error('not an actual');
      expect(event.data.assessedAgainst).toEqual({ ...inForce, target: { ...target, baseline: null }, baselineFigure: null });
      expect(assessRag({ actual: event.data.value, unit: event.data.unit, assessedAgainst: event.data.assessedAgainst, period: event.data.period })).toEqual({
        rag: 'amber',
        reason: 'Not below the target of 18, within the tolerance of 1',
      });
    });
  });

  describe('targets and actuals stored before comparisons were explicit', () => {
    const planId = hartDrafted.data.planId;
    /**
     * As the software stored them: the figure read out of the words, the comparison read from the
     * words, and every actual rated by its polarity alone, whatever the comparison said.
     */
    const storedTarget = (value: number | null, text: string | null, comparison: string) => ({ period: '2023/24', value, text, comparison });
    const storedActual = (polarity: string, target: ReturnType<typeof storedTarget> | null, value: number) => ({
      planId,
      code: 'X1',
      unit: 'number',
      polarity,
      period: '2023/24',
      value,
      commentary: null,
      assessedAgainst: { target, source: target ? 'year' : 'none', tolerancePercent: 5 },
    });
    const ratedAfterUpcasting = (type: 'ActualRecorded' | 'ActualRestated', data: Record<string, unknown>) => {
      const event = toPlanEvent({ type, data, metadata: { schemaVersion: 1 } });
      if (event.type !== 'ActualRecorded' && event.type !== 'ActualRestated') throw new Error('not an actual');
      return assessRag({ actual: event.data.value, unit: event.data.unit, assessedAgainst: event.data.assessedAgainst, period: event.data.period }).rag;
    };

    it.each([
      // "no more than 40" on an indicator entered as higher-is-better: 45 was green, and stays green.
      ['higher-is-better', storedTarget(40, 'no more than 40 per 100,000', 'at-most'), 45, 'green'],
      ['higher-is-better', storedTarget(40, 'no more than 40 per 100,000', 'at-most'), 39, 'amber'],
      // "Less than 18 days" was stored as at most 18, so 18 was green: still green.
      ['lower-is-better', storedTarget(18, 'Less than 18 days', 'at-most'), 18, 'green'],
      ['lower-is-better', storedTarget(18, 'Less than 18 days', 'at-most'), 19, 'red'],
      // A figure the words gave ("by the 26th of February 2020" read as 26) stays the figure it was rated against.
      ['higher-is-better', storedTarget(26, 'by the 26th of February 2020', 'at-least'), 25, 'amber'],
      ['on-target-is-best', storedTarget(100, null, 'exactly'), 103, 'amber'],
      ['on-target-is-best', storedTarget(100, null, 'exactly'), 100, 'green'],
      ['higher-is-better', storedTarget(null, 'TBA', 'at-least'), 12, 'none'],
      ['higher-is-better', null, 12, 'none'],
    ] as const)('an actual on a %s indicator against %p, at %d, is still %s', (polarity, target, value, rag) => {
      expect(ratedAfterUpcasting('ActualRecorded', storedActual(polarity, target, value))).toBe(rag);
      const restated = { ...storedActual(polarity, target, value), previous: { value: 0, commentary: null }, reason: 'Corrected' };
      expect(ratedAfterUpcasting('ActualRestated', restated)).toBe(rag);
    });

    it('reads a stored target with the comparison it was rated with, its value as stored, and no upper figure', () => {
      const wrongWayRound = storedTarget(40, 'no more than 40 per 100,000', 'at-most');
      expect(
        upcastPlanEvent('TargetSet', 1, {
          planId,
          code: 'X1',
          unit: 'number',
          polarity: 'higher-is-better',
          target: wrongWayRound,
          reason: null,
          authority: null,
        }),
      ).toMatchObject({ target: { period: '2023/24', value: 40, upper: null, baseline: null, comparison: 'at-least', text: 'no more than 40 per 100,000' } });
      expect(
        upcastPlanEvent('TargetChanged', 1, {
          planId,
          code: 'X1',
          unit: 'number',
          polarity: 'lower-is-better',
          period: '2023/24',
          previous: storedTarget(null, 'TBA', 'at-most'),
          target: storedTarget(2020, 'by the 26th of February 2020', 'at-most'),
          reason: 'Set',
          authority: null,
        }),
      ).toMatchObject({
        previous: { value: null, upper: null, baseline: null, comparison: null, text: 'TBA' },
        target: { value: 2020, upper: null, baseline: null, comparison: 'at-most', text: 'by the 26th of February 2020' },
      });
      expect(
        upcastPlanEvent('IndicatorDefined', 2, {
          ...storedV1IndicatorDefined.data,
          polarity: 'on-target-is-best',
          tolerance: 3,
          targets: [storedTarget(100, null, 'exactly')],
        }),
      ).toMatchObject({ tolerance: 3, toleranceAbsolute: null, targets: [{ value: 100, upper: null, baseline: null, comparison: 'equal' }] });
    });

    it('keeps rating new actuals on a stored indicator as its polarity did', () => {
      const stored = toPlanEvent({
        type: 'IndicatorDefined',
        data: {
          ...storedV1IndicatorDefined.data,
          code: 'CP10',
          polarity: 'higher-is-better',
          tolerance: 5,
          targets: [storedTarget(40, 'no more than 40 per 100,000', 'at-most')],
        },
        metadata: { schemaVersion: 2 },
      });
      const state = [hartDrafted, stored].reduce(evolve, initialPlanState);
      const [recorded] = decide({ type: 'RecordActual', data: { code: 'CP10', period: '2023/24-Q1', value: 45 } }, state, {
        now: new Date('2023-07-15T00:00:00Z'),
        actor: SPEC_ACTOR,
        riskMatrix: DEFAULT_RISK_MATRIX,
        corporatePlans: null,
      });
      if (recorded.type !== 'ActualRecorded') throw new Error('not recorded');
      expect(assessRag({ actual: 45, unit: 'rate-per-100k', assessedAgainst: recorded.data.assessedAgainst, period: '2023/24-Q1' }).rag).toBe('green');
    });
  });

  describe('priorities stored before kinds, sponsors and dues (schema version 1)', () => {
    const outcomeV1 = { ref: '1', description: 'Smooth transition and knowledge transfer', targetDate: { text: 'July 2023', date: '2023-07-31' } };
    const upcast = (type: string, data: Record<string, unknown>) => upcastPlanEvent(type, 1, { planId: 'p', ...data });

    it('reads every stored priority as a priority, with no sponsor, manager or due', () => {
      expect(upcast('PriorityAdded', { ref: '3', title: 'T', themes: [], objective: null, outcomes: [outcomeV1] })).toEqual({
        planId: 'p',
        ref: '3',
        title: 'T',
        themes: [],
        themeIds: [],
        objective: null,
        kind: 'priority',
        sponsor: null,
        manager: null,
        outcomes: [{ ...outcomeV1, due: null }],
      });
      expect(upcast('PriorityRevised', { ref: '3', changes: { title: 'U' }, previous: { title: 'T' }, reason: 'r' })).toEqual({
        planId: 'p',
        ref: '3',
        kind: 'priority',
        changes: { title: 'U' },
        previous: { title: 'T' },
        reason: 'r',
      });
      expect(upcast('PriorityWithdrawn', { ref: '3', title: 'T', reason: 'r' })).toEqual({
        planId: 'p',
        ref: '3',
        kind: 'priority',
        title: 'T',
        reason: 'r',
      });
    });

    it('reads stored outcome events as outcomes of a priority, due only as their words say', () => {
      const undue = { ...outcomeV1, due: null };
      expect(upcast('OutcomeAdded', { priorityRef: '3', outcome: outcomeV1, reason: 'r' })).toEqual({
        planId: 'p',
        priorityRef: '3',
        priorityKind: 'priority',
        outcome: undue,
        reason: 'r',
      });
      expect(upcast('OutcomeRemoved', { priorityRef: '3', outcome: outcomeV1, reason: 'r' })).toEqual({
        planId: 'p',
        priorityRef: '3',
        priorityKind: 'priority',
        outcome: undue,
        reason: 'r',
      });
      expect(
        upcast('OutcomeChanged', { priorityRef: '3', outcomeRef: '1', before: outcomeV1, after: { ...outcomeV1, description: 'D' }, reason: 'r' }),
      ).toEqual({
        planId: 'p',
        priorityRef: '3',
        priorityKind: 'priority',
        outcomeRef: '1',
        before: undue,
        after: { ...undue, description: 'D' },
        reason: 'r',
      });
    });

    it('decides on a stored version 1 priority as on a priority: a revision names it and keeps its outcomes', () => {
      const storedV1: PlanEvent = toPlanEvent({
        type: 'PriorityAdded',
        data: { planId: hartDrafted.data.planId, ref: '3', title: 'T', themes: [], objective: null, outcomes: [outcomeV1] },
        metadata: { schemaVersion: 1 },
      });
      const state = [hartDrafted, storedV1].reduce(evolve, initialPlanState);
      expect(
        decide({ type: 'RevisePriority', data: { ref: '3', kind: 'project', sponsor: 'S151 officer', reason: 'Run as a project' } }, state, {
          now: new Date('2023-07-15T00:00:00Z'),
          actor: SPEC_ACTOR,
          riskMatrix: DEFAULT_RISK_MATRIX,
          corporatePlans: null,
        }),
      ).toEqual([
        {
          type: 'PriorityRevised',
          data: {
            planId: hartDrafted.data.planId,
            ref: '3',
            kind: 'project',
            changes: { kind: 'project', sponsor: 'S151 officer' },
            previous: { kind: 'priority', sponsor: null },
            reason: 'Run as a project',
          },
        },
      ]);
    });
  });

  it('leaves current events as they are', () => {
    expect(upcastPlanEvent('PlanClosed', 1, { planId: 'p', reason: 'Done' })).toEqual({ planId: 'p', reason: 'Done' });
    expect(upcastPlanEvent('IndicatorDefined', 5, { code: 'X', tolerance: 2, themeId: 'planet' })).toEqual({ code: 'X', tolerance: 2, themeId: 'planet' });
  });

  it('reads priorities and indicators stored before theme links (PriorityAdded 2, IndicatorDefined 3) as linked to no theme by id, their words kept', () => {
    const priority = { planId: 'p', ref: '3', title: 'T', themes: ['Planet'], objective: null, kind: 'priority', sponsor: null, manager: null, outcomes: [] };
    expect(upcastPlanEvent('PriorityAdded', 2, priority)).toEqual({ ...priority, themeIds: [] });
    const indicator = { planId: 'p', code: 'CP7', title: 'T', tolerance: 5, toleranceAbsolute: null, targets: [] };
    expect(upcastPlanEvent('IndicatorDefined', 3, indicator)).toEqual({ ...indicator, themeId: null });
  });

  it('refuses an event written by newer software, or not a plan event', () => {
    expect(() => upcastPlanEvent('PlanClosed', 2, {})).toThrow(/schema version 2, newer than this software reads \(1\)/);
    expect(() => upcastPlanEvent('SomethingElse', 1, {})).toThrow(/'SomethingElse' is not a service plan event/);
  });
});
