import { DomainError } from '../domain-error';
import { requireWithinLimit, type PlanLimit } from '../plan/plan-limits';

/**
 * What meetings and decisions share: each is recorded once, on a stream of its own, for the several
 * plans it covers, and then entered on each plan's stream. The store has no transaction across
 * streams, so the record names every plan and the revision it was checked at before any plan is
 * written, and a second event says the record has been entered on all of them: a record without it was
 * interrupted, and is completed by entering what is missing.
 */

export const PLANS_PER_COUNCIL_RECORD: PlanLimit = { limit: 100, holder: 'A meeting or a decision', items: 'plans' };

/** Where one plan stands after a record was entered on it. */
export type PlanEntry =
  | { planId: string; entered: true; revision: number; position: number }
  /** The plan refused the entry when an interrupted record was completed: it had changed meanwhile. */
  | { planId: string; entered: false; reason: string };

/** Why one plan cannot take the record, in the plan's own words. */
export interface PlanRefusal {
  planId: string;
  reason: string;
}

/** The plans a record names, each once, and not more than the limit. */
export function requirePlansCovered(planIds: readonly string[], record: string): void {
  if (planIds.length === 0) throw DomainError.ruleBroken(`Name at least one plan ${record} covers.`);
  requireWithinLimit(PLANS_PER_COUNCIL_RECORD, planIds.length, record);
  const repeated = planIds.filter((planId, index) => planIds.indexOf(planId) !== index);
  if (repeated.length > 0) {
    throw DomainError.ruleBroken(`Name each plan once: ${[...new Set(repeated)].map((id) => `'${id}'`).join(', ')} ${repeated.length === 1 ? 'is' : 'are'} named more than once.`);
  }
}

/**
 * One refusal for the whole record, naming each plan that cannot take it and why, so that the officer
 * can put every one right before asking again.
 */
export function refusalNamingEachPlan(refusals: readonly PlanRefusal[], nothingDone: string): DomainError {
  const each = refusals.map(({ planId, reason }) => `plan '${planId}': ${reason}`).join('; ');
  return DomainError.ruleBroken(`${nothingDone}, because ${refusals.length === 1 ? 'one plan cannot take it' : `${refusals.length} plans cannot take it`}: ${each}`);
}

/** The entries a completion must name: every plan of the record, each once. */
export function requireEveryPlanEntered(recorded: readonly string[], entries: readonly PlanEntry[]): void {
  const entered = entries.map((entry) => entry.planId);
  const same = entered.length === recorded.length && recorded.every((planId) => entered.includes(planId));
  if (!same) throw new Error(`A record is complete when each of its plans is entered: ${recorded.join(', ')}, not ${entered.join(', ')}.`);
}
