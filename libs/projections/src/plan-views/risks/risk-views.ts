import type { AssessedScore } from '@app/domain';

export type RiskReviewView = {
  period: string;
  /** Scored and banded when recorded, with the council's matrix then in force: never re-banded. */
  residual: AssessedScore;
  commentary: string | null;
  recordedAt: string;
};

export type RiskView = {
  ref: string;
  title: string;
  owner: string | null;
  inherent: AssessedScore | null;
  residual: AssessedScore;
  controls: string | null;
  reviewDate: string | null;
  /** The latest review of each period, in period order. */
  reviews: RiskReviewView[];
};

/** The plan view's risk register, by ref. */
export type RisksPart = { risks: RiskView[] };

export const emptyRisksPart = (): RisksPart => ({ risks: [] });
