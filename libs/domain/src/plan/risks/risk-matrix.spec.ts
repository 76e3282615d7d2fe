import { DomainError } from '../../domain-error';
import { assessScore, DEFAULT_RISK_MATRIX, requireRiskMatrix } from './risk-matrix';
import type { RiskBand, RiskMatrixCell } from './risk-values';

const bandOf = (likelihood: number, impact: number): RiskBand =>
  assessScore(DEFAULT_RISK_MATRIX, { likelihood, impact }, 'a risk').band;

const refusal = (cells: RiskMatrixCell[]): string => {
  try {
    requireRiskMatrix(cells);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
  throw new Error('The matrix was accepted');
};

const withCell = (likelihood: number, impact: number, band: RiskBand): RiskMatrixCell[] =>
  DEFAULT_RISK_MATRIX.cells.map((cell) => (cell.likelihood === likelihood && cell.impact === impact ? { ...cell, band } : cell));

describe("the default risk matrix, Three Rivers' printed one", () => {
  it('bands each row as the plan prints it, from very likely down to remote', () => {
    const printed = [4, 3, 2, 1].map((likelihood) => [1, 2, 3, 4].map((impact) => bandOf(likelihood, impact)));
    expect(printed).toEqual([
      ['low', 'high', 'very-high', 'very-high'],
      ['low', 'medium', 'high', 'very-high'],
      ['low', 'low', 'medium', 'high'],
      ['low', 'low', 'low', 'low'],
    ]);
  });

  it("gives the register's printed scores, 2 × 2 = 4 and 1 × 2 = 2, the Low band the matrix prints for them", () => {
    expect(assessScore(DEFAULT_RISK_MATRIX, { likelihood: 2, impact: 2 }, 'R1')).toEqual({ likelihood: 2, impact: 2, score: 4, band: 'low' });
    expect(assessScore(DEFAULT_RISK_MATRIX, { likelihood: 1, impact: 2 }, 'R4')).toEqual({ likelihood: 1, impact: 2, score: 2, band: 'low' });
  });

  it('is a matrix a council could set itself', () => {
    expect(requireRiskMatrix([...DEFAULT_RISK_MATRIX.cells].reverse())).toEqual(DEFAULT_RISK_MATRIX);
  });
});

describe("a council's risk matrix", () => {
  it('needs each of the 16 cells once', () => {
    expect(refusal(DEFAULT_RISK_MATRIX.cells.slice(1))).toBe('The risk matrix needs all 16 cells: likelihood 1 × impact 1 is missing.');
    expect(refusal([...DEFAULT_RISK_MATRIX.cells, DEFAULT_RISK_MATRIX.cells[5]])).toBe(
      'The risk matrix gives likelihood 2 × impact 2 twice: give each cell once.',
    );
  });

  it('refuses cells off the scale and bands that are not bands', () => {
    expect(refusal([...DEFAULT_RISK_MATRIX.cells, { likelihood: 5, impact: 1, band: 'high' }])).toBe(
      'Likelihood and impact are scored 1 to 4: the likelihood of a cell of the risk matrix is 5.',
    );
    expect(refusal(withCell(2, 2, 'severe' as RiskBand))).toBe('The band of likelihood 2 × impact 2 must be one of low, medium, high, very-high.');
  });

  it('refuses a band that falls as likelihood or impact grows', () => {
    expect(refusal(withCell(4, 4, 'high'))).toBe(
      'A band cannot fall as likelihood grows: likelihood 3 × impact 4 is very-high but likelihood 4 × impact 4 is high.',
    );
    expect(refusal(withCell(2, 4, 'low'))).toBe(
      'A band cannot fall as impact grows: likelihood 2 × impact 3 is medium but likelihood 2 × impact 4 is low.',
    );
  });
});
