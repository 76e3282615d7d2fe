import { DomainError } from '../domain-error';
import { requirePastDate } from '../periods/financial-periods';
import { requireReason } from '../plan/decision-rules';
import { requireEveryPlanEntered, requirePlansCovered, type PlanEntry } from './plans-covered';

/**
 * A decision approving several plans at once (Cabinet, 4 April 2024: the service plans for 2024/25),
 * recorded once on its own stream `councilDecision-<council>/<decisionId>`, where the decision id
 * stands for its reference within the council, and then entered on each plan as its approval, which
 * carries the reference.
 */

export const DECISION_STREAM_PREFIX = 'councilDecision-';

export const decisionStreamId = (council: string, decisionId: string): string =>
  `${DECISION_STREAM_PREFIX}${encodeURIComponent(council)}/${decisionId}`;

/** One plan as the decision approves it: the version asked for (null: the latest), and the plan's revision when it was checked. */
export interface PlanApprovedByDecision {
  planId: string;
  versionLabel: string | null;
  revision: number;
}

export interface DecisionTaken {
  type: 'DecisionTaken';
  data: {
    council: string;
    decisionId: string;
    decisionRef: string;
    body: string;
    meetingDate: string;
    title: string;
    plans: PlanApprovedByDecision[];
  };
}

export interface DecisionEnteredOnPlans {
  type: 'DecisionEnteredOnPlans';
  data: { decisionId: string; plans: PlanEntry[] };
}

export type DecisionEvent = DecisionTaken | DecisionEnteredOnPlans;

export const DECISION_EVENT_SCHEMA_VERSIONS: Record<DecisionEvent['type'], number> = { DecisionTaken: 1, DecisionEnteredOnPlans: 1 };

export interface TakeDecision {
  type: 'TakeDecision';
  data: Omit<DecisionTaken['data'], 'council'>;
}

export interface EnterDecisionOnPlans {
  type: 'EnterDecisionOnPlans';
  data: { plans: PlanEntry[] };
}

export type DecisionCommand = TakeDecision | EnterDecisionOnPlans;

export type DecisionState =
  | { stage: 'not-taken' }
  | { stage: 'taken'; decision: DecisionTaken['data'] }
  | { stage: 'entered'; decision: DecisionTaken['data']; plans: PlanEntry[] };

export const initialDecisionState: DecisionState = { stage: 'not-taken' };

/**
 * Pure: the events a decision command means at `now`, or a DomainError saying why not. The same
 * decision asked again (same body, date, title and plans) records nothing, so that a client that lost
 * the answer may ask again; its reference given to another decision is refused.
 */
export function decideDecision(command: DecisionCommand, state: DecisionState, council: string, now: Date): DecisionEvent[] {
  if (command.type === 'TakeDecision') {
    const decisionRef = requireReason(command.data.decisionRef, 'the decision: its reference');
    if (state.stage !== 'not-taken') {
      if (isSameDecision(state.decision, command.data)) return [];
      throw DomainError.ruleBroken(
        `The decision ${decisionRef} is already recorded as "${state.decision.title}" of ${state.decision.meetingDate}, for other plans or in other words: give this decision its own reference.`,
      );
    }
    const { decisionId, body, title, plans } = command.data;
    requirePlansCovered(plans.map((plan) => plan.planId), 'this decision');
    const meetingDate = requirePastDate(command.data.meetingDate, 'decision date', now);
    return [
      {
        type: 'DecisionTaken',
        data: { council, decisionId, decisionRef, body: body.trim(), meetingDate, title: title.trim(), plans },
      },
    ];
  }
  if (state.stage === 'not-taken') throw DomainError.notFound('There is no such decision: take it first.');
  if (state.stage === 'entered') return [];
  requireEveryPlanEntered(state.decision.plans.map((plan) => plan.planId), command.data.plans);
  return [{ type: 'DecisionEnteredOnPlans', data: { decisionId: state.decision.decisionId, plans: command.data.plans } }];
}

/** What makes two requests the same decision: who, when, what, and which plan at which version; not the revisions they were checked at. */
function isSameDecision(recorded: DecisionTaken['data'], asked: TakeDecision['data']): boolean {
  const plansOf = (plans: PlanApprovedByDecision[]) => plans.map(({ planId, versionLabel }) => `${planId}\u0000${versionLabel ?? ''}`).join('\u0001');
  return (
    recorded.body === asked.body.trim() &&
    recorded.meetingDate === asked.meetingDate &&
    recorded.title === asked.title.trim() &&
    plansOf(recorded.plans) === plansOf(asked.plans)
  );
}

export function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  if (event.type === 'DecisionTaken') return { stage: 'taken', decision: event.data };
  if (state.stage === 'not-taken') throw new Error('A decision is entered on its plans after it is taken.');
  return { stage: 'entered', decision: state.decision, plans: event.data.plans };
}
