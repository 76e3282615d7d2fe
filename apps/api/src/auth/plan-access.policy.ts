import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Caller } from './caller';

/** What the policy needs to know of a plan. */
export interface PlanScope {
  planId: string;
  council: string;
  service: string;
}

/**
 * Who may touch which plan, checked by a plan's handlers once they have loaded it. A plan of another
 * council answers exactly as a plan that does not exist, so one council cannot learn of another's
 * plans; a plan of the caller's council outside their services is refused plainly.
 */
@Injectable()
export class PlanAccessPolicy {
  assertCanSee(caller: Caller, plan: PlanScope): void {
    if (plan.council !== caller.council) throw new NotFoundException(`Plan ${plan.planId} was not found`);
    if (caller.services !== null && !caller.services.includes(plan.service)) {
      throw new ForbiddenException(`You are not assigned to the service '${plan.service}'`);
    }
  }
}
