/** Values of a plan's risk register: scores on the council's 4 × 4 scale and the bands its matrix gives them. */

/** Likelihood and impact are each scored 1 (remote, marginal) to 4 (very likely, catastrophic). */
export const RISK_SCALE = [1, 2, 3, 4] as const;
export type RiskScale = (typeof RISK_SCALE)[number];

/** In rising order: a matrix may not give a lower band to a higher likelihood or impact. */
export const RISK_BANDS = ['low', 'medium', 'high', 'very-high'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** A risk as scored: likelihood and impact, as an officer enters them. */
export interface RiskScore {
  likelihood: number;
  impact: number;
}

/** A score with what follows from it, computed when recorded: likelihood × impact, and its band in the matrix then in force. */
export interface AssessedScore {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
}

export interface RiskMatrixCell {
  likelihood: number;
  impact: number;
  band: RiskBand;
}

/** A council's risk matrix: the band of each of the 16 cells, ordered by likelihood, then impact. */
export interface RiskMatrix {
  cells: RiskMatrixCell[];
}
