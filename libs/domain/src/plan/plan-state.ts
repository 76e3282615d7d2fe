import type { IndicatorFields } from './plan-events';
import type { Outcome, PlanPeriod, Target } from './plan-values';

/**
 * What the decider needs to know about a plan, folded from its events by `evolve`. The lifecycle
 * is the discriminant: draft → in-scrutiny → approved → in-monitoring (approved, with monitoring
 * data recorded) → closed; a structural change after approval reopens the plan to draft.
 */

export interface PriorityState {
  ref: string;
  title: string;
  themes: string[];
  objective: string | null;
  outcomes: Outcome[];
  /** Highest number ever used as an outcome ref, so a new unnumbered outcome never takes a removed one's. */
  highestOutcomeNumber: number;
}

export interface RecordedActual {
  value: number;
  commentary: string | null;
}

export interface IndicatorState extends IndicatorFields {
  code: string;
  targets: Target[];
  /** The latest figure for each period (canonical period → actual). */
  actuals: Record<string, RecordedActual>;
}

export interface PlanContent {
  planId: string;
  council: string;
  service: string;
  title: string;
  period: PlanPeriod;
  owner: string | null;
  /** Priorities in force, by ref. */
  priorities: Record<string, PriorityState>;
  /** Refs of withdrawn priorities: they may not be used again. */
  withdrawnPriorityRefs: string[];
  indicators: Record<string, IndicatorState>;
  /** Records of scrutiny, and the comments in them, so far: kept only to be limited. */
  scrutinyRecordCount: number;
  scrutinyCommentCount: number;
  /** Published version labels, oldest first. */
  versionLabels: string[];
  /** Whether a structural event came after the last published version (or, before any, at all). */
  changedSinceLastVersion: boolean;
}

export interface PlanNotYetDrafted {
  lifecycle: 'not-yet-drafted';
}
export type PlanInDraft = PlanContent & { lifecycle: 'draft' };
export type PlanInScrutiny = PlanContent & { lifecycle: 'in-scrutiny' };
export type ApprovedPlan = PlanContent & { lifecycle: 'approved' };
export type PlanInMonitoring = PlanContent & { lifecycle: 'in-monitoring' };
export type ClosedPlan = PlanContent & { lifecycle: 'closed' };

export type DraftedPlanState = PlanInDraft | PlanInScrutiny | ApprovedPlan | PlanInMonitoring | ClosedPlan;
export type PlanState = PlanNotYetDrafted | DraftedPlanState;
export type PlanLifecycle = PlanState['lifecycle'];

export const initialPlanState: PlanState = { lifecycle: 'not-yet-drafted' };

export function lastVersionLabel(plan: PlanContent): string | null {
  return plan.versionLabels.at(-1) ?? null;
}

/** An own entry of a record, so that refs such as "constructor" are never mistaken for one. */
export function entryOf<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
