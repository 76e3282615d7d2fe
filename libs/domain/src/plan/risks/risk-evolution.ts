import type { EventEvolvers } from '../evolution-rules';
import { withItem, withoutItem } from '../keyed-items';
import type { DraftedPlanState } from '../plan-state';
import { entryOf } from '../plan-state';
import type { RiskEvent } from './risk-events';
import type { RiskState } from './risk-state';

export const RISK_EVOLVERS: EventEvolvers<RiskEvent> = {
  RiskAdded: (state, { data: { planId: _planId, ...risk } }) => ({
    ...state,
    risks: withItem(state.risks, risk.ref, { ...risk, reviews: {} }),
  }),
  RiskRevised: (state, { data }) => updateRisk(state, data.ref, (risk) => ({ ...risk, ...data.changes })),
  RiskRemoved: (state, { data }) => ({ ...state, risks: withoutItem(state.risks, data.ref) }),
  RiskReviewed: (state, { data: { ref, period, residual, commentary } }) =>
    updateRisk(state, ref, (risk) => ({ ...risk, reviews: withItem(risk.reviews, period, { residual, commentary }) })),
};

function updateRisk(state: DraftedPlanState, ref: string, update: (risk: RiskState) => RiskState): DraftedPlanState {
  const risk = entryOf(state.risks, ref);
  return risk ? { ...state, risks: withItem(state.risks, ref, update(risk)) } : state;
}
