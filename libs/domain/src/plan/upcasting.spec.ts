import { decide } from './decide';
import { evolve } from './evolve';
import type { PlanEvent } from './plan-events';
import { initialPlanState } from './plan-state';
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
      { now: new Date('2023-07-15T00:00:00Z') },
    );
    expect(recorded).toMatchObject({
      type: 'ActualRecorded',
      data: { assessedAgainst: { source: 'year', tolerancePercent: 5, target: { value: 70 } } },
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
