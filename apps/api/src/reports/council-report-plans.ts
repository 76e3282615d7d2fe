import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { planKey, type PlanKey } from '@app/domain';
import { findAll, READ_STORE, type FieldCondition, type ReadStore } from '@app/read-store';
import {
  documentBody,
  PLAN_LIST_COLLECTION,
  PLAN_REPORT_INPUTS_COLLECTION,
  plansCoveringPeriod,
  type CouncilReportScope,
  type PlanListItem,
  type PlanReportInputsDocument,
  type ReportInputs,
} from '@app/projections';
import type { Caller } from '../auth/caller';
import { EarlierPlans } from '../plans/queries/earlier-plans';
import { PlanTimeTravel, type CouncilIntegrity } from '../plans/queries/plan-time-travel';

/** The plans a council-wide answer is built from, the words of its note, and its ETag. */
export type CouncilPlans = {
  plans: ReportInputs[];
  scope: CouncilReportScope;
  /** Changes whenever a plan the answer could hold changes: a digest of their keys and revisions. */
  tag: string;
  /** For an answer `asOf`; null for one read now. */
  integrity: CouncilIntegrity | null;
};

/**
 * Finds the caller's plans covering a period for a council-wide answer. Now: one query on the
 * report inputs the plan-view projection keeps per plan, by council (and the caller's services) and
 * period, paged in the rare council with more plans than a page. As of an instant: the same plans
 * (a plan's council, service and period never change, and plans are never removed), each rebuilt
 * as the plan read `asOf` rebuilds it, from its newest snapshot at or before the instant; a plan
 * drafted after the instant is not in the answer. Either way each plan comes with the plan of its
 * service before it, as it stood at the same instant, for direction of travel across the year boundary.
 */
@Injectable()
export class CouncilReportPlans {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly timeTravel: PlanTimeTravel,
    private readonly earlierPlans: EarlierPlans,
  ) {}

  async covering(caller: Caller, period: string, asOf: Date | undefined): Promise<CouncilPlans> {
    const now = await findAll<PlanReportInputsDocument>(this.reads, PLAN_REPORT_INPUTS_COLLECTION, plansCoveringPeriod(caller.council, period, caller.services));
    if (asOf === undefined) {
      const plans = await this.earlierPlans.attachTo(now.map((document) => documentBody<PlanReportInputsDocument>(document)), undefined);
      return { plans, scope: await this.scopeOf(caller, plans.length === 0), tag: tagOf(plans), integrity: null };
    }
    const rebuilt = await this.timeTravel.everyAsOf(now.map(({ id }) => id as PlanKey), asOf);
    const plans = await this.earlierPlans.attachTo(rebuilt.plans, asOf);
    return {
      plans,
      // Which periods the caller's plans covered at that instant is not kept; the note then names none.
      scope: { council: caller.council, services: caller.services, periodsHeld: null },
      tag: tagOf(plans),
      integrity: rebuilt.integrity,
    };
  }

  /** Who asks, and, when no plan of theirs covers the period, the periods their plans do cover. */
  private async scopeOf(caller: Caller, namePeriods: boolean): Promise<CouncilReportScope> {
    const scope = { council: caller.council, services: caller.services };
    if (!namePeriods) return { ...scope, periodsHeld: [] };
    const where: Record<string, FieldCondition> = { council: caller.council };
    if (caller.services !== null) where.service = { $in: caller.services };
    const listed = await findAll<PlanListItem & { id: string }>(this.reads, PLAN_LIST_COLLECTION, where);
    return { ...scope, periodsHeld: [...new Set(listed.map((item) => item.period))].sort() };
  }
}

/** Each plan's key and revision, and those of the plan before it, whose figures its direction of travel may compare with. */
function tagOf(plans: Array<ReportInputs & { council: string }>): string {
  return plansTag(
    plans.flatMap(({ council, planId, revision, earlierPlan }) => [
      `${planKey(council, planId)}@${revision}`,
      ...(earlierPlan ? [`${planKey(council, planId)} before ${earlierPlan.planId}@${earlierPlan.revision}`] : []),
    ]),
  );
}

/** An ETag for an answer across plans: a digest of what names each plan at its revision, in any order. */
export function plansTag(entries: string[]): string {
  return `plans-${createHash('sha256').update([...entries].sort().join('\n')).digest('hex').slice(0, 20)}`;
}
