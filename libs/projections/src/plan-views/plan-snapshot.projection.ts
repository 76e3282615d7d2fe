import type { PlanKey } from '@app/domain';
import type { ProjectedEvent } from '../projector/projection';
import type { PlanView } from './plan-view';

export const PLAN_SNAPSHOTS_COLLECTION = 'plan_snapshots';

/** A snapshot is kept after every this many events of a stream (revisions 99, 199, ...). */
export const PLAN_SNAPSHOT_INTERVAL = 100;

/** The plan as it was after the event at `revision`: where time travel to a later point may start. */
export type PlanSnapshotDocument = {
  id: string;
  planKey: PlanKey;
  planId: string;
  revision: number;
  position: number;
  /** Record time of the snapshot's last event. */
  recordedAt: string;
  /** The stored hash of the snapshot's last event, which the next event read from the store must link to. */
  hash: string | null;
  view: PlanView;
};

export const isSnapshotRevision = (revision: number): boolean => (revision + 1) % PLAN_SNAPSHOT_INTERVAL === 0;

/** The revision of the newest snapshot cut at or before `revision`; -1 when it is before the first. */
export const snapshotRevisionAtOrBefore = (revision: number): number =>
  Math.floor((revision + 1) / PLAN_SNAPSHOT_INTERVAL) * PLAN_SNAPSHOT_INTERVAL - 1;

/** The id of a plan's snapshot after the event at `revision`, so a reader that knows the revision can get it by id. */
export const planSnapshotId = (planKey: PlanKey, revision: number): string => `${planKey}@${revision}`;

/**
 * The snapshot the plan-view projection derives from the view it has just written, one document per
 * snapshot so that none grows with the stream.
 */
export function snapshotOf(planKey: PlanKey, view: PlanView, event: ProjectedEvent): PlanSnapshotDocument {
  return {
    id: planSnapshotId(planKey, event.revision),
    planKey,
    planId: view.planId,
    revision: event.revision,
    position: event.position,
    recordedAt: event.recordedAt,
    hash: typeof event.metadata.hash === 'string' ? event.metadata.hash : null,
    view,
  };
}
