import { type PlanKey } from '@app/domain';
import { findAll, READ_STORE, type ReadStore } from '@app/read-store';
import {
  documentBody,
  earlierPlanOf,
  INDICATOR_SERIES_COLLECTION,
  planBefore,
  plansEndingBefore,
  SERVICE_PLANS_ORDER,
  type PlanView,
  type ReportInputs,
  type SeriesPlan,
  type SeriesPlanDocument,
} from '@app/projections';
import { Inject, Injectable } from '../nest';
import { PlanTimeTravel } from './plan-time-travel';

/**
 * Gives plans about to be reported the plan of their service before each (ending the day before it
 * begins), whose actuals direction of travel compares with across the year boundary. The plans are
 * found in one indexed query on the `indicator_series` projection, whatever the number of plans
 * reported, never by reading every plan. As of an instant, each plan found is rebuilt as it stood
 * then, so that a report as of a committee's day shows the direction the committee was shown. (The
 * report states the integrity of its own plan's events; the plan before it is checked by its own reads.)
 */
@Injectable()
export class EarlierPlans {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly timeTravel: PlanTimeTravel,
  ) {}

  /** `plans` are of one council, the caller's. */
  async attachTo<T extends ReportInputs & Pick<PlanView, 'council'>>(plans: T[], asOf: Date | undefined): Promise<T[]> {
    if (plans.length === 0) return plans;
    const found = await findAll<SeriesPlanDocument>(
      this.reads,
      INDICATOR_SERIES_COLLECTION,
      plansEndingBefore(plans[0].council, plans),
      SERVICE_PLANS_ORDER,
    );
    const candidates: SeriesPlan[] =
      asOf === undefined
        ? found.map((document) => documentBody<SeriesPlanDocument>(document))
        : (await this.timeTravel.everyAsOf(found.map(({ id }) => id as PlanKey), asOf)).plans;
    return plans.map((plan) => {
      const before = planBefore(plan, candidates);
      return { ...plan, earlierPlan: before && earlierPlanOf(before) };
    });
  }
}
