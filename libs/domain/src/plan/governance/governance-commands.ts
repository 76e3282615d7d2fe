import type { PlanCommandOf } from '../plan-message';

/** `council` comes from the caller's identity, not the body. */
export type DraftPlan = PlanCommandOf<
  'DraftPlan',
  {
    planId: string;
    council: string;
    title: string;
    service: string;
    /** "2023/24" or an explicit range of whole financial years. */
    period: string | { from: string; to: string };
    owner?: string;
  }
>;

export type SubmitForScrutiny = PlanCommandOf<'SubmitForScrutiny', { committee: string; meetingDate?: string }>;

export type RecordScrutiny = PlanCommandOf<
  'RecordScrutiny',
  { committee: string; meetingDate: string; minuteRef?: string; comments: string[] }
>;

/**
 * One plan's part in a meeting that considered several (`meetingId` names the council's record of it):
 * scrutiny of a plan not yet approved, a review of progress of an approved one.
 */
export type ConsiderAtMeeting = PlanCommandOf<
  'ConsiderAtMeeting',
  { meetingId: string; committee: string; meetingDate: string; minuteRef?: string; comments: string[] }
>;

export type PublishVersion = PlanCommandOf<'PublishVersion', { label?: string; reason: string; effectiveDate?: string }>;

export type ApprovePlan = PlanCommandOf<'ApprovePlan', { body: string; meetingDate: string; decisionRef?: string }>;

/** One plan's part in a decision approving several: the version approved is the latest published unless named. */
export type ApproveByDecision = PlanCommandOf<
  'ApproveByDecision',
  { body: string; meetingDate: string; decisionRef: string; versionLabel?: string }
>;

export type ReopenPlan = PlanCommandOf<'ReopenPlan', { reason: string }>;

export type ClosePlan = PlanCommandOf<'ClosePlan', { reason: string }>;

/** Every command but drafting, which makes the plan the others act on. */
export type GovernanceCommand =
  | SubmitForScrutiny
  | RecordScrutiny
  | ConsiderAtMeeting
  | PublishVersion
  | ApprovePlan
  | ApproveByDecision
  | ReopenPlan
  | ClosePlan;
