import { requireReason } from '../plan/decision-rules';
import { DEFAULT_RISK_MATRIX, requireRiskMatrix, sameMatrix } from '../plan/risks/risk-matrix';
import type { RiskMatrix, RiskMatrixCell } from '../plan/risks/risk-values';

/**
 * A council's settings, which hold for all its plans: today its risk matrix. They are events on a
 * stream of their own per council, `councilSettings-<council>` (the council URI-encoded, as in a plan's
 * key), decided and folded here as a plan's are, so that the command side reads the matrix in force
 * and hands it to the plan's decider, which stays pure.
 */

export const COUNCIL_SETTINGS_STREAM_PREFIX = 'councilSettings-';

export const councilSettingsStreamId = (council: string): string =>
  `${COUNCIL_SETTINGS_STREAM_PREFIX}${encodeURIComponent(council)}`;

export interface RiskMatrixSet {
  type: 'RiskMatrixSet';
  data: { council: string; cells: RiskMatrixCell[]; reason: string };
}

export type CouncilSettingsEvent = RiskMatrixSet;

export const COUNCIL_SETTINGS_EVENT_SCHEMA_VERSIONS: Record<CouncilSettingsEvent['type'], number> = { RiskMatrixSet: 1 };

export interface SetRiskMatrix {
  type: 'SetRiskMatrix';
  data: { cells: RiskMatrixCell[]; reason: string };
}

export type CouncilSettingsCommand = SetRiskMatrix;

/** The matrix the council set last, with why; null while it never set one. */
export interface CouncilSettingsState {
  riskMatrix: (RiskMatrix & { reason: string }) | null;
}

export const initialCouncilSettings: CouncilSettingsState = { riskMatrix: null };

/** The matrix risks are banded with: the council's own, or Three Rivers' printed one when it never set its own. */
export const riskMatrixInForce = (state: CouncilSettingsState): RiskMatrix =>
  state.riskMatrix ? { cells: state.riskMatrix.cells } : DEFAULT_RISK_MATRIX;

/**
 * Pure, as the plan's decider: the events a settings command means, or a DomainError saying why not.
 * Setting the matrix in force again means nothing and records nothing, so that a PUT repeated by a
 * client that lost the first answer is harmless.
 */
export function decideCouncilSettings(
  command: CouncilSettingsCommand,
  state: CouncilSettingsState,
  council: string,
): CouncilSettingsEvent[] {
  const matrix = requireRiskMatrix(command.data.cells);
  const reason = requireReason(command.data.reason, "setting the council's risk matrix");
  if (sameMatrix(matrix, riskMatrixInForce(state))) return [];
  return [{ type: 'RiskMatrixSet', data: { council, cells: matrix.cells, reason } }];
}

export function evolveCouncilSettings(_state: CouncilSettingsState, event: CouncilSettingsEvent): CouncilSettingsState {
  return { riskMatrix: { cells: event.data.cells, reason: event.data.reason } };
}
