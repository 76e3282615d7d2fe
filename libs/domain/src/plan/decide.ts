import { DomainError } from '../domain-error';
import { evolve } from './evolve';
import { BUDGET_DECIDERS } from './budget/budget-decisions';
import { CONTRACT_DECIDERS } from './contracts/contract-decisions';
import type { CommandDeciders, DecisionContext, OpenPlan } from './decision-rules';
import { draftPlan, GOVERNANCE_DECIDERS } from './governance/governance-decisions';
import { INDICATOR_DECIDERS } from './indicators/indicator-decisions';
import { NARRATIVE_DECIDERS } from './narrative/narrative-decisions';
import type { CommandToDraftedPlan, PlanCommand } from './plan-commands';
import type { PlanEvent } from './plan-events';
import type { PlanState } from './plan-state';
import { PRIORITY_DECIDERS } from './priorities/priority-decisions';
import { RISK_COMMANDS_SCORED_WITH_THE_MATRIX, RISK_DECIDERS } from './risks/risk-decisions';
import { namesCorporateThemes } from './theme-links';
import { WORKFORCE_DECIDERS } from './workforce/workforce-decisions';

export type { DecisionContext } from './decision-rules';

/** Every command to a drafted plan, decided by the section that owns it. */
const DECIDERS: CommandDeciders<CommandToDraftedPlan> = {
  ...GOVERNANCE_DECIDERS,
  ...PRIORITY_DECIDERS,
  ...INDICATOR_DECIDERS,
  ...BUDGET_DECIDERS,
  ...RISK_DECIDERS,
  ...CONTRACT_DECIDERS,
  ...WORKFORCE_DECIDERS,
  ...NARRATIVE_DECIDERS,
};

/** Which of the council's facts deciding a command needs, each named as `DecisionContext` holds it. */
export type CouncilFactsNeeded = { [F in Exclude<keyof DecisionContext, 'now' | 'actor'>]: boolean };

/**
 * What the caller must read of the council before deciding the command: its settings for the commands
 * scored with its risk matrix alone, its corporate plans for the commands that name themes by id alone.
 */
export const councilFactsNeededBy = (command: PlanCommand): CouncilFactsNeeded => ({
  riskMatrix: (RISK_COMMANDS_SCORED_WITH_THE_MATRIX as ReadonlySet<string>).has(command.type),
  corporatePlans: namesCorporateThemes(command),
});

type AnyDecision = (command: CommandToDraftedPlan, plan: OpenPlan, context: DecisionContext) => PlanEvent[];

/**
 * Decides what a command means for the plan: the events to append, or a DomainError saying in
 * plain words why not. Pure: no clock but `context.now`, no ids, no I/O; a refusal decides nothing.
 */
export function decide(command: PlanCommand, state: PlanState, context: DecisionContext): PlanEvent[] {
  if (command.type === 'DraftPlan') return draftPlan(command, state);
  if (state.lifecycle === 'not-yet-drafted') {
    throw DomainError.notFound('There is no such plan: draft it first.');
  }
  if (state.lifecycle === 'closed') {
    throw DomainError.ruleBroken(`The plan "${state.title}" is closed: nothing in it can be changed.`);
  }
  // The table pairs each type with its decision; TypeScript cannot follow that pairing through an index.
  const decision = DECIDERS[command.type] as AnyDecision;
  return decision(command, state, context);
}

/** One command of a sequence that the plan's rules refused, by its place in the sequence. */
export interface RefusalInSequence {
  index: number;
  refusal: DomainError;
}

/**
 * Decides commands one after another, each against the plan as the accepted ones before it left it,
 * as if they had been sent one by one: an import brings a whole plan in as one write this way. A
 * refused command changes nothing, and the ones after it are still decided, so that every refusal
 * of the sequence is known at once; the events are only meant to be kept when there is none.
 */
export function decideInSequence(
  commands: readonly PlanCommand[],
  state: PlanState,
  context: DecisionContext,
): { events: PlanEvent[]; refusals: RefusalInSequence[] } {
  const events: PlanEvent[] = [];
  const refusals: RefusalInSequence[] = [];
  let current = state;
  commands.forEach((command, index) => {
    try {
      const decided = decide(command, current, context);
      events.push(...decided);
      current = decided.reduce(evolve, current);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusals.push({ index, refusal: error });
    }
  });
  return { events, refusals };
}
