import { initialBudgetSlice } from './budget/budget-state';
import { BUDGET_EVOLVERS } from './budget/budget-evolution';
import { initialContractsSlice } from './contracts/contract-state';
import { CONTRACT_EVOLVERS } from './contracts/contract-evolution';
import type { EventEvolvers } from './evolution-rules';
import { initialGovernanceSlice } from './governance/governance-state';
import { GOVERNANCE_EVOLVERS } from './governance/governance-evolution';
import { initialIndicatorsSlice } from './indicators/indicator-state';
import { INDICATOR_EVOLVERS } from './indicators/indicator-evolution';
import { initialNarrativeSlice } from './narrative/narrative-state';
import { NARRATIVE_EVOLVERS } from './narrative/narrative-evolution';
import type { PlanEvent } from './plan-events';
import { roleOfEvent } from './plan-events';
import type { DraftedPlanState, PlanState } from './plan-state';
import { initialPrioritiesSlice } from './priorities/priority-state';
import { PRIORITY_EVOLVERS } from './priorities/priority-evolution';
import { initialRisksSlice } from './risks/risk-state';
import { RISK_EVOLVERS } from './risks/risk-evolution';
import { initialWorkforceSlice } from './workforce/workforce-state';
import { WORKFORCE_EVOLVERS } from './workforce/workforce-evolution';

type EventOfDraftedPlan = Exclude<PlanEvent, { type: 'PlanDrafted' }>;

const EVOLVERS: EventEvolvers<EventOfDraftedPlan> = {
  ...GOVERNANCE_EVOLVERS,
  ...PRIORITY_EVOLVERS,
  ...INDICATOR_EVOLVERS,
  ...BUDGET_EVOLVERS,
  ...RISK_EVOLVERS,
  ...CONTRACT_EVOLVERS,
  ...WORKFORCE_EVOLVERS,
  ...NARRATIVE_EVOLVERS,
};

type AnyEvolution = (state: DraftedPlanState, event: EventOfDraftedPlan) => DraftedPlanState;

/** Folds one event into the state. Pure: the same events always give the same state. */
export function evolve(state: PlanState, event: PlanEvent): PlanState {
  if (event.type === 'PlanDrafted') {
    const { planId, council, service, title, period, owner } = event.data;
    return {
      lifecycle: 'draft',
      planId,
      council,
      service,
      title,
      period,
      owner,
      ...initialGovernanceSlice(),
      ...initialPrioritiesSlice(),
      ...initialIndicatorsSlice(),
      ...initialBudgetSlice(),
      ...initialRisksSlice(),
      ...initialContractsSlice(),
      ...initialWorkforceSlice(),
      ...initialNarrativeSlice(),
    };
  }
  if (state.lifecycle === 'not-yet-drafted') {
    throw new Error(`A ${event.type} event cannot come before the plan's PlanDrafted event.`);
  }
  // The table pairs each type with its fold; TypeScript cannot follow that pairing through an index.
  const evolution = EVOLVERS[event.type] as AnyEvolution;
  return afterRole(evolution(state, event), event);
}

/** What an event's role does to any plan: structure marks it changed since its last version, monitoring moves an approved plan into monitoring. */
function afterRole(state: DraftedPlanState, event: EventOfDraftedPlan): DraftedPlanState {
  const role = roleOfEvent(event.type);
  if (role === 'structure') return { ...state, changedSinceLastVersion: true };
  if (role === 'monitoring' && state.lifecycle === 'approved') return { ...state, lifecycle: 'in-monitoring' };
  return state;
}
