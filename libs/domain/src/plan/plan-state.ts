import type { BudgetSlice } from './budget/budget-state';
import type { ContractsSlice } from './contracts/contract-state';
import type { GovernanceSlice } from './governance/governance-state';
import type { IndicatorsSlice } from './indicators/indicator-state';
import type { NarrativeSlice } from './narrative/narrative-state';
import type { PlanPeriod } from './plan-values';
import type { PrioritiesSlice } from './priorities/priority-state';
import type { RisksSlice } from './risks/risk-state';
import type { WorkforceSlice } from './workforce/workforce-state';

export type * from './budget/budget-state';
export type * from './governance/governance-state';
export type * from './indicators/indicator-state';
export type * from './priorities/priority-state';
export type * from './risks/risk-state';
export type * from './contracts/contract-state';
export type * from './workforce/workforce-state';
export type * from './narrative/narrative-state';

/**
 * What the decider needs to know about a plan, folded from its events by `evolve`: the plan's
 * header and one slice per section. The lifecycle is the discriminant: draft → in-scrutiny →
 * approved → in-monitoring (approved, with monitoring data recorded) → closed; a structural change
 * after approval reopens the plan to draft.
 */

export interface PlanHeader {
  planId: string;
  council: string;
  service: string;
  title: string;
  period: PlanPeriod;
  owner: string | null;
}

export type PlanContent = PlanHeader &
  GovernanceSlice &
  PrioritiesSlice &
  IndicatorsSlice &
  BudgetSlice &
  RisksSlice &
  ContractsSlice &
  WorkforceSlice &
  NarrativeSlice;

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
