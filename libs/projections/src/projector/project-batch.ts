import { type StoredEvent, UnreadableEventError } from '@app/event-store';
import type { ReadDocument, ReadStore, ReadWrite } from '@app/read-store';
import type { DerivedDocument, DocumentRef, ProjectedEvent, Projection } from './projection';
import type { WrittenDocuments } from './written-documents';

/** Turns a stored event into the shape projections read, e.g. an upcaster. */
export type EventDecoder = (stored: StoredEvent) => ProjectedEvent;

export const identityDecoder: EventDecoder = (stored) => stored;

/** Where and why a projection stopped. The event fields are absent when no event was at fault. */
export interface ProjectionFailureDetails {
  message: string;
  position?: number;
  streamId?: string;
  eventType?: string;
  eventId?: string;
}

/** The projection's own code (decode, `documentsFor`, `apply`) threw, or it cannot run here. */
export class ProjectionFailedError extends Error {
  constructor(
    readonly projection: string,
    readonly details: ProjectionFailureDetails,
    options?: { cause?: unknown },
  ) {
    super(
      details.position === undefined
        ? `Projection ${projection} cannot run: ${details.message}`
        : `Projection ${projection} failed at event ${details.position} (${details.eventType} on ${details.streamId}): ${details.message}`,
      options,
    );
    this.name = 'ProjectionFailedError';
  }

  static atEvent(projection: string, event: StoredEvent, cause: unknown): ProjectionFailedError {
    return new ProjectionFailedError(
      projection,
      {
        message: cause instanceof Error ? cause.message : String(cause),
        position: event.position,
        streamId: event.streamId,
        eventType: event.type,
        eventId: event.id,
      },
      { cause },
    );
  }

  /** The store holds an event at this position that cannot be read: the projection cannot pass it. */
  static atUnreadableEvent(projection: string, unreadable: UnreadableEventError): ProjectionFailedError {
    return new ProjectionFailedError(
      projection,
      {
        message: unreadable.reason,
        position: unreadable.position,
        streamId: unreadable.streamId,
        eventType: unreadable.eventType,
        eventId: unreadable.eventId,
      },
      { cause: unreadable },
    );
  }
}

/** An unreadable event stops the projection for good; any other error is passed on as it is. */
export function asProjectionFailure(projection: string, error: unknown): unknown {
  return error instanceof UnreadableEventError ? ProjectionFailedError.atUnreadableEvent(projection, error) : error;
}

export interface ProjectedBatch {
  writes: ReadWrite[];
  /** The checkpoint to commit with the writes: the last event handled, or null when none was. */
  position: number | null;
  /** Events handled, including those whose documents had already seen them. */
  handled: number;
  /** Set when projection code threw; `writes` and `position` cover only the events before it. */
  failure: ProjectionFailedError | null;
  /** The documents events were applied to and may read again, as `writes` leaves them (null: deleted or never stored). */
  applied: Array<[DocumentRef, ReadDocument | null]>;
}

/**
 * Applies a run of events to the documents they touch, in memory: one `getMany` per collection for
 * the whole run (of the documents `written` does not hold as last committed), then each event in
 * order over a working set, so that several events on one document cost one read and one write. A
 * document whose `projectedPosition` is at or past an event has already seen it and is left alone,
 * which makes replays harmless even without the checkpoint guard.
 */
export async function projectBatch(
  readStore: ReadStore,
  projection: Projection,
  events: StoredEvent[],
  decode: EventDecoder,
  written?: WrittenDocuments,
): Promise<ProjectedBatch> {
  const planned: Array<{ stored: StoredEvent; event: ProjectedEvent; refs: DocumentRef[] }> = [];
  let failure: ProjectionFailedError | null = null;
  for (const stored of events) {
    try {
      const event = decode(stored);
      planned.push({ stored, event, refs: distinctRefs(projection.documentsFor(event)) });
    } catch (error) {
      failure = ProjectionFailedError.atEvent(projection.name, stored, error);
      break;
    }
  }

  const workingSet = new WorkingSet();
  const insertOnly = new Set(projection.insertOnly);
  const toRead = planned.flatMap((step) => step.refs).filter((ref) => !insertOnly.has(ref.collection));
  await workingSet.load(readStore, toRead, written);
  workingSet.putNew(planned.flatMap((step) => step.refs).filter((ref) => insertOnly.has(ref.collection)));

  let position: number | null = null;
  let handled = 0;
  const appliedEvents = new Map<string, { ref: DocumentRef; events: ProjectedEvent[]; last: StoredEvent }>();
  for (const { stored, event, refs } of planned) {
    try {
      const { changes, derived } = applyEvent(projection, event, refs, workingSet);
      workingSet.setAll(changes);
      workingSet.putDerived(derived);
      if (projection.deriveLatest) {
        for (const [ref] of changes) {
          const entry = appliedEvents.get(refKey(ref)) ?? { ref, events: [], last: stored };
          entry.events.push(event);
          entry.last = stored;
          appliedEvents.set(refKey(ref), entry);
        }
      }
    } catch (error) {
      // An event fails whole: what it did to its other documents is discarded with it.
      failure = ProjectionFailedError.atEvent(projection.name, stored, error);
      break;
    }
    position = stored.position;
    handled += 1;
  }
  for (const { ref, events: applied, last } of appliedEvents.values()) {
    const document = workingSet.get(ref);
    if (document === null) continue;
    try {
      workingSet.putDerived(projection.deriveLatest!(document, applied, ref));
    } catch (error) {
      // What is derived from a batch's end cannot be cut back to the events before it: the batch goes whole.
      const atEvent = ProjectionFailedError.atEvent(projection.name, last, error);
      return { writes: [], position: null, handled: 0, failure: atEvent, applied: [] };
    }
  }
  const applied = workingSet.applied().filter(([ref]) => !insertOnly.has(ref.collection));
  return { writes: workingSet.writes(), position, handled, failure, applied };
}

