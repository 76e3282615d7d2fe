import { financialYearLabel, periodBounds } from '@app/domain';
import type { FieldCondition, FindQuery } from '@app/read-store';
import type { PlanView } from '../plan-views/plan-view';
import type { EarlierPlan } from '../plan-views/report';

/**
 * One document per plan holding what its indicators' series across years are made of, so that the
 * plans of one service of a council are found in one indexed query: for the series of an indicator
 * (`GET /v1/indicators/{code}/series`), and for the plan before a plan, whose actuals direction of
 * travel compares with across the year boundary. Written by the plan-view projection beside the plan.
 */
export const INDICATOR_SERIES_COLLECTION = 'indicator_series';

/** A plan as its indicators' series need it: which plan, its period and status, and its indicators with their targets, actuals and baselines. */
export type SeriesPlan = Pick<PlanView, 'planId' | 'council' | 'service' | 'title' | 'period' | 'periodRange' | 'status' | 'revision' | 'indicators'>;

/** Its id is the plan's key. */
export type SeriesPlanDocument = SeriesPlan & { id: string };

/** The plan now, from the same fold as the plan view; also a plan rebuilt `asOf`, read the same way. */
export function seriesPlanOf(id: string, view: SeriesPlan): SeriesPlanDocument {
  const { planId, council, service, title, period, periodRange, status, revision, indicators } = view;
  return { id, planId, council, service, title, period, periodRange, status, revision, indicators };
}

/**
 * The order of the `{ council, service, periodRange.to }` index that both finds below use, for the
 * read store to seek it rather than read every council's plans (see `findAll`).
 */
export const SERVICE_PLANS_ORDER: NonNullable<FindQuery['sort']> = [
  { field: 'service', direction: 'asc' },
  { field: 'periodRange.to', direction: 'asc' },
];

/** The conditions that find every plan of a service of the council. */
export function plansOfService(council: string, service: string): Record<string, FieldCondition> {
  return { council, service };
}

/**
 * The day before a plan begins, the day the plan before it ends. A plan starts on 1 April, so it is
 * the last day of the financial year before; plans of one service follow each other year on year.
 */
export function dayBeforePlan(periodRange: PlanView['periodRange']): string {
  return periodBounds(financialYearLabel(Number(periodRange.from.slice(0, 4)) - 1)).to;
}

/**
 * The conditions that find the plans ending the day before any of these plans begins, in their
 * services: one query for every plan of a council-wide report.
 */
export function plansEndingBefore(council: string, plans: Array<Pick<PlanView, 'service' | 'periodRange'>>): Record<string, FieldCondition> {
  return {
    council,
    service: { $in: [...new Set(plans.map(({ service }) => service))] },
    'periodRange.to': { $in: [...new Set(plans.map(({ periodRange }) => dayBeforePlan(periodRange)))] },
  };
}

/**
 * The plan among `candidates` that comes before `plan`: of its service, ending the day before it
 * begins. Of two such, the one starting later (a one-year plan inside a three-year one), then the
 * later id, so that the choice never depends on the order the store answers in.
 */
export function planBefore<T extends SeriesPlan>(plan: Pick<PlanView, 'service' | 'periodRange'>, candidates: T[]): T | null {
  const end = dayBeforePlan(plan.periodRange);
  const orderKey = (candidate: T) => `${candidate.periodRange.from} ${candidate.planId}`;
  const before = candidates.filter((candidate) => candidate.service === plan.service && candidate.periodRange.to === end);
  return before.sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : orderKey(a) > orderKey(b) ? 1 : 0)).at(-1) ?? null;
}

/** What a report of the next plan compares with of this one. */
export function earlierPlanOf(plan: SeriesPlan): EarlierPlan {
  return { planId: plan.planId, period: plan.period, revision: plan.revision, indicators: plan.indicators };
}
