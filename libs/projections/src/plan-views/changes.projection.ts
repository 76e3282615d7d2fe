import { PLAN_STREAM_PREFIX, planKey } from '@app/domain';
import type { ProjectedEvent, Projection } from '../projector/projection';
import { documentBody, eventEntryId, planEventOf, planIdOf, planKeyOf } from './plan-event';
import { summaryOf } from './plan-event-traits';

export const CHANGES_PROJECTION = 'changes';
export const CHANGES_COLLECTION = 'changes';
/** Per plan, the council and service its changes are scoped by: the feed's own copy, read once per plan per batch. */
export const CHANGE_SCOPES_COLLECTION = 'change_scopes';

/** One change of the feed: what a follower learns of each event of a council's plans. */
export type Change = {
  position: number;
  planId: string;
  service: string;
  revision: number;
  type: string;
  recordedAt: string;
  summary: string;
};

/** A change as stored: with the council the feed is scoped by. */
export type ChangeDocument = Change & { council: string };

type ChangeScope = { council: string; service: string };

function changeOf(event: ProjectedEvent, { council, service }: ChangeScope): ChangeDocument {
  return {
    council,
    service,
    position: event.position,
    planId: planIdOf(event),
    revision: event.revision,
    type: event.type,
    recordedAt: event.recordedAt,
    summary: summaryOf(event),
  };
}

/**
 * The change feed: every event of a plan stream, in global order, with the history's one-line
 * summary, scoped by the council and service of its plan. The scope comes from the plan's
 * `PlanDrafted` and is kept per plan, so an event needs no other read model; each change is
 * derived from the scope document the event has just gone through, so any event type, today's or a
 * later release's, is carried without code of its own here.
 */
export const changesProjection: Projection = {
  name: CHANGES_PROJECTION,
  // 2: budget events are summarised in words instead of by their type.
  // 3: risk events have their one-line summaries, not their type.
  // 4: one-line summaries of contracts, key posts, skills and workforce events.
  // 5: narrative sections and contributions are summarised in words, not by their event type.
  // 9: reviews of an approved plan's progress are summarised in words, not by their event type.
  // 10: checks of actuals (verified, rejected) have their one-line summaries.
  // 11: assignments of owners and approvers have their one-line summaries.
  // 12: roll-forwards have their one-line summaries.
  // 13: summaries of targets and actuals say baseline-relative targets, dates and yes/no results in words.
  // 14: actuals' one-line summaries name their data-quality notes.
  version: 14,
  collections: [CHANGES_COLLECTION, CHANGE_SCOPES_COLLECTION],
  // Every read is one council's changes after a position; an officer's also names their services.
  indexes: {
    [CHANGES_COLLECTION]: [
      { council: 1, position: 1 },
      { council: 1, service: 1, position: 1 },
    ],
  },
  filter: { streamPrefixes: [PLAN_STREAM_PREFIX] },
  documentsFor: (event) => [{ collection: CHANGE_SCOPES_COLLECTION, id: planKeyOf(event) }],
  apply(document, event, ref) {
    if (document !== null) return document;
    const planEvent = planEventOf(event);
    if (planEvent?.type !== 'PlanDrafted') return null;
    const { council, service, planId } = planEvent.data;
    // A stream named by the bare plan id, from before plan keys, is not served (docs/architecture.md, "Tenancy").
    if (ref.id !== planKey(council, planId)) return null;
    const scope: ChangeScope = { council, service };
    return { id: ref.id, ...scope };
  },
  derive(document, event) {
    const change = changeOf(event, documentBody<ChangeScope>(document));
    return [{ collection: CHANGES_COLLECTION, document: { id: eventEntryId(event), ...change } }];
  },
};
