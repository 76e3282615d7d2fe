/** Values of a plan's priorities, projects and actions: their outcomes, dates as worded, and progress. */

export const PROGRESS_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'slipped', 'completed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** A date as the plan states it ("Oct 2023", "Ongoing", "Q2"), with the date it means where it means one. */
export interface TargetDate {
  text: string;
  /** ISO date (the last day the text allows), or null for vague texts such as "Ongoing". */
  date: string | null;
}

export interface Outcome {
  /** Unique within the priority; given ("1a") or assigned in order ("1", "2", ...). */
  ref: string;
  description: string;
  targetDate: TargetDate | null;
}
