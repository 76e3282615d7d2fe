import { planStreamId, type PlanEvent } from '@app/domain';
import type { EventActor } from '@app/event-store';
import type { ReadDocument } from '@app/read-store';
import type { ProjectedEvent, Projection } from '../../projector/projection';

/** Test helpers: a plan's stream written event by event, and the projector's apply loop in memory. */

export const EDITOR: EventActor = { id: 'u-editor', name: 'Pat Kelly', role: 'editor' };
export const OFFICER: EventActor = { id: 'u-officer', name: 'Sam Reed', role: 'officer' };

type DataOf<T extends PlanEvent['type']> = Omit<Extract<PlanEvent, { type: T }>['data'], 'planId'>;

export class PlanStream {
  readonly events: ProjectedEvent[] = [];
  private clock: number;

  /** Positions start at `firstPosition` and step by 10, as another stream's events sit between. */
  constructor(
    readonly planId: string,
    start = '2023-04-03T09:00:00.000Z',
    private readonly firstPosition = 1000,
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
      streamId: planStreamId(this.planId),
      revision,
      position: this.firstPosition + revision * 10,
      type,
      data: { planId: this.planId, ...data } as Record<string, unknown>,
      metadata: { actor: options.actor ?? EDITOR, requestId: `req-${revision}`, schemaVersion: 1 },
      recordedAt: new Date(this.clock).toISOString(),
    };
    this.events.push(event);
    return event;
  }
}

/** Documents by collection and id, as the read store would hold them. */
export type MemoryReadModel = Map<string, Map<string, ReadDocument>>;

/**
 * The projector's loop as the engine runs it: for each event, each document it touches, skip the
 * document when it has already seen the event, else apply and stamp `projectedPosition`.
 */
export function project(
  projection: Projection,
  events: ProjectedEvent[],
  model: MemoryReadModel = new Map(),
): MemoryReadModel {
  for (const event of events) {
    for (const ref of projection.documentsFor(event)) {
      const collection = model.get(ref.collection) ?? new Map<string, ReadDocument>();
      model.set(ref.collection, collection);
      const current = collection.get(ref.id) ?? null;
      const seen = current !== null && (current.projectedPosition as number) >= event.position;
      if (seen) continue;
      const next = projection.apply(current === null ? null : structuredClone(current), event, ref);
      if (next === null) collection.delete(ref.id);
      else collection.set(ref.id, { ...next, projectedPosition: event.position });
      for (const derived of next && projection.derive ? projection.derive(next, event, ref) : []) {
        const target = model.get(derived.collection) ?? new Map<string, ReadDocument>();
        model.set(derived.collection, target);
        target.set(derived.document.id, derived.document);
      }
    }
  }
  return model;
}

export const documentsIn = (model: MemoryReadModel, collection: string): ReadDocument[] => [
  ...(model.get(collection)?.values() ?? []),
];
