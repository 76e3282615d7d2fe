import type { AllFilter, StoredEvent } from '@app/event-store';
import type { ReadDocument } from '@app/read-store';

/**
 * A stored event whose data has been upcast to the current schema of its type. The projector
 * decodes: it passes every stored event through its decoder (for plan streams `decodePlanEvent`,
 * which upcasts) before `documentsFor`, `apply` or `derive` see it. Projections therefore read
 * `data` as the current schema and never upcast or decode again; `planEventOf` only narrows.
 */
export type ProjectedEvent = StoredEvent;

export interface DocumentRef {
  collection: string;
  id: string;
}

/**
 * A projection: which events it reads, which documents each event touches, and a pure function
 * (document, event) → document. The projector owns everything else: checkpoints, batching, atomic
 * writes, replays. Every document it writes carries `projectedPosition`, the position of the last
 * event applied to it; an event at or below that position is not applied again, so replays change
 * nothing.
 */
export interface Projection {
  /**
   * Names the checkpoint; bump `version` when the documents change so it is rebuilt
   * (`plan-views/projection-versions.spec.ts` fails when a plan projection's output changes without it).
   */
  name: string;
  version: number;
  /** Collections this projection alone writes; dropped on rebuild. */
  collections: string[];
  indexes?: Record<string, Array<Record<string, 1 | -1>>>;
  /**
   * Collections of documents written once each and never read back (an audit trail: one new entry
   * per event, which `apply` makes without looking at the document): the projector does not look
   * for them in the store, as none can be there yet. A replay writes them again, the same.
   */
  insertOnly?: string[];
  filter: AllFilter;
  documentsFor(event: ProjectedEvent): DocumentRef[];
  /** Returns the new document, or null to delete it. Must not read the clock or do I/O. */
  apply(document: ReadDocument | null, event: ProjectedEvent, ref: DocumentRef): ReadDocument | null;
  /**
   * Documents cut from the document at one event, which only that event's state gives (e.g. a
   * snapshot of the running plan view every hundred events, or a change entry per event), written
   * in the same batch. Pure; a replay derives the same documents again.
   */
  derive?(document: ReadDocument, event: ProjectedEvent, ref: DocumentRef): DerivedDocument[];
  /**
   * Documents made whole from the document's latest state (e.g. a plan's report inputs), replacing
   * what was there: called once per document per batch, after its last event in the batch, with the
   * document as that left it and the batch's events applied to it, in order (not for a document the
   * batch deleted). Pure; its documents are written before the document itself, as `derive`'s are.
   */
  deriveLatest?(document: ReadDocument, events: ProjectedEvent[], ref: DocumentRef): DerivedDocument[];
}

/** A document a projection derives from one of its own, written whole in the same batch. */
export interface DerivedDocument {
  collection: string;
  document: ReadDocument;
}
