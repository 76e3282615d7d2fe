import type { GovernanceEvent } from '@app/domain';
import type { EventTraitsTable } from '../section-traits';
import { counted, withReason } from '../summary-text';

const touchesNothing = () => null;

/** Governance steps change no content: the version table counts none of them. */
export const GOVERNANCE_EVENT_TRAITS: EventTraitsTable<GovernanceEvent, never, never> = {
  PlanDrafted: {
    summary: ({ data: { title, service, period } }) => `Plan drafted: ${title} (${service}, ${period.label})`,
    touches: touchesNothing,
  },
  PlanSubmittedForScrutiny: {
    summary: ({ data: { committee, meetingDate, versionLabel } }) => {
      const version = versionLabel ? `Version ${versionLabel} submitted` : 'Plan submitted';
      return `${version} to ${committee}${meetingDate ? ` for ${meetingDate}` : ''}`;
    },
    touches: touchesNothing,
  },
  ScrutinyCommentsRecorded: {
    summary: ({ data: { committee, meetingDate, minuteRef, comments } }) =>
      `${committee} comments of ${meetingDate} recorded (${counted(comments.length, 'comment', 'comments')})${minuteRef ? `: ${minuteRef}` : ''}`,
    touches: touchesNothing,
  },
  ProgressReviewed: {
    summary: ({ data: { committee, meetingDate, minuteRef, comments } }) =>
      `Progress reviewed by ${committee} on ${meetingDate} (${counted(comments.length, 'comment', 'comments')})${minuteRef ? `: ${minuteRef}` : ''}`,
    touches: touchesNothing,
  },
  VersionPublished: {
    summary: ({ data }) => `Version ${data.label} published: ${data.reason}`,
    touches: touchesNothing,
  },
  PlanApproved: {
    summary: ({ data: { body, meetingDate, decisionRef } }) =>
      `Plan approved by ${body} on ${meetingDate}${decisionRef ? `: ${decisionRef}` : ''}`,
    touches: touchesNothing,
  },
  PlanReopenedForRevision: {
    summary: ({ data }) => withReason('Plan reopened for revision', data.reason),
    touches: touchesNothing,
  },
  PlanClosed: {
    summary: ({ data }) => withReason('Plan closed', data.reason),
    touches: touchesNothing,
  },
  PlanRolledForwardFrom: {
    summary: ({ data: { fromPlanId, fromPeriod, fromVersionLabel } }) =>
      `Plan rolled forward from plan ${fromPlanId} (${fromPeriod}${fromVersionLabel === null ? '' : `, version ${fromVersionLabel}`}): its open priorities, indicators, risks, running contracts and budget lines carried over`,
    touches: touchesNothing,
  },
  PlanRolledForward: {
    summary: ({ data: { toPlanId, toPeriod } }) => `Plan rolled forward to plan ${toPlanId} for ${toPeriod}`,
    touches: touchesNothing,
  },
};
