import type { EventEvolvers } from '../evolution-rules';
import { NOBODY_NAMED } from '../ownership';
import type { DraftedPlanState } from '../plan-state';
import { entryOf } from '../plan-state';
import type { ActualRecorded, ActualRestated, IndicatorEvent } from './indicator-events';
import type { IndicatorState, VerificationState } from './indicator-state';

export const INDICATOR_EVOLVERS: EventEvolvers<IndicatorEvent> = {
  IndicatorDefined: (state, { data: { planId: _planId, ...definition } }) => ({
    ...state,
    indicators: { ...state.indicators, [definition.code]: { ...definition, ...NOBODY_NAMED, actuals: {}, baselines: {}, priorityRefs: [] } },
  }),
  IndicatorRevised: (state, { data }) =>
    updateIndicator(state, data.code, (indicator) => ({ ...indicator, ...data.changes })),
  TargetSet: (state, { data }) =>
    updateIndicator(state, data.code, (indicator) => ({ ...indicator, targets: [...indicator.targets, data.target] })),
  TargetChanged: (state, { data }) =>
    updateIndicator(state, data.code, (indicator) => ({
      ...indicator,
      targets: indicator.targets.map((target) => (target.period === data.period ? data.target : target)),
    })),
  ActualRecorded: withActual,
  ActualRestated: withActual,
  ActualVerified: (state, { data }) => withVerification(state, data.code, data.period, 'verified'),
  ActualRejected: (state, { data }) => withVerification(state, data.code, data.period, 'rejected'),
  BaselineRecorded: (state, { data: { code, baseline } }) =>
    updateIndicator(state, code, (indicator) => ({
      ...indicator,
      baselines: { ...indicator.baselines, [baseline.period]: baseline },
    })),
  IndicatorLinked: (state, { data: { code, priorityRefs } }) =>
    updateIndicator(state, code, (indicator) => ({ ...indicator, priorityRefs })),
  IndicatorOwnershipAssigned: (state, { data: { code, owner, approver } }) =>
    updateIndicator(state, code, (indicator) => ({ ...indicator, owner, approver })),
};

function withActual(state: DraftedPlanState, { data }: ActualRecorded | ActualRestated): DraftedPlanState {
  const { code, period, value, commentary, source, method, caveats, recordedBy } = data;
  return updateIndicator(state, code, (indicator) => ({
    ...indicator,
    actuals: { ...indicator.actuals, [period]: { value, commentary, source, method, caveats, recordedBy, verification: 'unverified' } },
  }));
}

function withVerification(state: DraftedPlanState, code: string, period: string, verification: VerificationState): DraftedPlanState {
  return updateIndicator(state, code, (indicator) => {
    const actual = entryOf(indicator.actuals, period);
    return actual ? { ...indicator, actuals: { ...indicator.actuals, [period]: { ...actual, verification } } } : indicator;
  });
}

function updateIndicator(
  state: DraftedPlanState,
  code: string,
  update: (indicator: IndicatorState) => IndicatorState,
): DraftedPlanState {
  const indicator = entryOf(state.indicators, code);
  return indicator ? { ...state, indicators: { ...state.indicators, [code]: update(indicator) } } : state;
}
