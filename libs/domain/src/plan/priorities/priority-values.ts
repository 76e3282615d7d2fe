/** Values of a plan's priorities, projects and actions: their outcomes, dates as worded, and progress. */

/**
 * What an item of the plan's delivery table is: a service priority, a project (with a sponsor and a
 * manager, and milestones due in quarters) or an action. All three share one collection and one
 * set of rules; the kind decides how the plan and its history name them.
 */
export const PRIORITY_KINDS = ['priority', 'project', 'action'] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];

export const PROGRESS_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'slipped', 'completed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** A date as the plan states it ("Oct 2023", "Ongoing", "Q2"), with the date it means where it means one. */
export interface TargetDate {
  text: string;
  /** ISO date (the last day the text allows), or null for vague texts such as "Ongoing". */
  date: string | null;
}

/** When a milestone falls due, as entered: a period ("2020/21-Q1", due on its last day) or a date. */
export interface Due {
  /** The period as entered, in canonical form; null when a date was entered. */
  period: string | null;
  /** ISO date: the entered date, or the period's last day. */
  date: string;
}

export interface Outcome {
  /** Unique within the priority; given ("1a") or assigned in order ("1", "2", ...). */
  ref: string;
  description: string;
  /** The words the plan prints for when it is due. */
  targetDate: TargetDate | null;
  /** When it falls due, entered as a period or date; null when only the words say it. */
  due: Due | null;
}

/**
 * The day a milestone falls due: its entered `due`, else the date its words name ("2020/21 Quarter
 * 1" → 30 June 2020), else none ("Ongoing"), and then it is never overdue.
 */
export function dueDateOf(outcome: Outcome): string | null {
  return outcome.due?.date ?? outcome.targetDate?.date ?? null;
}
