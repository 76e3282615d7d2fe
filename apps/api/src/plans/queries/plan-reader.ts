import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { documentBody, PLAN_LIST_COLLECTION, PLANS_COLLECTION, type PlanListItem, type PlanView } from '@app/projections';
import type { Caller } from '../../auth/caller';
import { PlanAccessPolicy } from '../../auth/plan-access.policy';
import { PlanTimeTravel } from './plan-time-travel';

export type PlanPoint = { asOf?: string; version?: string };

/**
 * Finds the plan a query is about, checks the caller may see it (another council's plan is "not
 * found", as if it did not exist), and gives it now, as of an instant, or at a version.
 */
@Injectable()
export class PlanReader {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly timeTravel: PlanTimeTravel,
    private readonly access: PlanAccessPolicy,
  ) {}

  async current(caller: Caller, planId: string): Promise<PlanView> {
    const document = await this.reads.get(PLANS_COLLECTION, planId);
    if (!document) throw notFound(planId);
    const view = documentBody<PlanView>(document);
    this.access.assertCanSee(caller, view);
    return view;
  }

  /** The access check alone, from the plan's small list entry, for answers that do not need the plan. */
  async assertVisible(caller: Caller, planId: string): Promise<void> {
    const document = await this.reads.get(PLAN_LIST_COLLECTION, planId);
    if (!document) throw notFound(planId);
    const { council, service } = documentBody<PlanListItem>(document);
    this.access.assertCanSee(caller, { planId, council, service });
  }

  async at(caller: Caller, planId: string, point: PlanPoint): Promise<PlanView> {
    if (point.asOf !== undefined && point.version === undefined) {
      // Only the access check is needed of the current plan: its small list entry, not the whole plan.
      await this.assertVisible(caller, planId);
      const view = await this.timeTravel.asOf(planId, new Date(point.asOf));
      if (!view) throw new NotFoundException(`Plan ${planId} did not exist yet at ${point.asOf}`);
      return view;
    }
    const current = await this.current(caller, planId);
    return point.version === undefined ? current : this.atVersion(current, point.version);
  }

  async atVersion(current: PlanView, label: string): Promise<PlanView> {
    const published = current.versions.find((version) => version.label === label);
    if (!published) {
      throw new NotFoundException(`Plan ${current.planId} has no version '${label}'`);
    }
    return (await this.timeTravel.atRevision(current.planId, published.revision)) as PlanView;
  }
}

const notFound = (planId: string) => new NotFoundException(`Plan ${planId} was not found`);
