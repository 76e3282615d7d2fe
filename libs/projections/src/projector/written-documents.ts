import type { ReadDocument } from '@app/read-store';
import type { DocumentRef } from './projection';

/** Enough for every plan of a large council, each a few hundred kilobytes of objects at most. */
export const WRITTEN_DOCUMENTS_KEPT = 500;

const refKey = (ref: DocumentRef): string => `${ref.collection}\u0000${ref.id}`;

/**
 * The documents one runner last committed, as it committed them, so that the next batch touching
 * them need not read back (and parse) what it has just written. Only right while this runner is the
 * one writer of its projection's collections: it is forgotten whenever that may have stopped being
 * so (the runner stops, loses its lease, hits an error, rebuilds), and read afresh from the store.
 * Bounded: the least recently used documents go first.
 */
export class WrittenDocuments {
  private readonly documents = new Map<string, ReadDocument>();

  constructor(private readonly capacity = WRITTEN_DOCUMENTS_KEPT) {}

  get size(): number {
    return this.documents.size;
  }

  get(ref: DocumentRef): ReadDocument | undefined {
    const key = refKey(ref);
    const document = this.documents.get(key);
    if (document === undefined) return undefined;
    // Re-inserted so that the least recently used document is the first to go.
    this.documents.delete(key);
    this.documents.set(key, document);
    return document;
  }

  /** What a committed batch left in the store: a document as written, or none once deleted. */
  remember(committed: Array<[DocumentRef, ReadDocument | null]>): void {
    for (const [ref, document] of committed) {
      const key = refKey(ref);
      this.documents.delete(key);
      if (document === null) continue;
      this.documents.set(key, document);
      if (this.documents.size > this.capacity) this.documents.delete(this.documents.keys().next().value!);
    }
  }

  forget(): void {
    this.documents.clear();
  }
}
