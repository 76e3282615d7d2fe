import type { EventDefinitions, PlanEventOf } from '../plan-message';
import type { AssessedScore } from './risk-values';

/**
 * A risk's content. Its scores carry the score and band they were given by the council's matrix in
 * force when recorded, so a later change of matrix never re-bands what a committee was shown.
 */
export interface RiskFields {
  title: string;
  owner: string | null;
  inherent: AssessedScore | null;
  residual: AssessedScore;
  controls: string | null;
  /** ISO date of the risk's next review, when the register gives one. */
  reviewDate: string | null;
}

export type RiskAdded = PlanEventOf<'RiskAdded', { ref: string } & RiskFields>;

/** `previous` holds the old values of exactly the fields in `changes`. */
export type RiskRevised = PlanEventOf<
  'RiskRevised',
  { ref: string; changes: Partial<RiskFields>; previous: Partial<RiskFields>; reason: string }
>;

export type RiskRemoved = PlanEventOf<'RiskRemoved', { ref: string; title: string; reason: string }>;

/** A review for a period that re-scores the risk's residual likelihood and impact. */
export type RiskReviewed = PlanEventOf<
  'RiskReviewed',
  { ref: string; period: string; residual: AssessedScore; commentary: string | null }
>;

export type RiskEvent = RiskAdded | RiskRevised | RiskRemoved | RiskReviewed;

export const RISK_EVENT_DEFINITIONS: EventDefinitions<RiskEvent> = {
  RiskAdded: { schemaVersion: 1, role: 'structure' },
  RiskRevised: { schemaVersion: 1, role: 'structure' },
  RiskRemoved: { schemaVersion: 1, role: 'structure' },
  RiskReviewed: { schemaVersion: 1, role: 'monitoring' },
};
