import type { Outcome } from './plan-values';
import type { PlanEvent } from './plan-events';
import { STRUCTURAL_EVENT_TYPES } from './plan-events';
import type { DraftedPlanState, IndicatorState, PlanState, PriorityState } from './plan-state';
import { entryOf } from './plan-state';

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
      priorities: {},
      withdrawnPriorityRefs: [],
      indicators: {},
      scrutinyRecordCount: 0,
      scrutinyCommentCount: 0,
      versionLabels: [],
      changedSinceLastVersion: false,
    };
  }
  if (state.lifecycle === 'not-yet-drafted') {
    throw new Error(`A ${event.type} event cannot come before the plan's PlanDrafted event.`);
  }
  const changed = STRUCTURAL_EVENT_TYPES.has(event.type) ? { ...state, changedSinceLastVersion: true } : state;
  return evolveDrafted(changed, event);
}

function evolveDrafted(state: DraftedPlanState, event: PlanEvent): DraftedPlanState {
  switch (event.type) {
    case 'PlanDrafted':
      return state;
    case 'PriorityAdded': {
      const { ref, title, themes, objective, outcomes } = event.data;
      return withPriority(state, { ref, title, themes, objective, outcomes, highestOutcomeNumber: 0 });
    }
    case 'PriorityRevised':
      return updatePriority(state, event.data.ref, (priority) => ({ ...priority, ...event.data.changes }));
    case 'PriorityWithdrawn': {
      const { [event.data.ref]: _withdrawn, ...priorities } = state.priorities;
      return { ...state, priorities, withdrawnPriorityRefs: [...state.withdrawnPriorityRefs, event.data.ref] };
    }
    case 'OutcomeAdded':
      return updatePriority(state, event.data.priorityRef, (priority) =>
        withOutcomes(priority, [...priority.outcomes, event.data.outcome]),
      );
    case 'OutcomeChanged':
      return updatePriority(state, event.data.priorityRef, (priority) =>
        withOutcomes(
          priority,
          priority.outcomes.map((outcome) => (outcome.ref === event.data.outcomeRef ? event.data.after : outcome)),
        ),
      );
    case 'OutcomeRemoved':
      return updatePriority(state, event.data.priorityRef, (priority) => ({
        ...priority,
        outcomes: priority.outcomes.filter((outcome) => outcome.ref !== event.data.outcome.ref),
      }));
    case 'IndicatorDefined': {
      const { planId: _planId, ...definition } = event.data;
      return { ...state, indicators: { ...state.indicators, [definition.code]: { ...definition, actuals: {} } } };
    }
    case 'IndicatorRevised':
      return updateIndicator(state, event.data.code, (indicator) => ({ ...indicator, ...event.data.changes }));
    case 'TargetSet':
      return updateIndicator(state, event.data.code, (indicator) => ({
        ...indicator,
        targets: [...indicator.targets, event.data.target],
      }));
    case 'TargetChanged':
      return updateIndicator(state, event.data.code, (indicator) => ({
        ...indicator,
        targets: indicator.targets.map((target) => (target.period === event.data.period ? event.data.target : target)),
      }));
    case 'ActualRecorded':
    case 'ActualRestated': {
      const { code, period, value, commentary } = event.data;
      const recorded = updateIndicator(state, code, (indicator) => ({
        ...indicator,
        actuals: { ...indicator.actuals, [period]: { value, commentary } },
      }));
      return intoMonitoring(recorded);
    }
    case 'ProgressRecorded':
      return intoMonitoring(state);
    case 'PlanSubmittedForScrutiny':
      return { ...state, lifecycle: 'in-scrutiny' };
    case 'ScrutinyCommentsRecorded':
      return {
        ...state,
        lifecycle: 'in-scrutiny',
        scrutinyRecordCount: state.scrutinyRecordCount + 1,
        scrutinyCommentCount: state.scrutinyCommentCount + event.data.comments.length,
      };
    case 'VersionPublished':
      return { ...state, versionLabels: [...state.versionLabels, event.data.label], changedSinceLastVersion: false };
    case 'PlanApproved':
      return { ...state, lifecycle: 'approved' };
    case 'PlanReopenedForRevision':
      return { ...state, lifecycle: 'draft' };
    case 'PlanClosed':
      return { ...state, lifecycle: 'closed' };
  }
}

function intoMonitoring(state: DraftedPlanState): DraftedPlanState {
  return state.lifecycle === 'approved' ? { ...state, lifecycle: 'in-monitoring' } : state;
}

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

function updateIndicator(
  state: DraftedPlanState,
  code: string,
  update: (indicator: IndicatorState) => IndicatorState,
): DraftedPlanState {
  const indicator = entryOf(state.indicators, code);
  return indicator ? { ...state, indicators: { ...state.indicators, [code]: update(indicator) } } : state;
}
