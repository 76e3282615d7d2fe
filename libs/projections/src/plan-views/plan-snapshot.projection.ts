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

/**
 * The snapshot the plan-view projection derives from the view it has just written, one document per
 * snapshot so that none grows with the stream.
 */
export function snapshotOf(planKey: PlanKey, view: PlanView, event: ProjectedEvent): PlanSnapshotDocument {
  return {
    id: `${planKey}@${event.revision}`,
    planKey,
    planId: view.planId,
    revision: event.revision,
    position: event.position,
    recordedAt: event.recordedAt,
    hash: typeof event.metadata.hash === 'string' ? event.metadata.hash : null,
    view,
  };
}
