import { IdempotencyKeyReusedError, NotAssignedToServiceError, PlanCommandRefusedError, PlanNotFoundError } from '@app/application-errors';
import {
  canonicalJson,
  DECISION_EVENT_SCHEMA_VERSIONS,
  DECISION_STREAM_PREFIX,
  decideDecision,
  decideMeeting,
  decisionStreamId,
  DomainError,
  evolveDecision,
  evolveMeeting,
  initialDecisionState,
  initialMeetingState,
  MEETING_EVENT_SCHEMA_VERSIONS,
  MEETING_STREAM_PREFIX,
  meetingStreamId,
  refusalNamingEachPlan,
  requireDecisionAskable,
  requireMeetingAskable,
  requireSameDecision,
  type DecisionAsked,
  type DecisionEvent,
  type DecisionState,
  type MeetingAsked,
  type MeetingEvent,
  type MeetingRecorded,
  type MeetingState,
  type PlanCommand,
  type PlanEntry,
  type PlanRefusal,
} from '@app/domain';
import type { EventActor } from '@app/event-store';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { Operation } from '../auth/access-table';
import type { Caller, Role } from '../auth/caller';
import type { RequestTrace } from '../plans/commands/command-origin';
import { PerKeyQueue } from '../plans/commands/per-key-queue';
import { actorFor, PlanCommandService, type PlanCheck } from '../plans/commands/plan-command.service';
import { CouncilRecordStream, type LoadedRecord, type RecordFold } from './council-record-stream';
import { decisionAnswer, meetingAnswer, type DecisionAnswer, type MeetingAnswer } from './council-records.answers';

/** Namespace of the ids of meetings, decisions and the events that record them, derived so that writing one again is a no-op. */
const COUNCIL_RECORD_NAMESPACE = '8d3c2b7e-5a41-4f0e-9c6d-1b2a3e4f5d60';

const MEETING_FOLD: RecordFold<MeetingState, MeetingEvent> = {
  initial: initialMeetingState,
  evolve: evolveMeeting,
  schemaVersions: MEETING_EVENT_SCHEMA_VERSIONS,
};

const DECISION_FOLD: RecordFold<DecisionState, DecisionEvent> = {
  initial: initialDecisionState,
  evolve: evolveDecision,
  schemaVersions: DECISION_EVENT_SCHEMA_VERSIONS,
};

const derivedId = (...parts: string[]): string => uuidv5(JSON.stringify(parts), COUNCIL_RECORD_NAMESPACE);

/** What entering a record on its plans needs to know of it: the same whether it is entered at once or completed later. */
interface RecordToEnter {
  kind: 'meeting' | 'decision';
  id: string;
  council: string;
  operation: Operation;
  commands: { planId: string; command: PlanCommand }[];
}

/**
 * Meetings and decisions that cover several plans. The event store has no transaction across
 * streams, so each is written in steps that can be repeated: every plan is checked first and
 * nothing is written unless all can take it; the record is written once on its own stream, naming
 * each plan and the revision it was checked at; it is entered on each plan through the plans' one
 * command path, as a keyed write (the key names the record and cannot come from a client), so that
 * entering it again returns the first write instead of making a second; last, the record says it was
 * entered. A record interrupted part-way (the process stopped after the record and some plans) is
 * completed when the application starts (`completeInterrupted`), and by any request that asks for the
 * same decision again; either finds what is missing and writes exactly that.
 */
@Injectable()
export class CouncilRecordsService {
  private readonly logger = new Logger('CouncilRecords');
  private readonly turns = new PerKeyQueue();

  constructor(
    private readonly records: CouncilRecordStream,
    private readonly plans: PlanCommandService,
  ) {}

  recordMeeting(caller: Caller, asked: MeetingAsked, trace: RequestTrace): Promise<MeetingAnswer> {
    const meetingId = trace.idempotencyKey === null ? randomUUID() : derivedId('meeting', caller.council, trace.idempotencyKey);
    const streamId = meetingStreamId(caller.council, meetingId);
    return this.turns.run(streamId, async () => {
      const now = new Date();
      const loaded = await this.records.load(streamId, MEETING_FOLD);
      if (loaded.state.stage !== 'not-recorded') {
        requireSameMeeting(loaded.state.meeting, asked);
        return this.meetingAsRecorded(loaded, trace);
      }
      const words = requireMeetingAskable(asked, now);
      const checks = await Promise.all(
        asked.plans.map(async ({ planId, comments }) => ({
          comments,
          check: await this.plans.check(
            planId,
            { type: 'ConsiderAtMeeting', data: { meetingId, committee: words.committee, meetingDate: words.meetingDate, minuteRef: words.minuteRef ?? undefined, comments } },
            caller,
          ),
        })),
      );
      const plans = requireEveryPlanTakesIt(
        checks.map(({ check }) => check),
        'Nothing was recorded',
      ).map((checked, index) => ({
        planId: checked.planId,
        comments: checks[index].comments,
        kind: checked.events[0]?.type === 'ProgressReviewed' ? ('review' as const) : ('scrutiny' as const),
        revision: checked.revision,
      }));
      const events = decideMeeting({ type: 'RecordMeeting', data: { meetingId, ...asked, plans } }, loaded.state, caller.council, now);
      const actor = actorFor(caller, trace);
      await this.records.append(loaded, events.map((event) => ({ id: derivedId('record', streamId), event })), MEETING_FOLD, actor, trace);
      return this.meetingAsRecorded(await this.records.load(streamId, MEETING_FOLD), trace);
    });
  }

