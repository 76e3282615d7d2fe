import type { Ownership } from '../ownership';
import type { IndicatorFields } from './indicator-events';
import type { Baseline, DataQualityNotes, Figure, Target } from './indicator-values';

export type VerificationState = 'unverified' | 'verified' | 'rejected';

export interface RecordedActual extends DataQualityNotes {
  value: Figure;
  commentary: string | null;
  recordedBy: string | null;
  /** The second officer's check of this very figure: a restatement is unverified again. */
  verification: VerificationState;
}

export interface IndicatorState extends IndicatorFields, Ownership {
  code: string;
  targets: Target[];
  /** The latest figure for each period (canonical period → actual). */
  actuals: Record<string, RecordedActual>;
  /** Figures from before the plan, by canonical period. */
  baselines: Record<string, Baseline>;
  /** Refs of the priorities, projects and actions it measures. */
  priorityRefs: string[];
}

/** What the decider knows of a plan's indicators. */
export interface IndicatorsSlice {
  indicators: Record<string, IndicatorState>;
}

export const initialIndicatorsSlice = (): IndicatorsSlice => ({ indicators: {} });
