import { DomainError } from '../domain-error';
import { requirePastDate } from '../periods/financial-periods';
import { PLAN_LIMITS, requireWithinLimit } from '../plan/plan-limits';
import { requireEveryPlanEntered, requirePlansCovered, type PlanEntry } from './plans-covered';

/**
 * A meeting of a committee that considered several plans (O&S on 19 March 2024, minute 126, the
 * drafts of Place, Communities and Corporate Services), recorded once on its own stream
 * `councilMeeting-<council>/<meetingId>` and then entered on each plan: as its scrutiny before
 * approval, as a review of its progress after.
 */

export const MEETING_STREAM_PREFIX = 'councilMeeting-';

export const meetingStreamId = (council: string, meetingId: string): string =>
  `${MEETING_STREAM_PREFIX}${encodeURIComponent(council)}/${meetingId}`;

/** One plan as a meeting is asked to record it. */
export interface PlanToConsider {
  planId: string;
  comments: string[];
}

/**
 * One plan as the meeting considered it: `scrutiny` of a plan not yet approved, `review` of an
 * approved plan's progress, as the plan's check decided, at the revision it was checked at.
 */
export interface PlanConsidered extends PlanToConsider {
  kind: 'scrutiny' | 'review';
  revision: number;
}

/** A meeting as it is asked to be recorded, before its plans are checked. */
export interface MeetingAsked {
  committee: string;
  meetingDate: string;
  minuteRef?: string;
  plans: PlanToConsider[];
}

export interface MeetingRecorded {
  type: 'MeetingRecorded';
  data: {
    council: string;
    meetingId: string;
    committee: string;
    meetingDate: string;
    minuteRef: string | null;
    plans: PlanConsidered[];
  };
}

export interface MeetingEnteredOnPlans {
  type: 'MeetingEnteredOnPlans';
  data: { meetingId: string; plans: PlanEntry[] };
}

export type MeetingEvent = MeetingRecorded | MeetingEnteredOnPlans;

export const MEETING_EVENT_SCHEMA_VERSIONS: Record<MeetingEvent['type'], number> = { MeetingRecorded: 1, MeetingEnteredOnPlans: 1 };

/** A meeting whose plans were each checked. */
export interface RecordMeeting {
  type: 'RecordMeeting';
  data: MeetingAsked & { meetingId: string; plans: PlanConsidered[] };
}

export interface EnterMeetingOnPlans {
  type: 'EnterMeetingOnPlans';
  data: { plans: PlanEntry[] };
}

export type MeetingCommand = RecordMeeting | EnterMeetingOnPlans;

export type MeetingState =
  | { stage: 'not-recorded' }
  | { stage: 'recorded'; meeting: MeetingRecorded['data'] }
  | { stage: 'entered'; meeting: MeetingRecorded['data']; plans: PlanEntry[] };

export const initialMeetingState: MeetingState = { stage: 'not-recorded' };

/** Pure: the events a meeting command means at `now`, or a DomainError saying why not. Entering it again records nothing. */
export function decideMeeting(command: MeetingCommand, state: MeetingState, council: string, now: Date): MeetingEvent[] {
  if (command.type === 'RecordMeeting') {
    if (state.stage !== 'not-recorded') throw DomainError.alreadyExists(`The meeting ${command.data.meetingId} is already recorded.`);
    const { meetingId, plans } = command.data;
    return [{ type: 'MeetingRecorded', data: { council, meetingId, ...requireMeetingAskable(command.data, now), plans } }];
  }
  if (state.stage === 'not-recorded') throw DomainError.notFound('There is no such meeting: record it first.');
  if (state.stage === 'entered') return [];
  requireEveryPlanEntered(state.meeting.plans.map((plan) => plan.planId), command.data.plans);
  return [{ type: 'MeetingEnteredOnPlans', data: { meetingId: state.meeting.meetingId, plans: command.data.plans } }];
}

/** A meeting that may be recorded as asked, before any of its plans is looked at: its words as they are recorded. */
export function requireMeetingAskable(asked: MeetingAsked, now: Date): Omit<MeetingRecorded['data'], 'council' | 'meetingId' | 'plans'> {
  requirePlansCovered(asked.plans.map((plan) => plan.planId), 'this meeting');
  for (const plan of asked.plans) requireWithinLimit(PLAN_LIMITS.commentsPerScrutiny, plan.comments.length, `the comments on plan '${plan.planId}'`);
  const meetingDate = requirePastDate(asked.meetingDate, 'meeting date', now);
  return { committee: asked.committee.trim(), meetingDate, minuteRef: asked.minuteRef?.trim() || null };
}

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingRecorded') return { stage: 'recorded', meeting: event.data };
  if (state.stage === 'not-recorded') throw new Error('A meeting is entered on its plans after it is recorded.');
  return { stage: 'entered', meeting: state.meeting, plans: event.data.plans };
}
