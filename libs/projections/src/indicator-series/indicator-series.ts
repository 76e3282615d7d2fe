import { comparePeriods, sameCode, type Basis, type Direction, type Frequency, type PlanStatus, type Polarity, type Figure, type Rag, type Unit } from '@app/domain';
import { formatTarget } from '../plan-views/format-value';
import type { ActualVerificationView, ActualView, BaselineView, IndicatorView, TargetView } from '../plan-views/plan-view';
import { travelOf, type ComparedFigure } from '../plan-views/report';
import { earlierPlanOf, planBefore, type SeriesPlan } from './series-plans';

/**
 * One indicator across the plans of a service, year after year: the same code in successive plans
 * is one series, whatever drafted each plan.
 */

/** An actual as the series shows it: rated as it was when recorded, with its direction of travel as its period's report shows it. */
export type SeriesActual = {
  period: string;
  value: Figure;
  rag: Rag;
  direction: Direction;
  /** What the direction was computed against: the period, its figure, and whether it is an actual, an earlier plan's actual or a baseline. */
  previousPeriod: string;
  previousActual: Figure | null;
  previousFrom: ComparedFigure['from'];
  /** The earlier plan the compared figure was recorded in, when it was. */
  previousPlan: ComparedFigure['plan'];
  /** @format date-time */
  recordedAt: string;
  restated: boolean;
  verification: ActualVerificationView;
};

/** The indicator in one plan of the series. */
export type SeriesEntry = {
  planId: string;
  planTitle: string;
  /** The plan's period ("2023/24", "2020-2023"). */
  planPeriod: string;
  status: PlanStatus;
  /** The indicator's title in that plan, which may be worded differently year to year. */
  title: string;
  unit: Unit;
  polarity: Polarity;
  basis: Basis;
  frequency: Frequency;
  targets: TargetView[];
  actuals: SeriesActual[];
  baselines: BaselineView[];
};

/** One point of the chart: an actual in business-time order, with the target it was rated against as printed, and its plan. */
export type SeriesPoint = {
  period: string;
  /** A number, a date (YYYY-MM-DD) for a `date` indicator, or true or false for a `yes-no` one. */
  value: Figure;
  /** The target the actual was rated against, as a report prints it ("98%", "less than 18 days"); null when there was none. */
  target: string | null;
  rag: Rag;
  planId: string;
};

export type IndicatorSeries = {
  code: string;
  service: string;
  /** Each plan of the service that has the indicator, earliest period first. */
  plans: SeriesEntry[];
  /** Every plan's actuals as one line, in period order. */
  points: SeriesPoint[];
};

/**
 * The series of `code` across `plans` (the council's plans of one service), or null when none of
 * them has the indicator. Each actual's direction compares, where the period before lies before its
 * plan, with the plan before it in the series, as that plan's successor's report does.
 */
export function buildIndicatorSeries(code: string, service: string, plans: SeriesPlan[]): IndicatorSeries | null {
  const ordered = [...plans].sort((a, b) => (a.periodRange.from < b.periodRange.from ? -1 : a.periodRange.from > b.periodRange.from ? 1 : 0));
  const found = ordered.flatMap((plan) => {
    const indicator = plan.indicators.find((candidate) => sameCode(candidate.code, code));
    return indicator ? [{ plan, indicator }] : [];
  });
  if (found.length === 0) return null;
  const entries = found.map(({ plan, indicator }) => seriesEntry(plan, indicator, planBefore(plan, ordered)));
  const points = found
    .flatMap(({ plan, indicator }) => indicator.actuals.map((actual) => seriesPoint(plan, indicator, actual)))
    .sort((a, b) => comparePeriods(a.period, b.period));
  return { code: found[0].indicator.code, service, plans: entries, points };
}

function seriesEntry(plan: SeriesPlan, indicator: IndicatorView, before: SeriesPlan | null): SeriesEntry {
  const earlierPlan = before && earlierPlanOf(before);
  const actuals = [...indicator.actuals].sort((a, b) => comparePeriods(a.period, b.period));
  return {
    planId: plan.planId,
    planTitle: plan.title,
    planPeriod: plan.period,
    status: plan.status,
    title: indicator.title,
    unit: indicator.unit,
    polarity: indicator.polarity,
    basis: indicator.basis,
    frequency: indicator.frequency,
    targets: indicator.targets,
    actuals: actuals.map((actual) => {
      const { direction, compared } = travelOf(indicator, actual.period, actual, plan.periodRange.from, earlierPlan);
      return {
        period: actual.period,
        value: actual.value,
        rag: actual.rag,
        direction,
        previousPeriod: compared.period,
        previousActual: compared.value,
        previousFrom: compared.from,
        previousPlan: compared.plan,
        recordedAt: actual.recordedAt,
        restated: actual.restated,
        verification: actual.verification,
      };
    }),
    baselines: indicator.baselines,
  };
}

function seriesPoint(plan: SeriesPlan, indicator: IndicatorView, actual: ActualView): SeriesPoint {
  const ratedAgainst = actual.assessedAgainst.target;
  return {
    period: actual.period,
    value: actual.value,
    target: ratedAgainst ? formatTarget(ratedAgainst, indicator.unit, indicator.polarity) : null,
    rag: actual.rag,
    planId: plan.planId,
  };
}
