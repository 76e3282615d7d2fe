import type { GovernanceEvent } from '@app/domain';
import type { EventTraitsTable } from '../section-traits';
import { counted, withReason } from '../summary-text';

const touchesNothing = () => null;

/**
 * Governance steps change no content: the version table counts none of them. Of the plan's returns
 * they change only whether it still owes them (closed or not) and, drafted, that there are any: a
 * closed plan takes no more events (`decide`), so the steps after drafting and before closing change none.
 */
export const GOVERNANCE_EVENT_TRAITS: EventTraitsTable<GovernanceEvent, never, never> = {
  PlanDrafted: {
    returns: 'every-period',
    summary: ({ data: { title, service, period } }) => `Plan drafted: ${title} (${service}, ${period.label})`,
    touches: touchesNothing,
  },
  PlanSubmittedForScrutiny: {
    returns: 'none',
    summary: ({ data: { committee, meetingDate, versionLabel } }) => {
      const version = versionLabel ? `Version ${versionLabel} submitted` : 'Plan submitted';
      return `${version} to ${committee}${meetingDate ? ` for ${meetingDate}` : ''}`;
    },
    touches: touchesNothing,
  },
  ScrutinyCommentsRecorded: {
    returns: 'none',
    summary: ({ data: { committee, meetingDate, minuteRef, comments } }) =>
      `${committee} comments of ${meetingDate} recorded (${counted(comments.length, 'comment', 'comments')})${minuteRef ? `: ${minuteRef}` : ''}`,
    touches: touchesNothing,
  },
  ProgressReviewed: {
    returns: 'none',
    summary: ({ data: { committee, meetingDate, minuteRef, comments } }) =>
      `Progress reviewed by ${committee} on ${meetingDate} (${counted(comments.length, 'comment', 'comments')})${minuteRef ? `: ${minuteRef}` : ''}`,
    touches: touchesNothing,
  },
  VersionPublished: {
    returns: 'none',
    summary: ({ data }) => `Version ${data.label} published: ${data.reason}`,
    touches: touchesNothing,
  },
  PlanApproved: {
    returns: 'none',
    summary: ({ data: { body, meetingDate, decisionRef } }) =>
      `Plan approved by ${body} on ${meetingDate}${decisionRef ? `: ${decisionRef}` : ''}`,
    touches: touchesNothing,
  },
  PlanReopenedForRevision: {
    returns: 'none',
    summary: ({ data }) => withReason('Plan reopened for revision', data.reason),
    touches: touchesNothing,
  },
  PlanClosed: {
    returns: 'every-period',
    summary: ({ data }) => withReason('Plan closed', data.reason),
    touches: touchesNothing,
  },
  PlanRolledForwardFrom: {
    returns: 'none',
    summary: ({ data: { fromPlanId, fromPeriod, fromVersionLabel } }) =>
      `Plan rolled forward from plan ${fromPlanId} (${fromPeriod}${fromVersionLabel === null ? '' : `, version ${fromVersionLabel}`}): its open priorities, indicators, risks, running contracts and budget lines carried over`,
    touches: touchesNothing,
  },
  PlanRolledForward: {
    returns: 'none',
    summary: ({ data: { toPlanId, toPeriod } }) => `Plan rolled forward to plan ${toPlanId} for ${toPeriod}`,
    touches: touchesNothing,
  },
};
