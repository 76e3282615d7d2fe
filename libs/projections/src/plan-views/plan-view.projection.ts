import { PLAN_STREAM_PREFIX } from '@app/domain';
import type { ReadDocument } from '@app/read-store';
import type { Projection } from '../projector/projection';
import { documentBody, planKeyOf } from './plan-event';
import { isSnapshotRevision, PLAN_SNAPSHOTS_COLLECTION, snapshotOf } from './plan-snapshot.projection';
import { evolvePlanView, type PlanView } from './plan-view';

export const PLANS_COLLECTION = 'plans';

export type PlanDocument = PlanView & { id: string };

/** The current plan, and every hundred events a snapshot of it for time travel to start from. */
export const planViewProjection: Projection = {
  name: 'plan-view',
  // 3: documents named by the plan's key (council and plan id), not by the plan id alone.
  // 4: snapshots keep their last event's hash, for time travel to link what it reads on to it.
  // 5: every plan carries its budget (lines and computed totals).
  // 6: priorities show their kind, sponsor and manager, and outcomes their due.
  // 7: the plan (and its snapshots) carries the risk register, `risks`.
  // 8: plans carry their contracts, workforce, key posts and skills.
  // 9: plans carry their narrative sections and contributions to corporate themes.
  // 13: scrutiny records name the meeting they came from, and reviews of an approved plan's progress show among them.
  version: 13,
  collections: [PLANS_COLLECTION, PLAN_SNAPSHOTS_COLLECTION],
  indexes: { [PLAN_SNAPSHOTS_COLLECTION]: [{ planKey: 1, revision: -1 }, { planKey: 1, recordedAt: -1 }] },
  filter: { streamPrefixes: [PLAN_STREAM_PREFIX] },
  documentsFor: (event) => [{ collection: PLANS_COLLECTION, id: planKeyOf(event) }],
  apply(document, event, ref) {
    const view = evolvePlanView(document ? documentBody<PlanView>(document) : null, event);
    if (view === null) return document;
    const next: PlanDocument = { id: ref.id, ...view };
    return next as ReadDocument;
  },
  derive(document, event) {
    if (!isSnapshotRevision(event.revision)) return [];
    const snapshot = snapshotOf(planKeyOf(event), documentBody<PlanView>(document), event);
    return [{ collection: PLAN_SNAPSHOTS_COLLECTION, document: snapshot as unknown as ReadDocument }];
  },
};
