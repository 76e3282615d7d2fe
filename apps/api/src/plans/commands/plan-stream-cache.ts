import { Inject, Injectable } from '../nest';
import { evolve, initialPlanState, planKey, planStreamId, toPlanEvent, type PlanKey, type PlanState } from '@app/domain';
import { EVENT_STORE, type EventStore, readStreamIfAny, type StoredEvent } from '@app/event-store';

/** What one Idempotency-Key's command wrote, enough to answer its retries exactly as the first time. */
export interface KeyedWrite {
  requestHash: string | null;
  eventIds: string[];
  /** Stream revision after the command's last event. */
  revision: number;
  /** Global position of the command's last event. */
  position: number;
}

/** A plan as the command side holds it: folded state, where its stream ends, and the keys it has seen. */
export interface LoadedPlan {
  /** The council's and the plan id: names the plan's stream. */
  key: PlanKey;
  planId: string;
  state: PlanState;
  /** Revision of the stream's last event; null while the stream does not exist. */
  revision: number | null;
  /** `hash` of the stream's last event, which the next event chains to. */
  lastHash: string | null;
  writesByKey: Map<string, KeyedWrite>;
}

/** The event as it was appended, with the revision and position the store gave it. */
export type AppendedEvent = Pick<StoredEvent, 'id' | 'revision' | 'position' | 'type' | 'data' | 'metadata'>;

/** Plans beyond this many, least recently used first, are dropped and read again when next needed. */
const MAX_CACHED_PLANS = 10_000;

/**
 * An in-memory cache of plans for the command side. A plan is read in full once; after that only the
 * events after its cached revision are read, so loading costs the same however long the stream grows.
 * What it holds is always a prefix of the plan's stream (events are never rewritten), though it may be
 * behind it when another process writes to the plan: `held` gives it as it is, for a writer whose append
 * at the held revision checks it.
 */
@Injectable()
export class PlanStreamCache {
  private readonly plans = new Map<PlanKey, LoadedPlan>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The council's plan of that id, brought up to the stream's end. Only the council's own stream is
   * read: a plan of that id in another council is not even looked at.
   */
  async load(council: string, planId: string): Promise<LoadedPlan> {
    const key = planKey(council, planId);
    const plan = this.plans.get(key) ?? emptyPlan(key, planId);
    const nextRevision = plan.revision === null ? 0 : plan.revision + 1;
    for (const event of await this.readFrom(key, nextRevision)) absorb(plan, event);
    if (plan.revision !== null) this.remember(plan);
    return plan;
  }

  /** The council's plan as this process last held it, without reading the store; undefined when not held. */
  held(council: string, planId: string): LoadedPlan | undefined {
    const plan = this.plans.get(planKey(council, planId));
    if (plan) this.remember(plan);
    return plan;
  }

  /** Drops a plan, so that its next load reads the whole stream again. */
  forget(key: PlanKey): void {
    this.plans.delete(key);
  }

  /** Brings a loaded plan past events this process has just appended, without reading them back. */
  recordAppended(plan: LoadedPlan, events: AppendedEvent[]): void {
    for (const event of events) absorb(plan, event);
    this.remember(plan);
  }

  private async readFrom(key: PlanKey, fromRevision: number): Promise<StoredEvent[]> {
    return readStreamIfAny(this.store, planStreamId(key), { fromRevision });
  }

  private remember(plan: LoadedPlan): void {
    this.plans.delete(plan.key);
    this.plans.set(plan.key, plan);
    if (this.plans.size > MAX_CACHED_PLANS) {
      const leastRecent = this.plans.keys().next().value as PlanKey;
      this.plans.delete(leastRecent);
    }
  }
}

function emptyPlan(key: PlanKey, planId: string): LoadedPlan {
  return { key, planId, state: initialPlanState, revision: null, lastHash: null, writesByKey: new Map() };
}

/** Folds one event into the plan; an event it already holds (a concurrent load read it too) is skipped. */
function absorb(plan: LoadedPlan, event: AppendedEvent): void {
  const expected = plan.revision === null ? 0 : plan.revision + 1;
  if (event.revision !== expected) return;
  plan.state = evolve(plan.state, toPlanEvent(event));
  plan.revision = event.revision;
  plan.lastHash = typeof event.metadata.hash === 'string' ? event.metadata.hash : null;
  const key = event.metadata.idempotencyKey;
  if (typeof key === 'string') {
    const write = plan.writesByKey.get(key) ?? {
      requestHash: typeof event.metadata.requestHash === 'string' ? event.metadata.requestHash : null,
      eventIds: [],
      revision: event.revision,
      position: event.position,
    };
    write.eventIds.push(event.id);
    write.revision = event.revision;
    write.position = event.position;
    plan.writesByKey.set(key, write);
  }
}
