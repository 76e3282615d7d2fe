import { documentBody } from '../plan-views/plan-event';
import { PLANS_COLLECTION, planViewProjection } from '../plan-views/plan-view.projection';
import type { FieldCondition } from '@app/read-store';
import { foldPlanView, type PlanView } from '../plan-views/plan-view';
import { buildMonitoringReport, DEFAULT_REPORT_RULES } from '../plan-views/report';
import { OFFICER, PlanStream, project } from '../plan-views/testing/plan-stream.fixture';
import { buildIndicatorSeries } from './indicator-series';
import {
  earlierPlanOf,
  INDICATOR_SERIES_COLLECTION,
  planBefore,
  plansEndingBefore,
  plansOfService,
  SERVICE_PLANS_ORDER,
  seriesPlanOf,
  type SeriesPlanDocument,
} from './series-plans';
import { SERVICE, twoYearsOfOneService } from './testing/two-years.fixture';

describe("An indicator's series across years", () => {
  it("orders the finds of a service's plans by the index the plan view declares for them, so the store seeks it", () => {
    const [index] = planViewProjection.indexes?.[INDICATOR_SERIES_COLLECTION] ?? [];

    expect(Object.keys(index)).toEqual(['council', ...SERVICE_PLANS_ORDER.map(({ field }) => field)]);
    expect(Object.keys(plansOfService('hart', SERVICE))).toEqual(['council', 'service']);
  });

  const projected = async () => {
    const reads = await project(planViewProjection, twoYearsOfOneService().events);
    const find = async (where: Record<string, FieldCondition>) =>
      (await reads.find(INDICATOR_SERIES_COLLECTION, { where })).items.map((item) => documentBody<SeriesPlanDocument>(item));
    return { reads, find };
  };

  it('keeps beside each plan, from the same fold, what its series are made of; found by council and service', async () => {
    const { reads, find } = await projected();
    const plan = documentBody<PlanView>((await reads.get(PLANS_COLLECTION, 'hart/cs-2024-25'))!);
    expect(documentBody((await reads.get(INDICATOR_SERIES_COLLECTION, 'hart/cs-2024-25'))!)).toEqual(
      documentBody(seriesPlanOf('hart/cs-2024-25', plan)),
    );

    expect((await find(plansOfService('hart', SERVICE))).map(({ planId }) => planId).sort()).toEqual(['cs-2023-24', 'cs-2024-25']);
    expect((await find(plansOfService('rushmoor', SERVICE))).map(({ council }) => council)).toEqual(['rushmoor']);
    expect(await find(plansOfService('hart', 'Place'))).toEqual([]);
  });

  it("answers each plan of the service holding the code in period order, and every actual as one line a chart draws, another council's never in it", async () => {
    const { find } = await projected();
    const series = buildIndicatorSeries('cp7', SERVICE, await find(plansOfService('hart', SERVICE)));

    expect(series).toMatchObject({ code: 'CP7', service: SERVICE });
    expect(series!.plans.map(({ planId, planPeriod, status, unit }) => ({ planId, planPeriod, status, unit }))).toEqual([
      { planId: 'cs-2023-24', planPeriod: '2023/24', status: 'draft', unit: 'percent' },
      { planId: 'cs-2024-25', planPeriod: '2024/25', status: 'draft', unit: 'percent' },
    ]);
    expect(series!.points).toEqual([
      { period: '2023/24-Q1', value: 28.1, target: null, rag: 'none', planId: 'cs-2023-24' },
      { period: '2023/24-Q4', value: 97.6, target: '98%', rag: 'amber', planId: 'cs-2023-24' },
      { period: '2024/25-Q1', value: 29.3, target: null, rag: 'none', planId: 'cs-2024-25' },
    ]);
    expect(buildIndicatorSeries('NOPE', SERVICE, await find(plansOfService('hart', SERVICE)))).toBeNull();
  });

  it("gives each actual the direction its report shows: a plan's first quarter against the plan before it, before any baseline", async () => {
    const { find } = await projected();
    const plans = await find(plansOfService('hart', SERVICE));
    const cp10 = buildIndicatorSeries('CP10', SERVICE, plans)!.plans[1].actuals;

    expect(cp10).toMatchObject([
      {
        period: '2024/25-Q1',
        direction: 'declined',
        previousPeriod: '2023/24-Q4',
        previousActual: 33,
        previousFrom: 'earlier-plan',
        previousPlan: { planId: 'cs-2023-24', period: '2023/24' },
      },
      { period: '2024/25-Q2', direction: 'improved', previousPeriod: '2024/25-Q1', previousActual: 35, previousFrom: 'actual', previousPlan: null },
    ]);
    const cp7 = buildIndicatorSeries('CP7', SERVICE, plans)!.plans[1].actuals[0];
    expect(cp7).toMatchObject({ direction: 'improved', previousPeriod: '2023/24-Q1', previousActual: 28.1, previousFrom: 'earlier-plan' });
  });

  it("lets a plan's report find the plan before it in one query, and compare across the year boundary with it", async () => {
    const { reads, find } = await projected();
    const later = documentBody<PlanView>((await reads.get(PLANS_COLLECTION, 'hart/cs-2024-25'))!);
    const candidates = await find(plansEndingBefore('hart', [later]));
    expect(candidates.map(({ planId }) => planId)).toEqual(['cs-2023-24']);
    const earlierPlan = earlierPlanOf(planBefore(later, candidates)!);

    const q1 = buildMonitoringReport({ ...later, earlierPlan }, '2024/25-Q1', DEFAULT_REPORT_RULES).indicators;
    expect(q1.map(({ code, direction, previousPeriod, previousActual, previousFrom, previousPlan }) => ({ code, direction, previousPeriod, previousActual, previousFrom, previousPlan }))).toEqual([
      { code: 'CP7', direction: 'improved', previousPeriod: '2023/24-Q1', previousActual: 28.1, previousFrom: 'earlier-plan', previousPlan: { planId: 'cs-2023-24', period: '2023/24' } },
      { code: 'CP10', direction: 'declined', previousPeriod: '2023/24-Q4', previousActual: 33, previousFrom: 'earlier-plan', previousPlan: { planId: 'cs-2023-24', period: '2023/24' } },
    ]);
    // Without the plan before it, the plan's own baseline for that quarter stands in, as before.
    expect(buildMonitoringReport(later, '2024/25-Q1', DEFAULT_REPORT_RULES).indicators[1]).toMatchObject({
      direction: 'improved',
      previousActual: 50,
      previousFrom: 'baseline',
      previousPlan: null,
    });
    // A quarter within the plan compares with the plan's own figures, never the plan before.
    expect(buildMonitoringReport({ ...later, earlierPlan }, '2024/25-Q2', DEFAULT_REPORT_RULES).indicators[1]).toMatchObject({
      previousPeriod: '2024/25-Q1',
      previousFrom: 'actual',
    });
  });

  it('takes as the plan before one only a plan of its service ending the day before it begins', () => {
    const { earlier, later } = twoYearsOfOneService();
    const of = (stream: typeof earlier) => seriesPlanOf(stream.planId, foldPlanView(stream.events) as PlanView);
    const [before, after] = [of(earlier), of(later)];
    expect(planBefore(after, [before, after])?.planId).toBe('cs-2023-24');
    expect(planBefore(before, [before, after])).toBeNull();
    expect(planBefore({ ...after, service: 'Place' }, [before, after])).toBeNull();
  });

  it("compares an annual figure with the year before's plan, and a plan's first month with the last month of the plan before", () => {
    const noTarget = { target: null, source: 'none', tolerancePercent: 5, toleranceAbsolute: null, baselineFigure: null } as const;
    const yearOf = (planId: string, year: string, start: string) => {
      const plan = new PlanStream(planId, start);
      const from = `${year.slice(0, 4)}-04-01`;
      plan.add('PlanDrafted', {
        council: 'hart',
        service: SERVICE,
        title: `Benefits ${year}`,
        period: { kind: 'financial-year', label: year, from, to: `${Number(year.slice(0, 4)) + 1}-03-31` },
        owner: null,
      });
      const common = { description: null, unit: 'days', polarity: 'lower-is-better', tolerance: 5, toleranceAbsolute: null, themeId: null } as const;
      plan.add('IndicatorDefined', { ...common, code: 'BEN1', title: 'Days to process a new claim', basis: 'annual', frequency: 'annual', targets: [] });
      plan.add('IndicatorDefined', { ...common, code: 'BEN2', title: 'Days to process a change', basis: 'period', frequency: 'monthly', targets: [] });
      return plan;
    };
    const record = (plan: PlanStream, code: string, period: string, value: number) =>
      plan.add('ActualRecorded', { code, unit: 'days', polarity: 'lower-is-better', period, value, commentary: null, recordedBy: OFFICER.id, source: null, method: null, caveats: null, assessedAgainst: noTarget });
    const earlier = yearOf('ben-2023-24', '2023/24', '2023-04-03T09:00:00.000Z');
    record(earlier, 'BEN1', '2023/24', 21);
    record(earlier, 'BEN2', '2023/24-M12', 9);
    const later = yearOf('ben-2024-25', '2024/25', '2024-04-03T09:00:00.000Z');
    record(later, 'BEN1', '2024/25', 18);
    record(later, 'BEN2', '2024/25-M01', 11);
    const [before, after] = [earlier, later].map((stream) => seriesPlanOf(stream.planId, foldPlanView(stream.events) as PlanView));

    expect(buildIndicatorSeries('BEN1', SERVICE, [after, before])!.plans[1].actuals[0]).toMatchObject({
      direction: 'improved',
      previousPeriod: '2023/24',
      previousActual: 21,
      previousFrom: 'earlier-plan',
    });
    const report = buildMonitoringReport({ ...foldPlanView(later.events)!, earlierPlan: earlierPlanOf(before) }, '2024/25-M01', DEFAULT_REPORT_RULES);
    expect(report.indicators[1]).toMatchObject({ direction: 'declined', previousPeriod: '2023/24-M12', previousActual: 9, previousFrom: 'earlier-plan' });
  });
});
