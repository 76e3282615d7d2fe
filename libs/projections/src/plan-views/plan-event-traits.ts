import type { PlanEvent } from '@app/domain';
import type { ProjectedEvent } from '../projector/projection';
import { BUDGET_CHANGE_KINDS, BUDGET_EVENT_TRAITS } from './budget/budget-traits';
import { CONTRACT_CHANGE_KINDS, CONTRACT_EVENT_TRAITS } from './contracts/contract-traits';
import { GOVERNANCE_EVENT_TRAITS } from './governance/governance-traits';
import { INDICATOR_CHANGE_KINDS, INDICATOR_EVENT_TRAITS } from './indicators/indicator-traits';
import { NARRATIVE_CHANGE_KINDS, NARRATIVE_EVENT_TRAITS } from './narrative/narrative-traits';
import { planEventOf } from './plan-event';
import { PRIORITY_CHANGE_KINDS, PRIORITY_EVENT_TRAITS } from './priorities/priority-traits';
import { RISK_CHANGE_KINDS, RISK_EVENT_TRAITS } from './risks/risk-traits';
import type { ChangeItemOf, EventTraits, EventTraitsTable, ReturnsTouched, TouchedItem } from './section-traits';
import { WORKFORCE_CHANGE_KINDS, WORKFORCE_EVENT_TRAITS } from './workforce/workforce-traits';

/**
 * The traits of every plan event type (its summary, the item it touches, the change it counts as),
 * gathered from the sections. Typed over the whole event union, so a section that leaves a type out,
 * or a new section left out here, does not compile.
 */

/** The kinds of structural change a version row counts, in the order its summary names them. */
export const CHANGE_KINDS = [
  ...PRIORITY_CHANGE_KINDS,
  ...INDICATOR_CHANGE_KINDS,
  ...BUDGET_CHANGE_KINDS,
  ...RISK_CHANGE_KINDS,
  ...CONTRACT_CHANGE_KINDS,
  ...WORKFORCE_CHANGE_KINDS,
  ...NARRATIVE_CHANGE_KINDS,
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number][0];

export type ChangeItem = ChangeItemOf<ChangeKind>;

/** The kinds of item a history entry can be about, each found by the `ref` filter. */
export type RefKind = 'priority' | 'indicator' | 'budgetLine' | 'risk' | 'contract' | 'keyPost' | 'skill' | 'section' | 'contribution';

export type TouchedRef = TouchedItem<RefKind>;

const PLAN_EVENT_TRAITS: EventTraitsTable<PlanEvent, ChangeKind, RefKind> = {
  ...GOVERNANCE_EVENT_TRAITS,
  ...PRIORITY_EVENT_TRAITS,
  ...INDICATOR_EVENT_TRAITS,
  ...BUDGET_EVENT_TRAITS,
  ...RISK_EVENT_TRAITS,
  ...CONTRACT_EVENT_TRAITS,
  ...WORKFORCE_EVENT_TRAITS,
  ...NARRATIVE_EVENT_TRAITS,
};

// The table pairs each type with its traits; TypeScript cannot follow that pairing through an index.
const traitsOf = (event: PlanEvent) => PLAN_EVENT_TRAITS[event.type] as EventTraits<PlanEvent, ChangeKind, RefKind>;

/** Whether events of this type declare a change item: the version table's test of a structural type. */
export const declaresChange = (type: PlanEvent['type']): boolean => PLAN_EVENT_TRAITS[type].change !== undefined;

/** Which of the plan's returns events of this type can change. */
export const returnsTouchedBy = (type: PlanEvent['type']): ReturnsTouched => PLAN_EVENT_TRAITS[type].returns;

export const summarisePlanEvent = (event: PlanEvent): string => traitsOf(event).summary(event);

/** The line of any event of a plan stream: one of a type this code does not know reads as its type. */
export function summaryOf(event: ProjectedEvent): string {
  const planEvent = planEventOf(event);
  return planEvent ? summarisePlanEvent(planEvent) : event.type;
}

/** The structural change an event makes, or null for monitoring data and governance steps. */
export const changeItemOf = (event: PlanEvent): ChangeItem | null => traitsOf(event).change?.(event) ?? null;

/** The section item an event is about, if any. */
export const touchedBy = (event: PlanEvent): TouchedRef | null => traitsOf(event).touches(event);
