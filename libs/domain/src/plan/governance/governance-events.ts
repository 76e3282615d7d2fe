import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { PlanPeriod } from '../plan-values';

export type PlanDrafted = PlanEventOf<
  'PlanDrafted',
  { council: string; service: string; title: string; period: PlanPeriod; owner: string | null }
>;

export type PlanSubmittedForScrutiny = PlanEventOf<
  'PlanSubmittedForScrutiny',
  { committee: string; meetingDate: string | null; versionLabel: string | null }
>;

/** `meetingId` names the council's record of the meeting when it considered several plans at once; null for one plan's own record. */
export type ScrutinyCommentsRecorded = PlanEventOf<
  'ScrutinyCommentsRecorded',
  { committee: string; meetingDate: string; minuteRef: string | null; comments: string[]; meetingId: string | null }
>;

/**
 * A committee (an O&S service panel, quarterly) reviewed the progress of an approved plan: a step of
 * its governance that neither reopens it nor changes what it says.
 */
export type ProgressReviewed = PlanEventOf<
  'ProgressReviewed',
  { committee: string; meetingDate: string; minuteRef: string | null; comments: string[]; meetingId: string }
>;

export type VersionPublished = PlanEventOf<
  'VersionPublished',
  {
    label: string;
    reason: string;
    /** The date the version carries in the plan (ISO date); the recording date unless given. */
    effectiveDate: string | null;
  }
>;

export type PlanApproved = PlanEventOf<
  'PlanApproved',
  { body: string; meetingDate: string; decisionRef: string | null; versionLabel: string | null }
>;

export type PlanReopenedForRevision = PlanEventOf<'PlanReopenedForRevision', { reason: string }>;

/**
 * The first event after drafting of a plan rolled forward from last year's: which plan it was drafted
 * from, that plan's period, and the revision and published version it stood at then, so that what was
 * carried can be read from the old plan's stream as it was.
 */
export type PlanRolledForwardFrom = PlanEventOf<
  'PlanRolledForwardFrom',
  { fromPlanId: string; fromPeriod: string; fromRevision: number; fromVersionLabel: string | null }
>;

/** On the old plan: next year's plan was drafted from it. It changes nothing the old plan says, nor its lifecycle. */
export type PlanRolledForward = PlanEventOf<'PlanRolledForward', { toPlanId: string; toPeriod: string }>;

export type PlanClosed = PlanEventOf<'PlanClosed', { reason: string }>;

/** The plan's lifecycle, from drafting to closing, and its published versions. */
export type GovernanceEvent =
  | PlanDrafted
  | PlanSubmittedForScrutiny
  | ScrutinyCommentsRecorded
  | ProgressReviewed
  | VersionPublished
  | PlanApproved
  | PlanReopenedForRevision
  | PlanClosed
  | PlanRolledForwardFrom
  | PlanRolledForward;

export const GOVERNANCE_EVENT_DEFINITIONS: EventDefinitions<GovernanceEvent> = {
  PlanDrafted: { schemaVersion: 1, role: 'governance' },
  PlanSubmittedForScrutiny: { schemaVersion: 1, role: 'governance' },
  // 2: names the meeting it was recorded from (null for a plan's own record, as every version 1 event was).
  ScrutinyCommentsRecorded: { schemaVersion: 2, role: 'governance' },
  ProgressReviewed: { schemaVersion: 1, role: 'governance' },
  VersionPublished: { schemaVersion: 1, role: 'governance' },
  PlanApproved: { schemaVersion: 1, role: 'governance' },
  PlanReopenedForRevision: { schemaVersion: 1, role: 'governance' },
  PlanClosed: { schemaVersion: 1, role: 'governance' },
  PlanRolledForwardFrom: { schemaVersion: 1, role: 'governance' },
  PlanRolledForward: { schemaVersion: 1, role: 'governance' },
};
