import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CHANGES_COLLECTION, CHANGES_PROJECTION, documentBody, type Change, type ChangeDocument } from '@app/projections';
import { READ_STORE, type FieldCondition, type ReadStore } from '@app/read-store';
import type { Caller } from '../auth/caller';

/** A page of the feed, and the checkpoint it is complete up to, from which a follower waits for more. */
export interface ChangesRead {
  items: Change[];
  next: number | null;
  checkpoint: number | null;
}

/** The caller's changes after `after` (exclusive; absent: from the first), at most `limit`. */
export class ReadChangesQuery extends Query<ChangesRead> {
  constructor(
    readonly caller: Caller,
    readonly after: number | undefined,
    readonly limit: number,
  ) {
    super();
  }
}

/**
 * Serves only changes at or below the projection's checkpoint: the projector applies events in
 * order and commits documents with the checkpoint, so what is below it is complete, and a follower
 * that resumes from the last position it was served misses nothing and is served nothing twice.
 */
@QueryHandler(ReadChangesQuery)
export class ReadChangesHandler implements IQueryHandler<ReadChangesQuery> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ caller, after, limit }: ReadChangesQuery): Promise<ChangesRead> {
    const checkpoint = await this.checkpoint();
    const nothingNew: ChangesRead = { items: [], next: after ?? null, checkpoint };
    if (checkpoint === null || (after !== undefined && checkpoint <= after)) return nothingNew;
    const where: Record<string, FieldCondition> = {
      council: caller.council,
      position: after === undefined ? { $lte: checkpoint } : { $gt: after, $lte: checkpoint },
    };
    if (caller.services !== null) where.service = { $in: caller.services };
    const page = await this.reads.find<ChangeDocument & { id: string }>(CHANGES_COLLECTION, {
      where,
      sort: [{ field: 'position', direction: 'asc' }],
      limit,
    });
    // A rebuild drops the documents and the checkpoint: a page read across that moment may lack some.
    const confirmed = await this.checkpoint();
    if (confirmed === null || confirmed < checkpoint) return { ...nothingNew, checkpoint: confirmed };
    const items = page.items.map((document) => changeOf(documentBody<ChangeDocument>(document)));
    return { items, next: items.at(-1)?.position ?? nothingNew.next, checkpoint };
  }

  private async checkpoint(): Promise<number | null> {
    return (await this.reads.getCheckpoint(CHANGES_PROJECTION))?.position ?? null;
  }
}

/** The change as served: the council it is scoped by is the caller's own. */
function changeOf({ council: _council, ...change }: ChangeDocument): Change {
  return change;
}
