import type { Outcome, Ownership, PriorityKind, ProgressStatus } from '@app/domain';

export type ProgressEntryView = {
  period: string;
  /** The outcome ref the entry is for, or null for the priority as a whole. */
  milestone: string | null;
  percentComplete: number;
  status: ProgressStatus;
  position: string | null;
  commentary: string | null;
  recordedAt: string;
  /** Stream revision of the entry, which orders entries recorded for the same period. */
  revision: number;
};

/** `owner` reports its progress and `approver` signs it off, by user id; null when nobody is named. */
export type PriorityView = Ownership & {
  ref: string;
  /** A service priority, a project or an action. */
  kind: PriorityKind;
  title: string;
  objective: string | null;
  /** The themes as the plan words them. */
  themes: string[];
  /** The themes of the council's corporate plan it was linked to, by id. */
  themeIds: string[];
  sponsor: string | null;
  manager: string | null;
  /** Each with its target date as worded and, where entered, its `due` period or date. */
  outcomes: Outcome[];
  /** The latest entry (of the latest period, the last recorded), for the priority or a milestone. */
  progress: ProgressEntryView | null;
  /** The latest entry per period and milestone, in period order. */
  progressHistory: ProgressEntryView[];
};

export type WithdrawnPriorityView = {
  ref: string;
  kind: PriorityKind;
  title: string;
  objective: string | null;
  reason: string;
  withdrawnAt: string;
};

/** The plan view's priorities. */
export type PrioritiesPart = {
  priorities: PriorityView[];
  withdrawnPriorities: WithdrawnPriorityView[];
};

export const emptyPrioritiesPart = (): PrioritiesPart => ({ priorities: [], withdrawnPriorities: [] });
