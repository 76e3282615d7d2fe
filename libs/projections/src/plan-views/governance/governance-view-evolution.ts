import type { GovernanceEvent } from '@app/domain';
import { actorName, recordedDate } from '../plan-event';
import type { ViewEvolvers } from '../section-traits';
import type { ProjectedEvent } from '../../projector/projection';
import type { PlanView } from '../plan-view-shape';
import type { ScrutinyView, VersionView } from './governance-views';

/** PlanDrafted makes the view rather than changing one: the plan view's fold starts from it. */
export const GOVERNANCE_VIEW_EVOLVERS: ViewEvolvers<Exclude<GovernanceEvent, { type: 'PlanDrafted' }>> = {
  PlanSubmittedForScrutiny: (view, { data: { committee, meetingDate, versionLabel } }, stored) => {
    const submission: ScrutinyView = {
      kind: 'submitted',
      committee,
      meetingDate,
      minuteRef: null,
      comments: [],
      versionLabel,
      meetingId: null,
      recordedAt: stored.recordedAt,
    };
    return { ...view, scrutiny: [...view.scrutiny, submission] };
  },
  ScrutinyCommentsRecorded: (view, { data }, stored) => withScrutiny(view, 'comments', data, stored),
  ProgressReviewed: (view, { data }, stored) => withScrutiny(view, 'review', data, stored),
  VersionPublished: (view, { data: { label, reason, effectiveDate } }, stored) => {
    const version: VersionView = {
      label,
      date: effectiveDate ?? recordedDate(stored),
      reason,
      madeBy: actorName(stored),
      revision: stored.revision,
      recordedAt: stored.recordedAt,
    };
    return { ...view, version: label, versions: [...view.versions, version] };
  },
  PlanApproved: (view, { data: { body, meetingDate, decisionRef, versionLabel } }, stored) => ({
    ...view,
    approval: { body, meetingDate, decisionRef, versionLabel, recordedAt: stored.recordedAt },
  }),
  PlanReopenedForRevision: (view) => view,
  PlanClosed: (view) => view,
  PlanRolledForwardFrom: (view, { data }) => ({ ...view, rolledForwardFrom: { planId: data.fromPlanId, period: data.fromPeriod } }),
  PlanRolledForward: (view, { data }) => ({ ...view, rolledForwardTo: { planId: data.toPlanId, period: data.toPeriod } }),
};

function withScrutiny(
  view: PlanView,
  kind: ScrutinyView['kind'],
  { committee, meetingDate, minuteRef, comments, meetingId }: Extract<GovernanceEvent, { type: 'ProgressReviewed' | 'ScrutinyCommentsRecorded' }>['data'],
  stored: ProjectedEvent,
): PlanView {
  const record: ScrutinyView = {
    kind,
    committee,
    meetingDate,
    minuteRef,
    comments: [...comments],
    versionLabel: view.version,
    meetingId,
    recordedAt: stored.recordedAt,
  };
  return { ...view, scrutiny: [...view.scrutiny, record] };
}
