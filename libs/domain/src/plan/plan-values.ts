/** Value types shared by a plan's commands, events and views. Periods are canonical strings. */

export const POLARITIES = ['higher-is-better', 'lower-is-better', 'on-target-is-best'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const BASES = ['cumulative-ytd', 'period-end-snapshot', 'period', 'annual'] as const;
export type Basis = (typeof BASES)[number];

export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const UNITS = ['percent', 'number', 'count', 'currency', 'days', 'rate-per-100k'] as const;
export type Unit = (typeof UNITS)[number];

export const PROGRESS_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'slipped', 'completed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** The contract's plan status; a plan reopened for revision is `draft` again. */
export const PLAN_STATUSES = ['draft', 'in-scrutiny', 'approved', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const DEFAULT_TOLERANCE_PERCENT = 5;

/**
 * The period a plan covers: one financial year ("2023/24", 1 April to 31 March) or several
 * ("2020-2023", from 1 April 2020 to 31 March 2023).
 */
export interface PlanPeriod {
  kind: 'financial-year' | 'multi-year';
  label: string;
  /** ISO date, inclusive. */
  from: string;
  /** ISO date, inclusive. */
  to: string;
}

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

/** How a stated target compares: "no more than 40" is at-most, "98%" with higher-is-better at-least. */
export type TargetComparison = 'at-least' | 'at-most' | 'exactly';

export interface Target {
  /** "2023/24" or "2023/24-Q1". */
  period: string;
  value: number | null;
  /** The target as the plan words it ("no more than 40 per 100,000"), or null. */
  text: string | null;
  comparison: TargetComparison;
}

/** The target and tolerance that applied when an actual was recorded, so it is never recoloured later. */
export interface TargetInForce {
  target: Target | null;
  /** Which target applied: one set for the quarter, the year's, or none. */
  source: 'period' | 'year' | 'none';
  tolerancePercent: number;
}
