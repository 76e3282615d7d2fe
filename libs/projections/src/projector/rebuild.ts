import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { EventStore } from '@app/event-store';
import type { ReadStore } from '@app/read-store';
import { asProjectionFailure, type EventDecoder, projectBatch } from './project-batch';
import type { Projection } from './projection';
import { ensureProjectionIndexes, resetProjectionState } from './projection-setup';
import { WrittenDocuments } from './written-documents';

export interface RebuildProgress {
  processed: number;
  /** Events the projection reads up to the head as it was when the rebuild began. */
  total: number;
  eventsPerSecond: number;
}

export interface RebuildResult extends RebuildProgress {
  /** The checkpoint the rebuild ended at; null when there was nothing to replay. */
  checkpoint: number | null;
  durationMs: number;
}

export interface RebuildOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projection: Projection;
  /** Called once before the first batch and after each batch. */
  onProgress?: (progress: RebuildProgress) => void;
  decode: EventDecoder;
  batchSize?: number;
  now?: () => Date;
  /** Ends the replay after the batch in flight; a projector run afterwards goes on from there. */
  signal?: AbortSignal;
}

export type RebuildRefusal = 'unknown-projection' | 'already-rebuilding' | 'run-elsewhere';

/** `Projector.rebuild` cannot start; the message says why in a sentence an operator can act on. */
export class RebuildRefusedError extends Error {
  constructor(
    readonly reason: RebuildRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'RebuildRefusedError';
  }
}

const DEFAULT_BATCH_SIZE = 500;

/**
 * Drops a projection's documents and checkpoint and replays every event it reads up to the current
 * head, in atomic batches. Run it while no projector runs this projection; a projector started
 * afterwards goes on from where the rebuild ended. Rejects with `ProjectionFailedError` when the
 * projection's code throws or the store holds an event it cannot read; the batches before the failing
 * event stay applied. Rejects too when `signal` ends it early.
 *
 * The replay is the one writer of the projection's documents, so it keeps those it last wrote and
 * reads back only the others (`WrittenDocuments`).
 *
 * It gives way to the event loop after every page it reads and every batch it writes: on an
 * embedded store each of those completes without waiting for I/O, so without it a replay run inside
 * the API would hold every request back until the last batch.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  try {
    return await replayProjection(options);
  } catch (error) {
    throw asProjectionFailure(options.projection.name, error);
  }
}

async function replayProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { eventStore, readStore, projection, onProgress, signal } = options;
  const { decode } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? (() => new Date());
  const { filter } = projection;

  const head = await eventStore.headPosition(filter);
  const total = head === null ? 0 : await countEventsUpTo(eventStore, projection, head, batchSize);
  await resetProjectionState(readStore, projection);
  await ensureProjectionIndexes(readStore, projection);

  const startedAt = now().getTime();
  const progress = (processed: number): RebuildProgress => {
    const seconds = (now().getTime() - startedAt) / 1000;
    return { processed, total, eventsPerSecond: seconds > 0 ? processed / seconds : 0 };
  };
  onProgress?.(progress(0));

  let processed = 0;
  let checkpoint: number | null = null;
  const written = new WrittenDocuments();
  while (head !== null && (checkpoint === null || checkpoint < head)) {
    if (signal?.aborted) {
      throw new Error(
        `The rebuild of projection ${projection.name} was stopped after ${processed} of ${total} events; ` +
          'it resumes from there when the projection next runs',
      );
    }
    const events = (
      await eventStore.readAll({ fromPosition: checkpoint ?? undefined, filter, maxCount: batchSize })
    ).filter(({ position }) => position <= head);
    if (events.length === 0) break;
    const batch = await projectBatch(readStore, projection, events, decode, written);
    if (batch.position !== null) {
      await readStore.applyBatch(batch.writes, { projection: projection.name, position: batch.position });
      written.remember(batch.applied);
      checkpoint = batch.position;
      processed += batch.handled;
      onProgress?.(progress(processed));
    }
    if (batch.failure) throw batch.failure;
    await yieldToEventLoop();
  }
  return { ...progress(processed), checkpoint, durationMs: now().getTime() - startedAt };
}

async function countEventsUpTo(
  eventStore: EventStore,
  projection: Projection,
  head: number,
  pageSize: number,
): Promise<number> {
  let count = 0;
  let after: number | undefined;
  for (;;) {
    const page = await eventStore.readAll({ fromPosition: after, filter: projection.filter, maxCount: pageSize });
    const upToHead = page.filter(({ position }) => position <= head);
    count += upToHead.length;
    if (upToHead.length < pageSize) return count;
    after = upToHead[upToHead.length - 1].position;
    await yieldToEventLoop();
  }
}
