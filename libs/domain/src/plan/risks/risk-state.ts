import type { RiskFields } from './risk-events';
import type { AssessedScore } from './risk-values';

export interface RiskReviewState {
  residual: AssessedScore;
  commentary: string | null;
}

export interface RiskState extends RiskFields {
  ref: string;
  /** The latest review of each period (canonical period → review). */
  reviews: Record<string, RiskReviewState>;
}

/** What the decider knows of a plan's risk register. */
export interface RisksSlice {
  risks: Record<string, RiskState>;
}

export const initialRisksSlice = (): RisksSlice => ({ risks: {} });
