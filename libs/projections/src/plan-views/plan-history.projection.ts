import type { EventActor } from '@app/event-store';
import { PLAN_STREAM_PREFIX, type PlanEvent, type PlanKey } from '@app/domain';
import type { ReadDocument } from '@app/read-store';
import type { Projection } from '../projector/projection';
import { actorOf, eventEntryId, planEventOf, planIdOf, planKeyOf } from './plan-event';
import { summaryOf } from './summaries';

export const PLAN_HISTORY_COLLECTION = 'plan_history';

/** One audit-trail entry: an event as an auditor reads it. */
export type PlanHistoryEntry = {
  planId: string;
  position: number;
  revision: number;
  recordedAt: string;
  type: string;
  actor: EventActor | null;
  reason: string | null;
  summary: string;
  /** Priority refs and indicator codes the event touches. */
  refs: string[];
  /**
   * The one ref an event touches (every plan event touches at most one), as a plain field so the
   * `ref` filter is an equality any read store can index.
   */
  ref: string | null;
  data: Record<string, unknown>;
};

/** An entry as stored: with the key (council and plan id) that a plan's trail is found by. */
export type PlanHistoryDocument = PlanHistoryEntry & { planKey: PlanKey };

/** The priorities and indicators an event is about. */
function refsOf(event: PlanEvent): string[] {
  switch (event.type) {
    case 'PriorityAdded':
    case 'PriorityRevised':
    case 'PriorityWithdrawn':
      return [event.data.ref];
    case 'OutcomeAdded':
    case 'OutcomeChanged':
    case 'OutcomeRemoved':
    case 'ProgressRecorded':
      return [event.data.priorityRef];
    case 'IndicatorDefined':
    case 'IndicatorRevised':
    case 'TargetSet':
    case 'TargetChanged':
    case 'ActualRecorded':
    case 'ActualRestated':
      return [event.data.code];
    default:
      return [];
  }
}

const reasonOf = (data: Record<string, unknown>): string | null =>
  typeof data.reason === 'string' ? data.reason : null;

export const planHistoryProjection: Projection = {
  name: 'plan-history',
  // 2: documents keyed by stream and revision, not by event id (ids are unique per stream only).
  // 3: entries found by the plan's key (council and plan id), not by the plan id alone.
  version: 3,
  collections: [PLAN_HISTORY_COLLECTION],
  indexes: {
    [PLAN_HISTORY_COLLECTION]: [
      { planKey: 1, position: 1 },
      { planKey: 1, type: 1, position: 1 },
      { planKey: 1, ref: 1, position: 1 },
    ],
  },
  filter: { streamPrefixes: [PLAN_STREAM_PREFIX] },
  documentsFor: (event) => [{ collection: PLAN_HISTORY_COLLECTION, id: eventEntryId(event) }],
  apply(_document, event) {
    const planEvent = planEventOf(event);
    const refs = planEvent ? refsOf(planEvent) : [];
    const entry: PlanHistoryDocument = {
      planKey: planKeyOf(event),
      planId: planIdOf(event),
      position: event.position,
      revision: event.revision,
      recordedAt: event.recordedAt,
      type: event.type,
      actor: actorOf(event),
      reason: reasonOf(event.data),
      summary: summaryOf(event),
      refs,
      ref: refs[0] ?? null,
      data: event.data,
    };
    return { id: eventEntryId(event), ...entry } as ReadDocument;
  },
};
