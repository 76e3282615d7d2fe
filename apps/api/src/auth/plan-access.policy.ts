import { NotAssignedToServiceError, PlanNotFoundError } from '@app/application-errors';
import { Injectable } from '@nestjs/common';
import type { Caller } from './caller';

/** What the policy needs to know of a plan. */
export interface PlanScope {
  planId: string;
  council: string;
  service: string;
}

/**
 * Who may touch which plan, checked by a plan's handlers once they have loaded it. Plans are looked
 * up under the caller's council (see `planKey`), so another council's plan is never loaded and
 * answers exactly as a plan that does not exist; the council check here guards that rule. A plan
 * of the caller's council outside their services is refused plainly.
 */
@Injectable()
export class PlanAccessPolicy {
  assertCanSee(caller: Caller, plan: PlanScope): void {
    if (plan.council !== caller.council) throw PlanNotFoundError.withId(plan.planId);
    if (caller.services !== null && !caller.services.includes(plan.service)) throw new NotAssignedToServiceError(plan.service);
  }
}
