import { PLAN_EVENT_SCHEMA_VERSIONS, planKey, planStreamId, type PlanEvent } from '@app/domain';
import type { EventActor } from '@app/event-store';
import { findAll, type ReadDocument, type ReadStore } from '@app/read-store';
import { identityDecoder, projectBatch } from '../../projector/project-batch';
import type { ProjectedEvent, Projection } from '../../projector/projection';
import { InMemoryReadStore } from '../../projector/testing/in-memory-stores';

/** Test helpers: a plan's stream written event by event, and projections run by the engine. */

export const EDITOR: EventActor = { id: 'u-editor', name: 'Pat Kelly', role: 'editor' };
export const OFFICER: EventActor = { id: 'u-officer', name: 'Sam Reed', role: 'officer' };
export const CHECKER: EventActor = { id: 'u-checker', name: 'Jo Hale', role: 'officer' };

type DataOf<T extends PlanEvent['type']> = Omit<Extract<PlanEvent, { type: T }>['data'], 'planId'>;

export class PlanStream {
  readonly events: ProjectedEvent[] = [];
  private clock: number;

  /** Positions start at `firstPosition` and step by 10, as another stream's events sit between. */
  constructor(
    readonly planId: string,
    start = '2023-04-03T09:00:00.000Z',
    private readonly firstPosition = 1000,
    readonly council = 'hart',
  ) {
    this.clock = Date.parse(start);
  }

  /** Appends an event recorded a minute after the previous one, or at `at`. */
  add<T extends PlanEvent['type']>(
    type: T,
    data: DataOf<T>,
    options: { actor?: EventActor; at?: string } = {},
  ): ProjectedEvent {
    this.clock = options.at ? Date.parse(options.at) : this.clock + 60_000;
    const revision = this.events.length;
    const event: ProjectedEvent = {
      id: `${this.planId}-event-${revision}`,
      streamId: planStreamId(planKey(this.council, this.planId)),
      revision,
      position: this.firstPosition + revision * 10,
      type,
      data: { planId: this.planId, ...data } as Record<string, unknown>,
      metadata: { actor: options.actor ?? EDITOR, requestId: `req-${revision}`, schemaVersion: PLAN_EVENT_SCHEMA_VERSIONS[type] },
      recordedAt: new Date(this.clock).toISOString(),
    };
    this.events.push(event);
    return event;
  }
}

/**
 * Runs the projector engine's own `projectBatch` over an in-memory read store and writes what it
 * produced. The checkpoint is left out on purpose: a replay then reaches the documents, as it does
 * when a store without transactions wrote them but not the checkpoint, so the specs see the engine's
 * per-document guard (`projectedPosition`) make replays harmless. The events are written in the
 * current schema, so they need no decoding.
 */
export async function project(
  projection: Projection,
  events: ProjectedEvent[],
  readStore: ReadStore = new InMemoryReadStore(),
): Promise<ReadStore> {
  const batch = await projectBatch(readStore, projection, events, identityDecoder);
  if (batch.failure) throw batch.failure;
  for (const write of batch.writes) {
    if (write.kind === 'upsert') await readStore.upsert(write.collection, write.document);
    else await readStore.delete(write.collection, write.id);
  }
  return readStore;
}

/** A collection's documents, in the order of a numeric field: by default the last event applied. */
export async function documentsIn(
  readStore: ReadStore,
  collection: string,
  orderBy = 'projectedPosition',
): Promise<ReadDocument[]> {
  const documents = await allDocuments(readStore, collection);
  return documents.sort((a, b) => (a[orderBy] as number) - (b[orderBy] as number));
}

/** Every document of a collection by id. */
export function allDocuments(readStore: ReadStore, collection: string): Promise<ReadDocument[]> {
  return findAll(readStore, collection);
}
