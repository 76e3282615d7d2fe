/** Values of a plan's performance indicators: how they are measured, and their targets. */

export const POLARITIES = ['higher-is-better', 'lower-is-better', 'on-target-is-best'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const BASES = ['cumulative-ytd', 'period-end-snapshot', 'period', 'annual'] as const;
export type Basis = (typeof BASES)[number];

export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const UNITS = ['percent', 'number', 'count', 'currency', 'days', 'rate-per-100k'] as const;
export type Unit = (typeof UNITS)[number];

export const DEFAULT_TOLERANCE_PERCENT = 5;

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

/** A figure for a period before the plan: an earlier year's actual or a baseline measurement. */
export interface Baseline {
  /** "2018/19", or a quarter or month of the indicator's frequency. */
  period: string;
  value: number;
  /** Where the figure comes from ("2018/19 outturn, Management Board report"), or null. */
  source: string | null;
  note: string | null;
}