  takeDecision(caller: Caller, asked: DecisionAsked, trace: RequestTrace): Promise<DecisionAnswer> {
    const decisionId = derivedId('decision', caller.council, asked.decisionRef.trim());
    const streamId = decisionStreamId(caller.council, decisionId);
    return this.turns.run(streamId, async () => {
      const now = new Date();
      const loaded = await this.records.load(streamId, DECISION_FOLD);
      if (loaded.state.stage !== 'not-taken') {
        requireSameDecision(loaded.state.decision, asked);
        return this.decisionAsTaken(loaded, trace);
      }
      const words = requireDecisionAskable(asked, now);
      const checks = await Promise.all(
        asked.plans.map(({ planId, versionLabel }) =>
          this.plans.check(
            planId,
            { type: 'ApproveByDecision', data: { body: words.body, meetingDate: words.meetingDate, decisionRef: words.decisionRef, ...(versionLabel === null ? {} : { versionLabel }) } },
            caller,
          ),
        ),
      );
      const plans = requireEveryPlanTakesIt(checks, 'No plan was approved').map((checked) => ({
        planId: checked.planId,
        versionLabel: approvedVersionOf(checked),
        revision: checked.revision,
      }));
      const events = decideDecision({ type: 'TakeDecision', data: { decisionId, ...words, plans } }, loaded.state, caller.council, now);
      await this.records.append(loaded, events.map((event) => ({ id: derivedId('record', streamId), event })), DECISION_FOLD, actorFor(caller, trace), trace);
      return this.decisionAsTaken(await this.records.load(streamId, DECISION_FOLD), trace);
    });
  }

  async readMeeting(caller: Caller, meetingId: string): Promise<MeetingAnswer> {
    const loaded = await this.records.load(meetingStreamId(caller.council, meetingId), MEETING_FOLD);
    if (loaded.state.stage === 'not-recorded') throw DomainError.notFound(`There is no meeting ${meetingId} in this council.`);
    return meetingAnswer(loaded.state, loaded);
  }

  async readDecision(caller: Caller, decisionId: string): Promise<DecisionAnswer> {
    const loaded = await this.records.load(decisionStreamId(caller.council, decisionId), DECISION_FOLD);
    if (loaded.state.stage === 'not-taken') throw DomainError.notFound(`There is no decision ${decisionId} in this council.`);
    return decisionAnswer(loaded.state, loaded);
  }

  /** Completes every meeting and decision interrupted before it was entered on all its plans; how many there were. */
  async completeInterrupted(): Promise<number> {
    const streamIds = await this.records.streamsWithOneEvent([MEETING_STREAM_PREFIX, DECISION_STREAM_PREFIX]);
    const trace = { requestId: `recovery-${randomUUID()}`, correlationId: '' };
    for (const streamId of streamIds) {
      await this.turns.run(streamId, async () => {
        if (streamId.startsWith(MEETING_STREAM_PREFIX)) await this.meetingAsRecorded(await this.records.load(streamId, MEETING_FOLD), trace);
        else await this.decisionAsTaken(await this.records.load(streamId, DECISION_FOLD), trace);
      });
      this.logger.warn({ streamId }, 'Completed a record interrupted before it was entered on all its plans');
    }
    return streamIds.length;
  }

  /** The meeting's answer once it is entered on every plan, entering it first where it is not yet. */
  private async meetingAsRecorded(loaded: LoadedRecord<MeetingState>, trace: Pick<RequestTrace, 'requestId' | 'correlationId'>): Promise<MeetingAnswer> {
    const { state } = loaded;
    if (state.stage !== 'recorded') return meetingAnswer(state, loaded);
    const { meeting } = state;
    const entries = await this.enter(loaded, trace, {
      kind: 'meeting',
      id: meeting.meetingId,
      council: meeting.council,
      operation: 'meetings.record',
      commands: meeting.plans.map(({ planId, comments }) => ({
        planId,
        command: {
          type: 'ConsiderAtMeeting',
          data: { meetingId: meeting.meetingId, committee: meeting.committee, meetingDate: meeting.meetingDate, minuteRef: meeting.minuteRef ?? undefined, comments },
        },
      })),
    });
    const entered = decideMeeting({ type: 'EnterMeetingOnPlans', data: { plans: entries } }, state, meeting.council, new Date());
    await this.records.append(loaded, entered.map((event) => ({ id: derivedId('entered', loaded.streamId), event })), MEETING_FOLD, recorderOf(loaded), trace);
    const after = await this.records.load(loaded.streamId, MEETING_FOLD);
    return meetingAnswer(after.state, after);
  }

