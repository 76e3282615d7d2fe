import { periodBounds } from '@app/domain';
import type { FieldCondition } from '@app/read-store';
import type { PlanView } from '../plan-views/plan-view';
import type { ReportInputs } from '../plan-views/report';

/**
 * One document per plan holding what its monitoring report is built from, so that a council-wide
 * report reads every plan of a council covering a period in one query on this collection, without
 * the plans' narrative, contracts, workforce, versions and scrutiny, which no report shows.
 */
export const PLAN_REPORT_INPUTS_COLLECTION = 'plan_report_inputs';

/** A plan's report inputs, with what a council-wide report finds and filters it by. Its id is the plan's key. */
export type PlanReportInputsDocument = ReportInputs & Pick<PlanView, 'council'> & { id: string };

/** The inputs of the plan now; written by the plan-view projection beside the plan, from the same fold. */
export function planReportInputsOf(id: string, view: PlanView): PlanReportInputsDocument {
  const { planId, council, title, service, periodRange, version, revision, indicators, priorities, budget, risks } = view;
  return { id, planId, council, title, service, periodRange, version, revision, indicators, priorities, budget, risks };
}

/** The conditions that find the council's plans whose period holds the whole of `period`, in the services given. */
export function plansCoveringPeriod(council: string, period: string, services: string[] | null): Record<string, FieldCondition> {
  const { from, to } = periodBounds(period);
  return {
    council,
    'periodRange.from': { $lte: from },
    'periodRange.to': { $gte: to },
    ...(services !== null && { service: { $in: services } }),
  };
}
