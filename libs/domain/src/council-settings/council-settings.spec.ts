import { DomainError } from '../domain-error';
import { DEFAULT_RISK_MATRIX } from '../plan/risks/risk-matrix';
import type { RiskMatrixCell } from '../plan/risks/risk-values';
import {
  councilSettingsStreamId,
  decideCouncilSettings,
  evolveCouncilSettings,
  initialCouncilSettings,
  riskMatrixInForce,
  type CouncilSettingsEvent,
} from './council-settings';

/** Three Rivers' matrix, but a very likely risk of marginal impact is medium, not low. */
const stricterCells: RiskMatrixCell[] = DEFAULT_RISK_MATRIX.cells.map((cell) =>
  cell.likelihood === 4 && cell.impact === 1 ? { ...cell, band: 'medium' } : cell,
);

const refusalOf = (decision: () => unknown): DomainError => {
  try {
    decision();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('It was not refused');
};

describe("a council's settings", () => {
  it("are Three Rivers' printed matrix until the council sets its own", () => {
    expect(riskMatrixInForce(initialCouncilSettings)).toEqual(DEFAULT_RISK_MATRIX);
  });

  it('set a matrix in order, with the reason, and hold it from then on', () => {
    const events = decideCouncilSettings(
      { type: 'SetRiskMatrix', data: { cells: [...stricterCells].reverse(), reason: ' Adopted by Audit Committee ' } },
      initialCouncilSettings,
      'three-rivers',
    );
    expect(events).toEqual([
      { type: 'RiskMatrixSet', data: { council: 'three-rivers', cells: stricterCells, reason: 'Adopted by Audit Committee' } },
    ]);
    const state = events.reduce(evolveCouncilSettings, initialCouncilSettings);
    expect(riskMatrixInForce(state)).toEqual({ cells: stricterCells });
  });

  it('record nothing for the matrix in force set again, the default included', () => {
    const set: CouncilSettingsEvent = { type: 'RiskMatrixSet', data: { council: 'c', cells: stricterCells, reason: 'r' } };
    const state = evolveCouncilSettings(initialCouncilSettings, set);
    expect(decideCouncilSettings({ type: 'SetRiskMatrix', data: { cells: stricterCells, reason: 'Again' } }, state, 'c')).toEqual([]);
    expect(decideCouncilSettings({ type: 'SetRiskMatrix', data: { cells: DEFAULT_RISK_MATRIX.cells, reason: 'Back' } }, initialCouncilSettings, 'c')).toEqual([]);
  });

  it('refuse a missing reason and a broken matrix', () => {
    expect(refusalOf(() => decideCouncilSettings({ type: 'SetRiskMatrix', data: { cells: stricterCells, reason: ' ' } }, initialCouncilSettings, 'c')).message).toBe(
      "Give a reason for setting the council's risk matrix.",
    );
    expect(refusalOf(() => decideCouncilSettings({ type: 'SetRiskMatrix', data: { cells: [], reason: 'r' } }, initialCouncilSettings, 'c')).message).toBe(
      'The risk matrix needs all 16 cells: likelihood 1 × impact 1 is missing.',
    );
  });

  it('live on a stream of their own per council, named as a plan key names the council', () => {
    expect(councilSettingsStreamId('three rivers/x')).toBe('councilSettings-three%20rivers%2Fx');
  });
});