  /** The decision's answer once it is entered on every plan, entering it first where it is not yet. */
  private async decisionAsTaken(loaded: LoadedRecord<DecisionState>, trace: Pick<RequestTrace, 'requestId' | 'correlationId'>): Promise<DecisionAnswer> {
    const { state } = loaded;
    if (state.stage !== 'taken') return decisionAnswer(state, loaded);
    const { decision } = state;
    const entries = await this.enter(loaded, trace, {
      kind: 'decision',
      id: decision.decisionId,
      council: decision.council,
      operation: 'decisions.take',
      commands: decision.plans.map(({ planId, versionLabel }) => ({
        planId,
        command: {
          type: 'ApproveByDecision',
          data: { body: decision.body, meetingDate: decision.meetingDate, decisionRef: decision.decisionRef, versionLabel },
        },
      })),
    });
    const entered = decideDecision({ type: 'EnterDecisionOnPlans', data: { plans: entries } }, state, decision.council, new Date());
    await this.records.append(loaded, entered.map((event) => ({ id: derivedId('entered', loaded.streamId), event })), DECISION_FOLD, recorderOf(loaded), trace);
    const after = await this.records.load(loaded.streamId, DECISION_FOLD);
    return decisionAnswer(after.state, after);
  }

  /**
   * Enters the record on each plan, one after another, as the one who recorded it, keyed by the
   * record: a plan that already holds the keyed write answers it again and gets nothing more. A plan
   * that refuses now (changed between an interruption and its completion) is named with why; a store
   * that fails stops here, and the record stays to be completed.
   */
  private async enter(loaded: LoadedRecord<unknown>, trace: Pick<RequestTrace, 'requestId' | 'correlationId'>, record: RecordToEnter): Promise<PlanEntry[]> {
    const recordedBy = recorderOf(loaded);
    const caller: Caller = { id: recordedBy.id, name: recordedBy.name, roles: [recordedBy.role as Role], council: record.council, services: null };
    const enteringTrace: RequestTrace = {
      operation: record.operation,
      requestId: trace.requestId,
      correlationId: loaded.correlationId ?? trace.correlationId,
      // A space, which no Idempotency-Key header may hold: a client cannot take the key of a record.
      idempotencyKey: `${record.kind} ${record.id}`,
      expectedRevision: null,
      route: `POST /v1/${record.kind}s`,
      body: { [`${record.kind}Id`]: record.id },
    };
    const entries: PlanEntry[] = [];
    for (const { planId, command } of record.commands) {
      try {
        const outcome = await this.plans.execute(planId, command, caller, enteringTrace);
        entries.push({ planId, entered: true, revision: outcome.revision, position: outcome.position });
      } catch (error) {
        if (!(error instanceof PlanCommandRefusedError || error instanceof PlanNotFoundError || error instanceof NotAssignedToServiceError || error instanceof IdempotencyKeyReusedError)) throw error;
        this.logger.error({ planId, record: record.id, reason: error.message }, `A ${record.kind} could not be entered on one of its plans`);
        entries.push({ planId, entered: false, reason: error.message });
      }
    }
    return entries;
  }
}

/** A meeting asked again under the Idempotency-Key that recorded it must be the meeting recorded. */
function requireSameMeeting(recorded: MeetingRecorded['data'], asked: MeetingAsked): void {
  const words = (meeting: { committee: string; meetingDate: string; minuteRef?: string | null; plans: { planId: string; comments: string[] }[] }) =>
    canonicalJson({
      committee: meeting.committee.trim(),
      meetingDate: meeting.meetingDate,
      minuteRef: meeting.minuteRef?.trim() || null,
      plans: meeting.plans.map(({ planId, comments }) => ({ planId, comments })),
    });
  if (words(recorded) !== words(asked)) throw new IdempotencyKeyReusedError(null);
}

/** The plans' checks, each able to take the record; else one refusal naming every plan that cannot, and why. */
function requireEveryPlanTakesIt(checks: PlanCheck[], nothingDone: string): Extract<PlanCheck, { events: unknown }>[] {
  const refusals: PlanRefusal[] = checks.flatMap((check) => ('refusal' in check ? [{ planId: check.planId, reason: check.refusal }] : []));
  if (refusals.length > 0) throw refusalNamingEachPlan(refusals, nothingDone);
  return checks as Extract<PlanCheck, { events: unknown }>[];
}

function approvedVersionOf(checked: Extract<PlanCheck, { events: unknown }>): string {
  const [approved] = checked.events;
  if (approved?.type !== 'PlanApproved' || approved.data.versionLabel === null) throw new Error(`The check of plan ${checked.planId} approved no version.`);
  return approved.data.versionLabel;
}

function recorderOf(loaded: LoadedRecord<unknown>): EventActor {
  if (loaded.recordedBy === null) throw new Error(`The record ${loaded.streamId} names nobody who recorded it.`);
  return loaded.recordedBy;
}
