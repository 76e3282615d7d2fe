import { Inject, Injectable } from '../nest';
import { EVENT_STORE, type EventStore, readStreamIfAny, type StoredEvent } from '@app/event-store';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { planStreamId, type PlanKey } from '@app/domain';
import { decodePlanEvent } from '@app/projections';
import { firstStoredEventFailure, type StoredEventFailure } from '../stored-events-integrity';
import {
  evolvePlanView,
  PLAN_SNAPSHOT_INTERVAL,
  PLAN_SNAPSHOTS_COLLECTION,
  type PlanSnapshotDocument,
  type PlanView,
} from '@app/projections';

/**
 * The next snapshot is at most this many events after the one we start from, and would have been
 * chosen had it been within the bound: one page always reaches the first event past the point.
 */
const PAGE = PLAN_SNAPSHOT_INTERVAL;

/**
 * What an answer rebuilt from events says of the stored events it read: from the snapshot it started
 * from (whose last event's hash the first must link to) up to the point, and the first event past it,
 * whose recorded time decides where the point falls.
 */
export interface EventsIntegrity {
  ok: boolean;
  eventsChecked: number;
  firstFailure: StoredEventFailure | null;
}

/** The plan rebuilt at a point, and whether the events it was rebuilt from hold. */
export type RebuiltPlan = PlanView & { integrity: EventsIntegrity };

/** A plan of an answer rebuilt from events whose events do not hold. */
export type PlanIntegrityFailure = { planId: string } & EventsIntegrity;

/** Whether the events of every plan of an answer rebuilt `asOf` hold, naming those that do not. */
export type CouncilIntegrity = { ok: boolean; failures: PlanIntegrityFailure[] };

/** The newest snapshot wanted is the last one with `field` at most `atMost`. */
interface SnapshotBound {
  field: 'recordedAt' | 'revision';
  atMost: string | number;
}

/**
 * Rebuilds a plan as the system held it at a past instant or revision, with the same evolve
 * function as the live projection (one truth). It starts from the newest snapshot at or before the
 * point, so the work is bounded by the snapshot interval, not by the stream's length; so is the
 * re-hashing of what it reads, which the snapshot's recorded hash links to the events before it.
 */
@Injectable()
export class PlanTimeTravel {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
  ) {}

  /** The plan from the events recorded up to and including `instant`; null if it did not exist yet. */
  asOf(key: PlanKey, instant: Date): Promise<RebuiltPlan | null> {
    const limit = instant.toISOString();
    // Sorted on the bounded field, so the (planKey, recordedAt) index finds the snapshot in one seek;
    // record time grows with revision within a plan, so it is the same snapshot.
    return this.rebuild(key, { field: 'recordedAt', atMost: limit }, (event) => event.recordedAt <= limit);
  }

  /**
   * Each plan as the system held it at `instant`, for an answer across plans: a plan drafted after
   * the instant is left out, and every plan whose events fail their check is named.
   */
  async everyAsOf(keys: PlanKey[], instant: Date): Promise<{ plans: RebuiltPlan[]; integrity: CouncilIntegrity }> {
    const plans = (await Promise.all(keys.map((key) => this.asOf(key, instant)))).flatMap((plan) => (plan === null ? [] : [plan]));
    const failures = plans.filter((plan) => !plan.integrity.ok).map(({ planId, integrity }) => ({ planId, ...integrity }));
    return { plans, integrity: { ok: failures.length === 0, failures } };
  }

  /** The plan after the event at `revision` and nothing later. */
  atRevision(key: PlanKey, revision: number): Promise<RebuiltPlan | null> {
    return this.rebuild(key, { field: 'revision', atMost: revision }, (event) => event.revision <= revision);
  }

  private async rebuild(
    key: PlanKey,
    snapshotBound: SnapshotBound,
    includes: (event: StoredEvent) => boolean,
  ): Promise<RebuiltPlan | null> {
    const { field, atMost } = snapshotBound;
    const { items } = await this.reads.find(PLAN_SNAPSHOTS_COLLECTION, {
      where: { planKey: key, [field]: { $lte: atMost } },
      sort: [{ field, direction: 'desc' }],
      limit: 1,
    });
    const snapshot = items[0] as unknown as PlanSnapshotDocument | undefined;
    let view: PlanView | null = snapshot ? snapshot.view : null;
    let fromRevision = snapshot ? snapshot.revision + 1 : 0;
    const read: StoredEvent[] = [];
    reading: for (;;) {
      const page = await this.readPage(key, fromRevision);
      for (const event of page) {
        read.push(event);
        if (!includes(event)) break reading;
        view = evolvePlanView(view, decodePlanEvent(event));
      }
      if (page.length < PAGE) break;
      fromRevision = page[page.length - 1].revision + 1;
    }
    if (view === null) return null;
    const found = firstStoredEventFailure(read, snapshot ? snapshot.hash : null);
    const integrity: EventsIntegrity = found
      ? { ok: false, eventsChecked: found.index + 1, firstFailure: found.failure }
      : { ok: true, eventsChecked: read.length, firstFailure: null };
    return { ...view, integrity };
  }

  private async readPage(key: PlanKey, fromRevision: number): Promise<StoredEvent[]> {
    return readStreamIfAny(this.events, planStreamId(key), { fromRevision, maxCount: PAGE });
  }
}
