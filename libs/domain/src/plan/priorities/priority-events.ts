import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { Ownership } from '../ownership';
import type { Outcome, PriorityKind, ProgressStatus } from './priority-values';

export interface PriorityFields {
  title: string;
  themes: string[];
  /** Themes of the council's corporate plan in force when linked, by their id there. */
  themeIds: string[];
  objective: string | null;
  kind: PriorityKind;
  /** Who sponsors a project (or any item the plan gives a sponsor). */
  sponsor: string | null;
  manager: string | null;
}

export type PriorityAdded = PlanEventOf<'PriorityAdded', { ref: string } & PriorityFields & { outcomes: Outcome[] }>;

/**
 * Fields changed; `previous` holds the old values of exactly the fields in `changes`. `kind` is the
 * item's kind after the revision, and the outcome events' `priorityKind` the kind of their item, so
 * that history and the version table name a project as a project from the event alone.
 */
export type PriorityRevised = PlanEventOf<
  'PriorityRevised',
  { ref: string; kind: PriorityKind; changes: Partial<PriorityFields>; previous: Partial<PriorityFields>; reason: string }
>;

export type PriorityWithdrawn = PlanEventOf<
  'PriorityWithdrawn',
  { ref: string; kind: PriorityKind; title: string; reason: string }
>;

export type OutcomeAdded = PlanEventOf<
  'OutcomeAdded',
  { priorityRef: string; priorityKind: PriorityKind; outcome: Outcome; reason: string }
>;

export type OutcomeChanged = PlanEventOf<
  'OutcomeChanged',
  { priorityRef: string; priorityKind: PriorityKind; outcomeRef: string; before: Outcome; after: Outcome; reason: string }
>;

export type OutcomeRemoved = PlanEventOf<
  'OutcomeRemoved',
  { priorityRef: string; priorityKind: PriorityKind; outcome: Outcome; reason: string }
>;

export type ProgressRecorded = PlanEventOf<
  'ProgressRecorded',
  {
    priorityRef: string;
    /** An outcome ref of the priority, or null for the priority as a whole. */
    milestone: string | null;
    period: string;
    percentComplete: number;
    status: ProgressStatus;
    position: string | null;
    commentary: string | null;
  }
>;

/**
 * Who reports the item's progress (`owner`) and who signs it off (`approver`), by user id, replacing
 * `previous`; an event of its own, as an indicator's is, so items added before read with nobody named.
 */
export type PriorityOwnershipAssigned = PlanEventOf<
  'PriorityOwnershipAssigned',
  { ref: string; kind: PriorityKind } & Ownership & { previous: Ownership; reason: string | null }
>;

export type PriorityEvent =
  | PriorityAdded
  | PriorityRevised
  | PriorityWithdrawn
  | OutcomeAdded
  | OutcomeChanged
  | OutcomeRemoved
  | ProgressRecorded
  | PriorityOwnershipAssigned;

/**
 * Version 2 of the structural events: kinds, sponsor and manager, and outcomes' `due`; PriorityAdded's
 * version 3 links themes by id (see upcasting.ts).
 */
export const PRIORITY_EVENT_DEFINITIONS: EventDefinitions<PriorityEvent> = {
  PriorityAdded: { schemaVersion: 3, role: 'structure' },
  PriorityRevised: { schemaVersion: 2, role: 'structure' },
  PriorityWithdrawn: { schemaVersion: 2, role: 'structure' },
  OutcomeAdded: { schemaVersion: 2, role: 'structure' },
  OutcomeChanged: { schemaVersion: 2, role: 'structure' },
  OutcomeRemoved: { schemaVersion: 2, role: 'structure' },
  ProgressRecorded: { schemaVersion: 1, role: 'monitoring' },
  PriorityOwnershipAssigned: { schemaVersion: 1, role: 'structure' },
};
