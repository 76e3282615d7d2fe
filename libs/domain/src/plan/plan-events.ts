import type { BudgetEvent } from './budget/budget-events';
import { BUDGET_EVENT_DEFINITIONS } from './budget/budget-events';
import type { GovernanceEvent } from './governance/governance-events';
import { GOVERNANCE_EVENT_DEFINITIONS } from './governance/governance-events';
import type { IndicatorEvent } from './indicators/indicator-events';
import { INDICATOR_EVENT_DEFINITIONS } from './indicators/indicator-events';
import type { ContractEvent } from './contracts/contract-events';
import { CONTRACT_EVENT_DEFINITIONS } from './contracts/contract-events';
import type { EventDefinitions, EventRole } from './plan-message';
import type { NarrativeEvent } from './narrative/narrative-events';
import { NARRATIVE_EVENT_DEFINITIONS } from './narrative/narrative-events';
import type { PriorityEvent } from './priorities/priority-events';
import { PRIORITY_EVENT_DEFINITIONS } from './priorities/priority-events';
import type { RiskEvent } from './risks/risk-events';
import { RISK_EVENT_DEFINITIONS } from './risks/risk-events';
import type { WorkforceEvent } from './workforce/workforce-events';
import { WORKFORCE_EVENT_DEFINITIONS } from './workforce/workforce-events';

export type * from './budget/budget-events';
export type * from './governance/governance-events';
export type * from './indicators/indicator-events';
export type * from './priorities/priority-events';
export type * from './risks/risk-events';
export type * from './contracts/contract-events';
export type * from './workforce/workforce-events';
export type * from './narrative/narrative-events';

/**
 * Every change to a service plan is one of these events on the stream `servicePlan-<council>/<planId>`.
 * Each carries enough to be read alone by an auditor: the before and after of a change, its reason,
 * for targets and actuals the indicator's unit and polarity when it was decided, and for actuals the
 * target that applied when it was recorded. Who, when and the request ids are in the event's
 * metadata, not here.
 *
 * Schema versions: `PLAN_EVENT_SCHEMA_VERSIONS` gives the current version of each type; older stored
 * versions are brought up to date by `upcastPlanEvent` before anyone reads them.
 */

export const PLAN_STREAM_PREFIX = 'servicePlan-';

/**
 * A plan's name in the stores: its council and the id the council chose, so plan ids are unique
 * within a council only, and a plan of another council is not found under the caller's council at
 * all. The council is URI-encoded, so the first '/' always ends it.
 */
export type PlanKey = string & { readonly planKey: unique symbol };

export const planKey = (council: string, planId: string): PlanKey => `${encodeURIComponent(council)}/${planId}` as PlanKey;

export const planStreamId = (key: PlanKey): string => `${PLAN_STREAM_PREFIX}${key}`;

/** The key of the plan a stream of `servicePlan-` holds. */
export const planKeyOfStream = (streamId: string): PlanKey => streamId.slice(PLAN_STREAM_PREFIX.length) as PlanKey;

/** Every event a plan's stream may hold: the union of its sections' events. */
export type PlanEvent =
  | GovernanceEvent
  | PriorityEvent
  | IndicatorEvent
  | BudgetEvent
  | RiskEvent
  | ContractEvent
  | WorkforceEvent
  | NarrativeEvent;

export type PlanEventType = PlanEvent['type'];

/**
 * What every event type declares, gathered from the sections: a section's table must name each of
 * its types, and this one each section, so a new type cannot be left out.
 */
export const PLAN_EVENT_DEFINITIONS: EventDefinitions<PlanEvent> = {
  ...GOVERNANCE_EVENT_DEFINITIONS,
  ...PRIORITY_EVENT_DEFINITIONS,
  ...INDICATOR_EVENT_DEFINITIONS,
  ...BUDGET_EVENT_DEFINITIONS,
  ...RISK_EVENT_DEFINITIONS,
  ...CONTRACT_EVENT_DEFINITIONS,
  ...WORKFORCE_EVENT_DEFINITIONS,
  ...NARRATIVE_EVENT_DEFINITIONS,
};

/** Current schema version of each event type. */
export const PLAN_EVENT_SCHEMA_VERSIONS = Object.fromEntries(
  Object.entries(PLAN_EVENT_DEFINITIONS).map(([type, definition]) => [type, definition.schemaVersion]),
) as Record<PlanEventType, number>;

/** Every type of event a plan's stream may hold. */
export const PLAN_EVENT_TYPES = Object.keys(PLAN_EVENT_DEFINITIONS) as PlanEventType[];

export const roleOfEvent = (type: PlanEventType): EventRole => PLAN_EVENT_DEFINITIONS[type].role;

/** Events that change the plan's content, as opposed to monitoring data or governance steps. */
export const STRUCTURAL_EVENT_TYPES: ReadonlySet<PlanEventType> = new Set(
  PLAN_EVENT_TYPES.filter((type) => roleOfEvent(type) === 'structure'),
);
