import { DomainError } from '../../domain-error';
import type { AssessedScore, RiskBand, RiskMatrix, RiskMatrixCell, RiskScore } from './risk-values';
import { RISK_BANDS, RISK_SCALE } from './risk-values';

/**
 * The 4 × 4 matrix printed in Three Rivers' 2020-23 Corporate Services plan, row by row from
 * likelihood 4 (very likely) down to 1 (remote), impact 1 to 4 across: "Low 4, High 8, Very High 12,
 * Very High 16" / "Low 3, Medium 6, High 9, Very High 12" / "Low 2, Low 4, Medium 6, High 8" / all Low.
 * The band of a council that never set its own.
 */
const THREE_RIVERS_ROWS: Record<number, RiskBand[]> = {
  4: ['low', 'high', 'very-high', 'very-high'],
  3: ['low', 'medium', 'high', 'very-high'],
  2: ['low', 'low', 'medium', 'high'],
  1: ['low', 'low', 'low', 'low'],
};

export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  cells: RISK_SCALE.flatMap((likelihood) =>
    RISK_SCALE.map((impact) => ({ likelihood, impact, band: THREE_RIVERS_ROWS[likelihood][impact - 1] })),
  ),
};

const cellName = (likelihood: number, impact: number): string => `likelihood ${likelihood} × impact ${impact}`;

const rank = (band: RiskBand): number => RISK_BANDS.indexOf(band);

/** `where` says whose score it is: "the likelihood of risk R3's residual score". */
function requireOnScale(value: number, where: string): void {
  if (!(RISK_SCALE as readonly number[]).includes(value)) {
    throw DomainError.ruleBroken(`Likelihood and impact are scored 1 to 4: ${where} is ${value}.`);
  }
}

function bandAt(matrix: RiskMatrix, likelihood: number, impact: number): RiskBand {
  const cell = matrix.cells.find((c) => c.likelihood === likelihood && c.impact === impact);
  // A matrix passed requireRiskMatrix, and scores requireOnScale, so every cell asked for is there.
  if (!cell) throw new Error(`The risk matrix has no cell for ${cellName(likelihood, impact)}.`);
  return cell.band;
}

/**
 * A matrix a council may set: each of the 16 cells once, each a band, and no band lower than the one
 * of a cell with less likelihood or less impact (a likelier or worse risk is never rated lower).
 * Gives the cells in order, likelihood then impact.
 */
export function requireRiskMatrix(cells: RiskMatrixCell[]): RiskMatrix {
  for (const cell of cells) {
    requireOnScale(cell.likelihood, 'the likelihood of a cell of the risk matrix');
    requireOnScale(cell.impact, 'the impact of a cell of the risk matrix');
    if (!(RISK_BANDS as readonly string[]).includes(cell.band)) {
      throw DomainError.ruleBroken(`The band of ${cellName(cell.likelihood, cell.impact)} must be one of ${RISK_BANDS.join(', ')}.`);
    }
  }
  const matrix: RiskMatrix = { cells: [] };
  for (const likelihood of RISK_SCALE) {
    for (const impact of RISK_SCALE) {
      const named = cells.filter((c) => c.likelihood === likelihood && c.impact === impact);
      if (named.length === 0) throw DomainError.ruleBroken(`The risk matrix needs all 16 cells: ${cellName(likelihood, impact)} is missing.`);
      if (named.length > 1) throw DomainError.ruleBroken(`The risk matrix gives ${cellName(likelihood, impact)} twice: give each cell once.`);
      matrix.cells.push({ likelihood, impact, band: named[0].band });
    }
  }
  for (const { likelihood, impact, band } of matrix.cells) {
    if (likelihood > 1) requireNotLower(band, likelihood, impact, bandAt(matrix, likelihood - 1, impact), likelihood - 1, impact, 'likelihood');
    if (impact > 1) requireNotLower(band, likelihood, impact, bandAt(matrix, likelihood, impact - 1), likelihood, impact - 1, 'impact');
  }
  return matrix;
}

function requireNotLower(
  band: RiskBand,
  likelihood: number,
  impact: number,
  lowerBand: RiskBand,
  lowerLikelihood: number,
  lowerImpact: number,
  growing: 'likelihood' | 'impact',
): void {
  if (rank(band) >= rank(lowerBand)) return;
  throw DomainError.ruleBroken(
    `A band cannot fall as ${growing} grows: ${cellName(lowerLikelihood, lowerImpact)} is ${lowerBand} but ${cellName(likelihood, impact)} is ${band}.`,
  );
}

/** The score and band of a risk in `matrix`, refused off the 1 to 4 scale. `what` names the score: "risk R3's residual score". */
export function assessScore(matrix: RiskMatrix, { likelihood, impact }: RiskScore, what: string): AssessedScore {
  requireOnScale(likelihood, `the likelihood of ${what}`);
  requireOnScale(impact, `the impact of ${what}`);
  return { likelihood, impact, score: likelihood * impact, band: bandAt(matrix, likelihood, impact) };
}

/** Whether two matrices band every cell alike. */
export const sameMatrix = (a: RiskMatrix, b: RiskMatrix): boolean =>
  a.cells.every((cell) => bandAt(b, cell.likelihood, cell.impact) === cell.band);