function applyEvent(
  projection: Projection,
  event: ProjectedEvent,
  refs: DocumentRef[],
  workingSet: WorkingSet,
): { changes: Array<[DocumentRef, ReadDocument | null]>; derived: DerivedDocument[] } {
  const changes: Array<[DocumentRef, ReadDocument | null]> = [];
  const derived: DerivedDocument[] = [];
  for (const ref of refs) {
    const current = workingSet.get(ref);
    if (hasSeen(current, event.position)) continue;
    const next = projection.apply(current, event, ref);
    if (next !== null && next.id !== ref.id) {
      throw new Error(`apply returned a document with id ${JSON.stringify(next.id)} for ${ref.collection}/${ref.id}`);
    }
    changes.push([ref, next === null ? null : { ...next, projectedPosition: event.position }]);
    if (next !== null && projection.derive) derived.push(...projection.derive(next, event, ref));
  }
  return { changes, derived };
}

function hasSeen(document: ReadDocument | null, position: number): boolean {
  const projectedPosition = document?.projectedPosition;
  return typeof projectedPosition === 'number' && projectedPosition >= position;
}

function distinctRefs(refs: DocumentRef[]): DocumentRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = refKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const refKey = (ref: DocumentRef): string => `${ref.collection}\u0000${ref.id}`;

interface WorkingDocument {
  ref: DocumentRef;
  document: ReadDocument | null;
  /** Whether the read store holds it, so that deleting a document it never had writes nothing. */
  stored: boolean;
  changed: boolean;
  /** Written by `derive`, not read and applied. */
  derived: boolean;
}

class WorkingSet {
  private readonly documents = new Map<string, WorkingDocument>();

  async load(readStore: ReadStore, refs: DocumentRef[], written?: WrittenDocuments): Promise<void> {
    const idsByCollection = new Map<string, Set<string>>();
    for (const ref of refs) {
      if (this.documents.has(refKey(ref))) continue;
      const committed = written?.get(ref);
      if (committed !== undefined) {
        this.documents.set(refKey(ref), { ref, document: committed, stored: true, changed: false, derived: false });
        continue;
      }
      const ids = idsByCollection.get(ref.collection) ?? new Set<string>();
      ids.add(ref.id);
      idsByCollection.set(ref.collection, ids);
    }
    await Promise.all(
      [...idsByCollection].map(async ([collection, ids]) => {
        const found = new Map((await readStore.getMany(collection, [...ids])).map((doc) => [doc.id, doc]));
        for (const id of ids) {
          const document = found.get(id) ?? null;
          this.documents.set(refKey({ collection, id }), {
            ref: { collection, id },
            document,
            stored: document !== null,
            changed: false,
            derived: false,
          });
        }
      }),
    );
  }

  /** Documents of insert-only collections, which the store cannot hold yet: nothing to read. */
  putNew(refs: DocumentRef[]): void {
    for (const ref of refs) this.documents.set(refKey(ref), { ref, document: null, stored: false, changed: false, derived: false });
  }

  get(ref: DocumentRef): ReadDocument | null {
    return this.documents.get(refKey(ref))?.document ?? null;
  }

  setAll(changes: Array<[DocumentRef, ReadDocument | null]>): void {
    for (const [ref, document] of changes) {
      const entry = this.documents.get(refKey(ref));
      if (!entry) throw new Error(`Document ${ref.collection}/${ref.id} was not loaded`);
      entry.document = document;
      entry.changed = true;
    }
  }

  /** Documents written without being read first: a derived document is replaced whole. */
  putDerived(derived: DerivedDocument[]): void {
    for (const { collection, document } of derived) {
      const ref = { collection, id: document.id };
      this.documents.set(refKey(ref), { ref, document, stored: false, changed: true, derived: true });
    }
  }

  applied(): Array<[DocumentRef, ReadDocument | null]> {
    return [...this.documents.values()]
      .filter((entry) => entry.changed && !entry.derived)
      .map((entry): [DocumentRef, ReadDocument | null] => [entry.ref, entry.document]);
  }

  /**
   * Derived documents go first: a store without transactions that stops part-way through a batch
   * then never holds a document that has seen an event (its `projectedPosition`, which makes the
   * replay skip the event) without what was derived from that event.
   */
  writes(): ReadWrite[] {
    const entries = [...this.documents.values()];
    const derivedFirst = [...entries.filter((entry) => entry.derived), ...entries.filter((entry) => !entry.derived)];
    const writes: ReadWrite[] = [];
    for (const { ref, document, stored, changed } of derivedFirst) {
      if (!changed) continue;
      if (document !== null) writes.push({ kind: 'upsert', collection: ref.collection, document });
      else if (stored) writes.push({ kind: 'delete', collection: ref.collection, id: ref.id });
    }
    return writes;
  }
}
