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

export type ScrutinyCommentsRecorded = PlanEventOf<
  'ScrutinyCommentsRecorded',
  { committee: string; meetingDate: string; minuteRef: string | null; comments: string[] }
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

export type PlanClosed = PlanEventOf<'PlanClosed', { reason: string }>;

/** The plan's lifecycle, from drafting to closing, and its published versions. */
export type GovernanceEvent =
  | PlanDrafted
  | PlanSubmittedForScrutiny
  | ScrutinyCommentsRecorded
  | VersionPublished
  | PlanApproved
  | PlanReopenedForRevision
  | PlanClosed;

export const GOVERNANCE_EVENT_DEFINITIONS: EventDefinitions<GovernanceEvent> = {
  PlanDrafted: { schemaVersion: 1, role: 'governance' },
  PlanSubmittedForScrutiny: { schemaVersion: 1, role: 'governance' },
  ScrutinyCommentsRecorded: { schemaVersion: 1, role: 'governance' },
  VersionPublished: { schemaVersion: 1, role: 'governance' },
  PlanApproved: { schemaVersion: 1, role: 'governance' },
  PlanReopenedForRevision: { schemaVersion: 1, role: 'governance' },
  PlanClosed: { schemaVersion: 1, role: 'governance' },
};
