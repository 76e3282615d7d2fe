import type { PlanCommandOf } from '../plan-message';
import type { RiskScore } from './risk-values';

/** Scores are entered as likelihood and impact; the score and band are computed, never entered. */
export type AddRisk = PlanCommandOf<
  'AddRisk',
  {
    ref: string;
    title: string;
    owner?: string;
    inherent?: RiskScore;
    residual: RiskScore;
    controls?: string;
    reviewDate?: string;
  }
>;

/** Any of the fields; null clears an optional one. */
export type ReviseRisk = PlanCommandOf<
  'ReviseRisk',
  {
    ref: string;
    title?: string;
    owner?: string | null;
    inherent?: RiskScore | null;
    residual?: RiskScore;
    controls?: string | null;
    reviewDate?: string | null;
    reason: string;
  }
>;

export type RemoveRisk = PlanCommandOf<'RemoveRisk', { ref: string; reason: string }>;

export type ReviewRisk = PlanCommandOf<'ReviewRisk', { ref: string; period: string; residual: RiskScore; commentary?: string }>;

export type RiskCommand = AddRisk | ReviseRisk | RemoveRisk | ReviewRisk;
