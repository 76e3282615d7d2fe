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
  planSnapshotId,
  type PlanSnapshotDocument,
  type PlanView,
  snapshotRevisionAtOrBefore,
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
  async asOf(key: PlanKey, instant: Date): Promise<RebuiltPlan | null> {
    const limit = instant.toISOString();
    const snapshotRevision = await this.lastSnapshotRevisionRecordedBy(key, limit);
    const snapshot = await this.snapshotAt(key, snapshotRevision, { field: 'recordedAt', atMost: limit });
    return this.rebuild(key, snapshot, (event) => event.recordedAt <= limit);
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
  async atRevision(key: PlanKey, revision: number): Promise<RebuiltPlan | null> {
    const snapshot = await this.snapshotAt(key, snapshotRevisionAtOrBefore(revision), { field: 'revision', atMost: revision });
    return this.rebuild(key, snapshot, (event) => event.revision <= revision);
  }

  /**
   * The newest snapshot revision whose event was recorded by `limit` (-1 if none), bisecting the
   * stream's snapshot revisions on their events' record times, which grow with revision: a few reads
   * of one small event each, where finding the snapshot by its `recordedAt` reads and parses a whole
   * plan view for each row the find looks at (two, as it looks one past its limit for the next page).
   */
  private async lastSnapshotRevisionRecordedBy(key: PlanKey, limit: string): Promise<number> {
    const streamId = planStreamId(key);
    const [last] = await readStreamIfAny(this.events, streamId, { direction: 'backwards', maxCount: 1 });
    if (last === undefined) return -1;
    // The nth snapshot follows the event at revision n × interval − 1; the 0th stands for none.
    let recordedBy = 0;
    let notRecordedBy = Math.floor((last.revision + 1) / PLAN_SNAPSHOT_INTERVAL) + 1;
    while (notRecordedBy - recordedBy > 1) {
      const nth = Math.floor((recordedBy + notRecordedBy) / 2);
      const [event] = await readStreamIfAny(this.events, streamId, { fromRevision: nth * PLAN_SNAPSHOT_INTERVAL - 1, maxCount: 1 });
      if (event !== undefined && event.recordedAt <= limit) recordedBy = nth;
      else notRecordedBy = nth;
    }
    return recordedBy * PLAN_SNAPSHOT_INTERVAL - 1;
  }

  /**
   * The snapshot at `revision`, by id; when the projector has not written it yet, the newest it has
   * written within the bound, found on the bounded field (its index answers in one seek).
   */
  private async snapshotAt(key: PlanKey, revision: number, bound: SnapshotBound): Promise<PlanSnapshotDocument | undefined> {
    if (revision < 0) return undefined;
    const stored = await this.reads.get(PLAN_SNAPSHOTS_COLLECTION, planSnapshotId(key, revision));
    if (stored !== null) return stored as unknown as PlanSnapshotDocument;
    const { field, atMost } = bound;
    const { items } = await this.reads.find(PLAN_SNAPSHOTS_COLLECTION, {
      where: { planKey: key, [field]: { $lte: atMost } },
      sort: [{ field, direction: 'desc' }],
      limit: 1,
    });
    return items[0] as unknown as PlanSnapshotDocument | undefined;
  }

  private async rebuild(
    key: PlanKey,
    snapshot: PlanSnapshotDocument | undefined,
    includes: (event: StoredEvent) => boolean,
  ): Promise<RebuiltPlan | null> {
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
