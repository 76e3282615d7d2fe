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

/** One plan as the decision approves it: the version approved, and the plan's revision when it was checked. */
export interface PlanApprovedByDecision {
  planId: string;
  versionLabel: string;
  revision: number;
}

/** One plan as a decision is asked for: the version named, or null for the latest. */
export interface PlanAskedToApprove {
  planId: string;
  versionLabel: string | null;
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

/** A decision as it is asked for, before its plans are checked. */
export interface DecisionAsked {
  decisionRef: string;
  body: string;
  meetingDate: string;
  title: string;
  plans: PlanAskedToApprove[];
}

/** A decision whose plans were each checked: the version each approves and the revision it was checked at. */
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
 * decision asked again records nothing, so that a client that lost the answer may ask again; its
 * reference given to another decision is refused.
 */
export function decideDecision(command: DecisionCommand, state: DecisionState, council: string, now: Date): DecisionEvent[] {
  if (command.type === 'TakeDecision') {
    if (state.stage !== 'not-taken') {
      requireSameDecision(state.decision, command.data);
      return [];
    }
    const { decisionId, plans } = command.data;
    return [{ type: 'DecisionTaken', data: { council, decisionId, ...requireDecisionAskable(command.data, now), plans } }];
  }
  if (state.stage === 'not-taken') throw DomainError.notFound('There is no such decision: take it first.');
  if (state.stage === 'entered') return [];
  requireEveryPlanEntered(state.decision.plans.map((plan) => plan.planId), command.data.plans);
  return [{ type: 'DecisionEnteredOnPlans', data: { decisionId: state.decision.decisionId, plans: command.data.plans } }];
}

/** A decision that may be taken as asked, before any of its plans is looked at: its words as they are recorded. */
export function requireDecisionAskable(asked: DecisionAsked, now: Date): Omit<DecisionAsked, 'plans'> {
  const decisionRef = requireReason(asked.decisionRef, 'the decision: its reference');
  requirePlansCovered(asked.plans.map((plan) => plan.planId), 'this decision');
  const meetingDate = requirePastDate(asked.meetingDate, 'decision date', now);
  return { decisionRef, body: asked.body.trim(), meetingDate, title: asked.title.trim() };
}

/**
 * Refuses a request under a recorded decision's reference unless it is that decision: the same body,
 * date and title, and the same plans in the same order, each at the version approved or with none
 * named; not the revisions they were checked at, which have moved on since.
 */
export function requireSameDecision(recorded: DecisionTaken['data'], asked: DecisionAsked): void {
  const samePlans =
    recorded.plans.length === asked.plans.length &&
    recorded.plans.every(
      (plan, index) => plan.planId === asked.plans[index].planId && (asked.plans[index].versionLabel ?? plan.versionLabel) === plan.versionLabel,
    );
  const same =
    samePlans &&
    recorded.body === asked.body.trim() &&
    recorded.meetingDate === asked.meetingDate &&
    recorded.title === asked.title.trim();
  if (!same) {
    throw DomainError.ruleBroken(
      `The decision ${recorded.decisionRef} is already recorded as "${recorded.title}" of ${recorded.meetingDate}, for other plans or in other words: give this decision its own reference.`,
    );
  }
}

export function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  if (event.type === 'DecisionTaken') return { stage: 'taken', decision: event.data };
  if (state.stage === 'not-taken') throw new Error('A decision is entered on its plans after it is taken.');
  return { stage: 'entered', decision: state.decision, plans: event.data.plans };
}
