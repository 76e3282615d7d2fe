import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { Outcome, ProgressStatus } from './priority-values';

export interface PriorityFields {
  title: string;
  themes: string[];
  objective: string | null;
}

export type PriorityAdded = PlanEventOf<'PriorityAdded', { ref: string } & PriorityFields & { outcomes: Outcome[] }>;

/** Title, themes or objective changed; `previous` holds the old values of exactly the fields in `changes`. */
export type PriorityRevised = PlanEventOf<
  'PriorityRevised',
  { ref: string; changes: Partial<PriorityFields>; previous: Partial<PriorityFields>; reason: string }
>;

export type PriorityWithdrawn = PlanEventOf<'PriorityWithdrawn', { ref: string; title: string; reason: string }>;

export type OutcomeAdded = PlanEventOf<'OutcomeAdded', { priorityRef: string; outcome: Outcome; reason: string }>;

export type OutcomeChanged = PlanEventOf<
  'OutcomeChanged',
  { priorityRef: string; outcomeRef: string; before: Outcome; after: Outcome; reason: string }
>;

export type OutcomeRemoved = PlanEventOf<'OutcomeRemoved', { priorityRef: string; outcome: Outcome; reason: string }>;

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

export type PriorityEvent =
  | PriorityAdded
  | PriorityRevised
  | PriorityWithdrawn
  | OutcomeAdded
  | OutcomeChanged
  | OutcomeRemoved
  | ProgressRecorded;

export const PRIORITY_EVENT_DEFINITIONS: EventDefinitions<PriorityEvent> = {
  PriorityAdded: { schemaVersion: 1, role: 'structure' },
  PriorityRevised: { schemaVersion: 1, role: 'structure' },
  PriorityWithdrawn: { schemaVersion: 1, role: 'structure' },
  OutcomeAdded: { schemaVersion: 1, role: 'structure' },
  OutcomeChanged: { schemaVersion: 1, role: 'structure' },
  OutcomeRemoved: { schemaVersion: 1, role: 'structure' },
  ProgressRecorded: { schemaVersion: 1, role: 'monitoring' },
};
