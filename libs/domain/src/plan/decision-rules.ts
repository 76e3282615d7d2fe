import { DomainError } from '../domain-error';
import { canonicalJson } from '../integrity/hash-chain';
import { normalisePeriod } from '../periods/financial-periods';
import { describePlanPeriod, isWithinPlanPeriod } from '../periods/plan-periods';
import type { CommandToDraftedPlan } from './plan-commands';
import type { PlanEvent } from './plan-events';
import type { DraftedPlanState } from './plan-state';
import type { CorporatePlansState } from '../corporate-plan/corporate-plan-values';
import type { RiskMatrix } from './risks/risk-values';

/**
 * What a decision may know of the world besides the plan, read once by the caller: the clock, the user
 * id of the person the command is decided for (`actor`: who recorded a figure, who checks it), and what
 * the council holds for all its plans, each given only to the commands decided with it
 * (`councilFactsNeededBy`) and null for the others, so that the caller reads the council's streams only
 * when a decision needs them: the risk matrix in force (Three Rivers' printed one when the council
 * never set its own), and the council's corporate plans, whose themes a plan's links name.
 */
export interface DecisionContext {
  now: Date;
  actor: string;
  riskMatrix: RiskMatrix | null;
  corporatePlans: CorporatePlansState | null;
}

/** The matrix a decision scores with; its absence is the caller's mistake, never the officer's. */
export function requireRiskMatrix(context: DecisionContext, doing: string): RiskMatrix {
  if (context.riskMatrix === null) throw new Error(`${doing} is decided with the council's risk matrix, and none was given.`);
  return context.riskMatrix;
}

/** A plan commands may change: drafted, and not closed. */
export type OpenPlan = Exclude<DraftedPlanState, { lifecycle: 'closed' }>;

/**
 * A section's decisions, one per command type it owns; the decider's table is the union of the
 * sections', so a command without a decision does not compile.
 */
export type CommandDeciders<C extends CommandToDraftedPlan> = {
  [K in C['type']]: (command: Extract<C, { type: K }>, plan: OpenPlan, context: DecisionContext) => PlanEvent[];
};

export function isApproved(plan: OpenPlan): boolean {
  return plan.lifecycle === 'approved' || plan.lifecycle === 'in-monitoring';
}

/** A structural change to an approved plan reopens it first, for the same reason. */
export function structuralChange(plan: OpenPlan, reason: string, changes: PlanEvent[]): PlanEvent[] {
  if (!isApproved(plan)) return changes;
  return [{ type: 'PlanReopenedForRevision', data: { planId: plan.planId, reason } }, ...changes];
}

export function requireReason(reason: string | undefined, doing: string): string {
  const trimmed = reason?.trim();
  if (!trimmed) throw DomainError.ruleBroken(`Give a reason for ${doing}.`);
  return trimmed;
}

/** The period monitoring data is about, in canonical form, refused unless the plan covers it. */
export function monitoredPeriod(plan: OpenPlan, written: string): string {
  const period = normalisePeriod(written);
  if (!isWithinPlanPeriod(period, plan.period)) {
    throw DomainError.ruleBroken(`${period} is outside this plan's period, ${describePlanPeriod(plan.period)}.`);
  }
  return period;
}

/** The fields of `requested` that differ from `current`, with their old values; undefined means not asked. */
export function changedFields<F extends object>(
  current: F,
  requested: { [K in keyof F]?: F[K] },
): { changes: Partial<F>; previous: Partial<F> } {
  const changes: Partial<F> = {};
  const previous: Partial<F> = {};
  for (const key of Object.keys(requested) as Array<keyof F>) {
    const value = requested[key];
    if (value === undefined || sameValue(value, current[key])) continue;
    changes[key] = value;
    previous[key] = current[key];
  }
  return { changes, previous };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
