import type { EventActor } from '@app/event-store';
import { codeKey, PLAN_STREAM_PREFIX, type PlanKey } from '@app/domain';
import type { ReadDocument } from '@app/read-store';
import type { ProjectedEvent, Projection } from '../projector/projection';
import { actorOf, planEventOf, planIdOf, planKeyOf } from './plan-event';
import { summaryOf, touchedBy, type RefKind, type TouchedRef } from './plan-event-traits';

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
  /** Refs of the items the event touches (priority refs, indicator codes, ...). */
  refs: string[];
  /** The one ref an event touches (every plan event touches at most one), as the event writes it. */
  ref: string | null;
  data: Record<string, unknown>;
};

/**
 * An entry as stored: with the key (council and plan id) that a plan's trail is found by, and the
 * `refKey` the `ref` filter finds it by (see `historyRefKeys`).
 */
export type PlanHistoryDocument = PlanHistoryEntry & { planKey: PlanKey; refKey: string | null };

/**
 * How the `ref` filter compares each kind of item: a priority ref is kept as written and an
 * indicator code as it is compared (codes are not told apart by case), each marked with its kind, so
 * "cp7" finds CP7's entries but not those of a priority "CP7". A risk ref is kept as written, as a
 * priority's is.
 */
const REF_KEY_OF_KIND: Record<RefKind, (ref: string) => string> = {
  priority: (ref) => ref,
  indicator: codeKey,
  budgetLine: codeKey,
  risk: (ref) => ref,
  contract: (ref) => ref,
  keyPost: (ref) => ref,
  skill: (ref) => ref,
  section: (key) => key,
  contribution: (themeId) => themeId,
};

const refKeyOf = ({ kind, ref }: TouchedRef): string => `${kind}:${REF_KEY_OF_KIND[kind](ref)}`;

/** The `refKey`s of the entries a `ref` filter names: an item of any kind with that ref. */
export function historyRefKeys(ref: string): string[] {
  return (Object.keys(REF_KEY_OF_KIND) as RefKind[]).map((kind) => refKeyOf({ kind, ref }));
}

/**
 * An entry is named by its event's global position (unique across streams), padded to the digits of
 * the largest safe integer so that ids sort as positions do: a rebuild then appends every entry at
 * the end of the store's index instead of on a page of its plan's.
 */
const historyEntryId = (event: ProjectedEvent): string => String(event.position).padStart(16, '0');

const reasonOf = (data: Record<string, unknown>): string | null =>
  typeof data.reason === 'string' ? data.reason : null;

export const planHistoryProjection: Projection = {
  name: 'plan-history',
  // 2: documents keyed by stream and revision, not by event id (ids are unique per stream only).
  // 3: entries found by the plan's key (council and plan id), not by the plan id alone.
  // 4: entries found by `refKey`, so that a code in other capitals finds its indicator's.
  // 5: budget events are summarised in words and found by their line's code.
  // 6: priorities' events hold their data as schema version 2 reads it (kind, sponsor, manager, due), older ones upcast.
  // 7: risk events have their one-line summaries and are found by their risk's ref.
  // 8: entries for contracts, key posts, skills and workforce events, with their summaries and refKeys.
  // 9: narrative sections and contributions have their own summaries and are found by key and theme id.
  // 13: scrutiny comments hold their data as schema version 2 reads it (the meeting), and reviews of progress have their summaries.
  // 14: priorities' and indicators' events hold their data as PriorityAdded 3 and IndicatorDefined 4 read it (theme links), older ones upcast.
  // 15: actuals hold their data as schema version 3 reads it (recordedBy), and checks of actuals have their entries.
  // 16: assignments of owners and approvers have their entries.
  // 17: roll-forwards, from last year's plan and to next year's, have their entries.
  // 18: targets and actuals hold their data as IndicatorDefined 5, TargetSet/TargetChanged 3 and ActualRecorded/Restated 4 read it (baseline targets, dates and yes/no), older ones upcast.
  // 19: actuals hold their data as schema version 5 reads it (data-quality notes), and their summaries name the notes.
  // 20: entries named by their event's position, in log order, not by stream and revision.
  version: 20,
  collections: [PLAN_HISTORY_COLLECTION],
  indexes: {
    [PLAN_HISTORY_COLLECTION]: [
      { planKey: 1, position: 1 },
      { planKey: 1, type: 1, position: 1 },
      { planKey: 1, refKey: 1, position: 1 },
    ],
  },
  // One entry per event, made from the event alone.
  insertOnly: [PLAN_HISTORY_COLLECTION],
  filter: { streamPrefixes: [PLAN_STREAM_PREFIX] },
  documentsFor: (event) => [{ collection: PLAN_HISTORY_COLLECTION, id: historyEntryId(event) }],
  apply(_document, event) {
    const planEvent = planEventOf(event);
    const touched = planEvent ? touchedBy(planEvent) : null;
    const refs = touched ? [touched.ref] : [];
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
      refKey: touched ? refKeyOf(touched) : null,
      data: event.data,
    };
    return { id: historyEntryId(event), ...entry } as ReadDocument;
  },
};
