import { roleOfEvent, type PlanEvent, type PlanEventType } from '@app/domain';
import type { ProjectedEvent } from '../projector/projection';
import { emptyBudgetPart } from './budget/budget-views';
import { BUDGET_VIEW_EVOLVERS } from './budget/budget-view-evolution';
import { emptyContractsPart } from './contracts/contract-views';
import { CONTRACT_VIEW_EVOLVERS } from './contracts/contract-view-evolution';
import { emptyIndicatorsPart } from './indicators/indicator-views';
import { GOVERNANCE_VIEW_EVOLVERS } from './governance/governance-view-evolution';
import { INDICATOR_VIEW_EVOLVERS } from './indicators/indicator-view-evolution';
import { emptyNarrativePart } from './narrative/narrative-views';
import { NARRATIVE_VIEW_EVOLVERS } from './narrative/narrative-view-evolution';
import { planEventOf } from './plan-event';
import type { Lifecycle, PlanView } from './plan-view-shape';
import { emptyPrioritiesPart } from './priorities/priority-views';
import { PRIORITY_VIEW_EVOLVERS } from './priorities/priority-view-evolution';
import { emptyRisksPart } from './risks/risk-views';
import { RISK_VIEW_EVOLVERS } from './risks/risk-view-evolution';
import type { ViewEvolvers } from './section-traits';
import { emptyWorkforcePart } from './workforce/workforce-views';
import { WORKFORCE_VIEW_EVOLVERS } from './workforce/workforce-view-evolution';

export * from './plan-view-shape';
export { latestProgress } from './priorities/priority-view-evolution';
export { latestReview } from './risks/risk-view-evolution';

/**
 * The current plan as the contract's Plan shape, folded from the plan's events alone. The same fold
 * serves the live projection and time travel (`asOf`, `version`), so it reads nothing but the events:
 * no clock, arrays in a stable order, objects built with their keys in one order.
 */

type EventOfDraftedPlan = Exclude<PlanEvent, { type: 'PlanDrafted' }>;

/** Every event's part in the view, from the section that owns it. */
const VIEW_EVOLVERS: ViewEvolvers<EventOfDraftedPlan> = {
  ...GOVERNANCE_VIEW_EVOLVERS,
  ...PRIORITY_VIEW_EVOLVERS,
  ...INDICATOR_VIEW_EVOLVERS,
  ...BUDGET_VIEW_EVOLVERS,
  ...RISK_VIEW_EVOLVERS,
  ...CONTRACT_VIEW_EVOLVERS,
  ...WORKFORCE_VIEW_EVOLVERS,
  ...NARRATIVE_VIEW_EVOLVERS,
};

type AnyViewEvolution = (view: PlanView, event: EventOfDraftedPlan, stored: ProjectedEvent) => PlanView;

/** The plan's status and stage after an event of this type. */
export function advanceLifecycle(current: Lifecycle, type: PlanEventType): Lifecycle {
  switch (type) {
    case 'PlanDrafted':
      return { status: 'draft', stage: 'draft' };
    case 'PlanSubmittedForScrutiny':
      return { status: 'in-scrutiny', stage: 'in-scrutiny' };
    case 'ScrutinyCommentsRecorded':
      return { status: 'in-scrutiny', stage: 'scrutiny-comments-recorded' };
    case 'PlanApproved':
      return { status: 'approved', stage: 'approved' };
    case 'PlanReopenedForRevision':
      return { status: 'draft', stage: 'reopened-for-revision' };
    case 'PlanClosed':
      return { status: 'closed', stage: 'closed' };
  }
  const role = roleOfEvent(type);
  const revisesAfterComments =
    current.stage === 'scrutiny-comments-recorded' && (role === 'structure' || type === 'VersionPublished');
  if (revisesAfterComments) return { status: current.status, stage: 'revised' };
  if (current.stage === 'approved' && role === 'monitoring') return { status: current.status, stage: 'in-monitoring' };
  return current;
}

/**
 * The view after one more event of the plan's stream. A stream that does not start with
 * PlanDrafted has no view (null); an unknown event type only moves the revision.
 */
export function evolvePlanView(view: PlanView | null, event: ProjectedEvent): PlanView | null {
  const planEvent = planEventOf(event);
  if (view === null) {
    return planEvent?.type === 'PlanDrafted' ? drafted(planEvent, event) : null;
  }
  const stamped: PlanView = { ...view, revision: event.revision, lastRecordedAt: event.recordedAt };
  if (planEvent === null) return stamped;
  const lifecycle = advanceLifecycle({ status: view.status, stage: view.stage }, planEvent.type);
  if (planEvent.type === 'PlanDrafted') return { ...stamped, ...lifecycle };
  // The table pairs each type with its fold; TypeScript cannot follow that pairing through an index.
  const evolution = VIEW_EVOLVERS[planEvent.type] as AnyViewEvolution;
  return evolution({ ...stamped, ...lifecycle }, planEvent, event);
}

/** Folds events in order, from a snapshot when there is one. */
export function foldPlanView(events: ProjectedEvent[], start: PlanView | null = null): PlanView | null {
  return events.reduce<PlanView | null>(evolvePlanView, start);
}

function drafted(planEvent: Extract<PlanEvent, { type: 'PlanDrafted' }>, event: ProjectedEvent): PlanView {
  const { data } = planEvent;
  return {
    planId: data.planId,
    council: data.council,
    title: data.title,
    service: data.service,
    owner: data.owner,
    period: data.period.label,
    periodRange: { kind: data.period.kind, from: data.period.from, to: data.period.to },
    status: 'draft',
    stage: 'draft',
    version: null,
    revision: event.revision,
    lastRecordedAt: event.recordedAt,
    ...emptyPrioritiesPart(),
    ...emptyIndicatorsPart(),
    ...emptyBudgetPart(),
    ...emptyRisksPart(),
    ...emptyContractsPart(),
    ...emptyWorkforcePart(),
    ...emptyNarrativePart(),
    versions: [],
    scrutiny: [],
    approval: null,
    rolledForwardFrom: null,
    rolledForwardTo: null,
  };
}
