/** Values of a plan's performance indicators: how they are measured, and their targets. */

export const POLARITIES = ['higher-is-better', 'lower-is-better', 'on-target-is-best'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const BASES = ['cumulative-ytd', 'period-end-snapshot', 'period', 'annual'] as const;
export type Basis = (typeof BASES)[number];

export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** `date`: each figure is a day ("by September 2024"); `yes-no`: each figure is true or false ("Statement published"). */
export const UNITS = ['percent', 'number', 'count', 'currency', 'days', 'rate-per-100k', 'date', 'yes-no'] as const;
export type Unit = (typeof UNITS)[number];

/**
 * A figure in an indicator's unit: a number, an ISO date ("2024-09-30") for a `date` indicator, or
 * true or false for a `yes-no` one. Which it is follows from the unit the event carries beside it.
 */
export type Figure = number | string | boolean;

export type FigureKind = 'number' | 'date' | 'yes-no';

export function figureKindOf(unit: Unit): FigureKind {
  return unit === 'date' || unit === 'yes-no' ? unit : 'number';
}

export const DEFAULT_TOLERANCE_PERCENT = 5;

/**
 * How an actual is held to a target: `at-least` 80 includes 80, `less-than` 18 does not include 18,
 * `between` runs from `value` to `upper`, both included.
 */
export const TARGET_COMPARISONS = ['at-least', 'more-than', 'at-most', 'less-than', 'between', 'equal'] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

export interface Target {
  /** "2023/24" or "2023/24-Q1". */
  period: string;
  /** The figure the actual is held to; null for a target not yet set ("TBA", "New PI") or one relative to a baseline. */
  value: Figure | null;
  /** The top of a `between` range; null for every other comparison. */
  upper: Figure | null;
  /**
   * The period whose figure the target is relative to ("more than the 2023/24 baseline"): a baseline
   * recorded for it, or the plan's actual for it, as known when an actual is rated. Null otherwise.
   */
  baseline: string | null;
  /** Null exactly when there is neither a figure nor a baseline: words alone are never rated. */
  comparison: TargetComparison | null;
  /** The target as the plan words it ("no more than 40 per 100,000"), kept as written and never read for a figure. */
  text: string | null;
}

/** The target and tolerance that applied when an actual was recorded, so it is never recoloured later. */
export interface TargetInForce {
  target: Target | null;
  /** Which target applied: one set for the quarter, the year's, or none. */
  source: 'period' | 'year' | 'none';
  /** Percent of the target within which a miss is amber; null when the tolerance is absolute. */
  tolerancePercent: number | null;
  /** An amount in the indicator's unit (days, for a date) within which a miss is amber; null when it is a percent. */
  toleranceAbsolute: number | null;
  /**
   * The figure of the target's baseline as known when the actual was recorded; null when the target
   * is not relative to a baseline, or its baseline was not known then (the actual is not rated).
   */
  baselineFigure: number | null;
}

/** A figure for a period before the plan: an earlier year's actual or a baseline measurement. */
export interface Baseline {
  /** "2018/19", or a quarter or month of the indicator's frequency. */
  period: string;
  value: Figure;
  /** Where the figure comes from ("2018/19 outturn, Management Board report"), or null. */
  source: string | null;
  note: string | null;
}

/**
 * What a reader of a figure needs to know to trust it, as the data-quality standards ask of each
 * return: where it comes from (`source`: "Bartec collection log"), how it was worked out (`method`),
 * and what it does not say (`caveats`: "Two rounds estimated after a system outage"). Null when not given.
 */
export interface DataQualityNotes {
  source: string | null;
  method: string | null;
  caveats: string | null;
}

export const NO_DATA_QUALITY_NOTES: DataQualityNotes = { source: null, method: null, caveats: null };

/** What a second officer's check of a figure finds it: right, or wrong (it stands until restated). */
export const VERIFICATION_OUTCOMES = ['verified', 'rejected'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];
