import { decide } from './decide';
import { evolve } from './evolve';
import type { PlanEvent } from './plan-events';
import { initialPlanState } from './plan-state';
import { DEFAULT_RISK_MATRIX } from './risks/risk-matrix';
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
  it('gives a version 1 indicator the default tolerance of 5%', () => {
    expect(upcastPlanEvent('IndicatorDefined', 1, storedV1IndicatorDefined.data)).toEqual({
      ...storedV1IndicatorDefined.data,
      tolerance: 5,
    });
  });

  it('still reads a version 1 indicator through evolve, and judges its actuals with the default tolerance', () => {
    const history: PlanEvent[] = [hartDrafted, toPlanEvent(storedV1IndicatorDefined)];
    const state = history.reduce(evolve, initialPlanState);
    const [recorded] = decide(
      { type: 'RecordActual', data: { code: 'CP5', period: '2023/24-Q1', value: 68 } },
      state,
      { now: new Date('2023-07-15T00:00:00Z'), riskMatrix: DEFAULT_RISK_MATRIX },
    );
    expect(recorded).toMatchObject({
      type: 'ActualRecorded',
      data: { assessedAgainst: { source: 'year', tolerancePercent: 5, target: { value: 70 } } },
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
          riskMatrix: DEFAULT_RISK_MATRIX,
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
    expect(upcastPlanEvent('IndicatorDefined', 2, { code: 'X', tolerance: 2 })).toEqual({ code: 'X', tolerance: 2 });
  });

  it('refuses an event written by newer software, or not a plan event', () => {
    expect(() => upcastPlanEvent('PlanClosed', 2, {})).toThrow(/schema version 2, newer than this software reads \(1\)/);
    expect(() => upcastPlanEvent('SomethingElse', 1, {})).toThrow(/'SomethingElse' is not a service plan event/);
  });
});
