import type { DecisionState, MeetingState, PlanConsidered, PlanEntry } from '@app/domain';
import type { LoadedRecord } from './council-record-stream';

/** Where a record stands: entered on every plan it names, or interrupted before that and still to be completed. */
export type RecordStatus = 'entered' | 'interrupted';

/** One plan of a record: as it was checked, and as the record was entered on it once it was. */
export type PlanOfRecord<P> = P & {
  /** The plan's stream after the record was entered on it, null until then or when it refused. */
  entry: { revision: number; position: number } | null;
  /** Why the plan refused the record when an interrupted one was completed; null otherwise. */
  refusedBecause: string | null;
};

export interface MeetingAnswer {
  meetingId: string;
  committee: string;
  meetingDate: string;
  minuteRef: string | null;
  status: RecordStatus;
  /** `kind`: `scrutiny` of a plan not yet approved, `review` of an approved plan's progress. */
  plans: PlanOfRecord<PlanConsidered>[];
  /** The last plan event written for it: pass it as `waitFor` to read each plan with it. Null while none is. */
  position: number | null;
  recordedAt: string;
  recordedBy: string;
}

export interface DecisionAnswer {
  decisionId: string;
  decisionRef: string;
  body: string;
  meetingDate: string;
  title: string;
  status: RecordStatus;
  /** `versionLabel`: the version approved; `revision`: the plan's revision it was checked at. */
  plans: PlanOfRecord<{ planId: string; versionLabel: string; revision: number }>[];
  position: number | null;
  recordedAt: string;
  recordedBy: string;
}

function plansOfRecord<P extends { planId: string }>(plans: P[], entries: PlanEntry[] | null): PlanOfRecord<P>[] {
  return plans.map((plan) => {
    const entry = entries?.find((candidate) => candidate.planId === plan.planId);
    if (!entry) return { ...plan, entry: null, refusedBecause: null };
    return entry.entered
      ? { ...plan, entry: { revision: entry.revision, position: entry.position }, refusedBecause: null }
      : { ...plan, entry: null, refusedBecause: entry.reason };
  });
}

function lastPosition(entries: PlanEntry[] | null): number | null {
  const positions = (entries ?? []).flatMap((entry) => (entry.entered ? [entry.position] : []));
  return positions.length === 0 ? null : Math.max(...positions);
}

function recorded(loaded: LoadedRecord<unknown>): { recordedAt: string; recordedBy: string } {
  return { recordedAt: loaded.recordedAt ?? '', recordedBy: loaded.recordedBy?.name ?? '' };
}

export function meetingAnswer(state: MeetingState, loaded: LoadedRecord<unknown>): MeetingAnswer {
  if (state.stage === 'not-recorded') throw new Error(`The meeting of ${loaded.streamId} is answered before it is recorded.`);
  const { council: _council, plans, ...meeting } = state.meeting;
  const entries = state.stage === 'entered' ? state.plans : null;
  return {
    ...meeting,
    status: entries ? 'entered' : 'interrupted',
    plans: plansOfRecord(plans, entries),
    position: lastPosition(entries),
    ...recorded(loaded),
  };
}

export function decisionAnswer(state: DecisionState, loaded: LoadedRecord<unknown>): DecisionAnswer {
  if (state.stage === 'not-taken') throw new Error(`The decision of ${loaded.streamId} is answered before it is taken.`);
  const { council: _council, plans, ...decision } = state.decision;
  const entries = state.stage === 'entered' ? state.plans : null;
  return {
    ...decision,
    status: entries ? 'entered' : 'interrupted',
    plans: plansOfRecord(plans, entries),
    position: lastPosition(entries),
    ...recorded(loaded),
  };
}
