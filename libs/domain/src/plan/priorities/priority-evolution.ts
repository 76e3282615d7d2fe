import type { EventEvolvers } from '../evolution-rules';
import { NOBODY_NAMED } from '../ownership';
import type { DraftedPlanState } from '../plan-state';
import { entryOf } from '../plan-state';
import type { PriorityEvent } from './priority-events';
import type { PriorityState } from './priority-state';
import type { Outcome } from './priority-values';

export const PRIORITY_EVOLVERS: EventEvolvers<PriorityEvent> = {
  PriorityAdded: (state, { data: { ref, title, themes, themeIds, objective, kind, sponsor, manager, outcomes } }) =>
    withPriority(state, { ref, title, themes, themeIds, objective, kind, sponsor, manager, ...NOBODY_NAMED, outcomes, highestOutcomeNumber: 0 }),
  PriorityRevised: (state, { data }) => updatePriority(state, data.ref, (priority) => ({ ...priority, ...data.changes })),
  PriorityWithdrawn: (state, { data }) => {
    const { [data.ref]: _withdrawn, ...priorities } = state.priorities;
    return { ...state, priorities, withdrawnPriorityRefs: [...state.withdrawnPriorityRefs, data.ref] };
  },
  OutcomeAdded: (state, { data }) =>
    updatePriority(state, data.priorityRef, (priority) => withOutcomes(priority, [...priority.outcomes, data.outcome])),
  OutcomeChanged: (state, { data }) =>
    updatePriority(state, data.priorityRef, (priority) =>
      withOutcomes(
        priority,
        priority.outcomes.map((outcome) => (outcome.ref === data.outcomeRef ? data.after : outcome)),
      ),
    ),
  OutcomeRemoved: (state, { data }) =>
    updatePriority(state, data.priorityRef, (priority) => ({
      ...priority,
      outcomes: priority.outcomes.filter((outcome) => outcome.ref !== data.outcome.ref),
    })),
  ProgressRecorded: (state) => state,
  PriorityOwnershipAssigned: (state, { data: { ref, owner, approver } }) => updatePriority(state, ref, (priority) => ({ ...priority, owner, approver })),
};

function withPriority(state: DraftedPlanState, priority: PriorityState): DraftedPlanState {
  return { ...state, priorities: { ...state.priorities, [priority.ref]: withOutcomes(priority, priority.outcomes) } };
}

function withOutcomes(priority: PriorityState, outcomes: Outcome[]): PriorityState {
  const numbers = outcomes.map((outcome) => (/^\d+$/.test(outcome.ref) ? Number(outcome.ref) : 0));
  return { ...priority, outcomes, highestOutcomeNumber: Math.max(priority.highestOutcomeNumber, ...numbers) };
}

function updatePriority(
  state: DraftedPlanState,
  ref: string,
  update: (priority: PriorityState) => PriorityState,
): DraftedPlanState {
  const priority = entryOf(state.priorities, ref);
  return priority ? { ...state, priorities: { ...state.priorities, [ref]: update(priority) } } : state;
}
