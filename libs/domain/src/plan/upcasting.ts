import type { PlanEvent, PlanEventType } from './plan-events';
import { PLAN_EVENT_SCHEMA_VERSIONS } from './plan-events';
import { DEFAULT_TOLERANCE_PERCENT } from './indicators/indicator-values';

type EventData = Record<string, unknown>;

/** For each type, the step from version n (the key) to n + 1. */
const UPCASTERS: Partial<Record<PlanEventType, Record<number, (data: EventData) => EventData>>> = {
  // Version 1 had no per-indicator tolerance: the default applied to every indicator.
  IndicatorDefined: { 1: (data) => ({ ...data, tolerance: DEFAULT_TOLERANCE_PERCENT }) },
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
