import type { PlanEvent } from './plan-events';
import type { DraftedPlanState } from './plan-state';

/**
 * A section's evolution, one fold per event type it owns; `evolve`'s table is the union of the
 * sections', so an event type nobody folds does not compile.
 */
export type EventEvolvers<E extends PlanEvent> = {
  [K in E['type']]: (state: DraftedPlanState, event: Extract<E, { type: K }>) => DraftedPlanState;
};
