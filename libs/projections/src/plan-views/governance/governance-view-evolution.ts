import type { GovernanceEvent } from '@app/domain';
import { actorName, recordedDate } from '../plan-event';
import type { ViewEvolvers } from '../section-traits';
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
      recordedAt: stored.recordedAt,
    };
    return { ...view, scrutiny: [...view.scrutiny, submission] };
  },
  ScrutinyCommentsRecorded: (view, { data: { committee, meetingDate, minuteRef, comments } }, stored) => {
    const record: ScrutinyView = {
      kind: 'comments',
      committee,
      meetingDate,
      minuteRef,
      comments: [...comments],
      versionLabel: view.version,
      recordedAt: stored.recordedAt,
    };
    return { ...view, scrutiny: [...view.scrutiny, record] };
  },
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
};
