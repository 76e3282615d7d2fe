import type { PlanEvent, PlanEventType } from './plan-events';
import { PLAN_EVENT_SCHEMA_VERSIONS } from './plan-events';
import { DEFAULT_TOLERANCE_PERCENT, NO_DATA_QUALITY_NOTES, type Polarity } from './indicators/indicator-values';
import { defaultComparison } from './indicators/targets';

type EventData = Record<string, unknown>;

/**
 * Version 1 of the priorities' events knew neither kinds nor sponsors, managers or dues: every item
 * was a priority, and its outcomes were due only as their words said.
 */
const undue = (outcome: unknown): unknown => ({ ...(outcome as EventData), due: null });
const ofPriority = (data: EventData): EventData => ({ ...data, priorityKind: 'priority' });

/**
 * Before comparisons were explicit, every actual was rated by its event's polarity whatever the
 * target's stored comparison said, against the value stored then (a figure the words gave
 * included): the target is read with that comparison and that value, so nothing reported before is
 * recoloured. A target without a value was never rated, and still is not.
 */
const ratedAsBefore = (target: unknown, polarity: Polarity): EventData => {
  const stored = target as EventData;
  return { ...stored, upper: null, comparison: stored.value === null ? null : defaultComparison(polarity) };
};
const polarityOf = (data: EventData): Polarity => data.polarity as Polarity;
const actualRatedAsBefore = (data: EventData): EventData => {
  const inForce = data.assessedAgainst as EventData;
  const target = inForce.target === null ? null : ratedAsBefore(inForce.target, polarityOf(data));
  return { ...data, assessedAgainst: { ...inForce, target, toleranceAbsolute: null } };
};

/** Before targets could be relative to a baseline, none was: each held its own figure, or words alone. */
const withoutBaseline = (target: unknown): EventData => ({ ...(target as EventData), baseline: null });
const actualWithoutBaseline = (data: EventData): EventData => {
  const inForce = data.assessedAgainst as EventData;
  const target = inForce.target === null ? null : withoutBaseline(inForce.target);
  return { ...data, assessedAgainst: { ...inForce, target, baselineFigure: null } };
};
const withoutDataQualityNotes = (data: EventData): EventData => ({ ...data, ...NO_DATA_QUALITY_NOTES });

/** For each type, the step from version n (the key) to n + 1. */
const UPCASTERS: Partial<Record<PlanEventType, Record<number, (data: EventData) => EventData>>> = {
  // Version 1 had no per-indicator tolerance: the default applied to every indicator.
  IndicatorDefined: {
    1: (data) => ({ ...data, tolerance: DEFAULT_TOLERANCE_PERCENT }),
    2: (data) => ({
      ...data,
      toleranceAbsolute: null,
      targets: (data.targets as unknown[]).map((target) => ratedAsBefore(target, polarityOf(data))),
    }),
    // Version 3 linked no theme by id.
    3: (data) => ({ ...data, themeId: null }),
    4: (data) => ({ ...data, targets: (data.targets as unknown[]).map(withoutBaseline) }),
  },
  TargetSet: {
    1: (data) => ({ ...data, target: ratedAsBefore(data.target, polarityOf(data)) }),
    2: (data) => ({ ...data, target: withoutBaseline(data.target) }),
  },
  TargetChanged: {
    1: (data) => ({
      ...data,
      previous: ratedAsBefore(data.previous, polarityOf(data)),
      target: ratedAsBefore(data.target, polarityOf(data)),
    }),
    2: (data) => ({ ...data, previous: withoutBaseline(data.previous), target: withoutBaseline(data.target) }),
  },
  // Version 2 did not say who entered the figure: the four-eyes check cannot name them, and lets anyone verify.
  // Version 4 carried no notes on where the figure came from, how it was made or what it leaves out.
  ActualRecorded: { 1: actualRatedAsBefore, 2: (data) => ({ ...data, recordedBy: null }), 3: actualWithoutBaseline, 4: withoutDataQualityNotes },
  ActualRestated: { 1: actualRatedAsBefore, 2: (data) => ({ ...data, recordedBy: null }), 3: actualWithoutBaseline, 4: withoutDataQualityNotes },
  PriorityAdded: {
    1: (data) => ({
      ...data,
      kind: 'priority',
      sponsor: null,
      manager: null,
      outcomes: (data.outcomes as unknown[]).map(undue),
    }),
    // Version 2 linked no theme by id: its themes were the words the plan prints.
    2: (data) => ({ ...data, themeIds: [] }),
  },
  // Version 1 was always a plan's own record of scrutiny, of no meeting recorded for several plans.
  ScrutinyCommentsRecorded: { 1: (data) => ({ ...data, meetingId: null }) },
  PriorityRevised: { 1: (data) => ({ ...data, kind: 'priority' }) },
  PriorityWithdrawn: { 1: (data) => ({ ...data, kind: 'priority' }) },
  OutcomeAdded: { 1: (data) => ({ ...ofPriority(data), outcome: undue(data.outcome) }) },
  OutcomeChanged: { 1: (data) => ({ ...ofPriority(data), before: undue(data.before), after: undue(data.after) }) },
  OutcomeRemoved: { 1: (data) => ({ ...ofPriority(data), outcome: undue(data.outcome) }) },
};

function isPlanEventType(type: string): type is PlanEventType {
  return Object.hasOwn(PLAN_EVENT_SCHEMA_VERSIONS, type);
}

/**
 * Brings an event's stored data to the current schema of its type. Stored events are never
 * rewritten; readers call this on every event before using it. An event without a schema version
 * is version 1.
 */
export function upcastPlanEvent(type: string, schemaVersion: number | undefined, data: EventData): EventData {
  if (!isPlanEventType(type)) throw new Error(`'${type}' is not a service plan event.`);
  const current = PLAN_EVENT_SCHEMA_VERSIONS[type];
  const stored = schemaVersion ?? 1;
  if (stored > current) {
    throw new Error(
      `This ${type} event was stored at schema version ${stored}, newer than this software reads (${current}).`,
    );
  }
  let upcast = data;
  for (let version = stored; version < current; version += 1) {
    const step = UPCASTERS[type]?.[version];
    if (!step) throw new Error(`No upcaster brings ${type} from schema version ${version} to ${version + 1}.`);
    upcast = step(upcast);
  }
  return upcast;
}

/** A stored event as the current PlanEvent it stands for. */
export function toPlanEvent(stored: {
  type: string;
  data: EventData;
  metadata: { schemaVersion?: number };
}): PlanEvent {
  return {
    type: stored.type,
    data: upcastPlanEvent(stored.type, stored.metadata.schemaVersion, stored.data),
  } as PlanEvent;
}
