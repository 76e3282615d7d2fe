import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type AllFilter, type EventStore, type StoredEvent, UnreadableEventError } from '@app/event-store';
import { matchesAllFilter } from '@app/event-store/all-filter';
import type { ReadStore } from '@app/read-store';
import { asProjectionFailure, type EventDecoder, projectBatch } from './project-batch';
import type { ProjectedEvent, Projection } from './projection';
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

interface RebuildSettings {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Called once before the first batch and after each batch. */
  onProgress?: (progress: RebuildProgress) => void;
  decode: EventDecoder;
  /** Events read from the log, and at most applied to each projection, per transaction. */
  batchSize?: number;
  now?: () => Date;
  /** Ends the replay after the batch in flight; a projector run afterwards goes on from there. */
  signal?: AbortSignal;
}

export interface RebuildOptions extends RebuildSettings {
  projection: Projection;
}

export interface RebuildProjectionsOptions extends RebuildSettings {
  projections: Projection[];
}

export interface RebuildProjectionsResult extends RebuildProgress {
  /** Per projection, the checkpoint its rebuild ended at; null when it had nothing to replay. */
  checkpoints: Record<string, number | null>;
  durationMs: number;
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

/**
 * Events per transaction. The replay alone writes the projections' collections, so a batch's
 * documents stay in memory until it commits. At 200,000 seed-shaped events into every plan
 * projection, 2,000 took as little CPU as 5,000 and 20,000 (and 8% less than 500, which commits,
 * and fsyncs, four times as often) with less memory at its peak than either; figures in
 * bench/README.md ("rebuild").
 */
const DEFAULT_BATCH_SIZE = 2_000;

/**
 * Documents each projection keeps of those it wrote. A rebuild goes through every plan, so the
 * projector's 500 would end up holding 500 plan views (each a few hundred kilobytes of objects, over
 * 100 MB); a log's events come in runs of few plans at a time, and a document it has let go is read
 * back once, in the next batch's one `getMany`.
 */
const REBUILD_DOCUMENTS_KEPT = 100;

/**
 * Drops a projection's documents and checkpoint and replays every event it reads up to the current
 * head: `rebuildProjections` with that one projection.
 */
export async function rebuildProjection({ projection, ...settings }: RebuildOptions): Promise<RebuildResult> {
  const { checkpoints, ...result } = await rebuildProjections({ ...settings, projections: [projection] });
  return { ...result, checkpoint: checkpoints[projection.name] };
}

/**
 * Drops the projections' documents and checkpoints and replays every event they read up to the
 * current head, in one pass over the log: each page is read and each event decoded once, and every
 * projection is given the events of the page its filter matches, applied and committed with its own
 * checkpoint in one atomic batch. Run it while no projector runs these projections; a projector
 * started afterwards goes on from where the rebuild ended. Rejects with `ProjectionFailedError` when
 * a projection's code throws or the store holds an event it cannot read; every projection keeps the
 * batches it committed before, and resumes from there when it next runs. Rejects too when `signal`
 * ends it early.
 *
 * Progress counts the events of the log read up to the head that any of the projections reads.
 *
 * The replay is the one writer of the projections' documents, so it keeps those it last wrote and
 * reads back only the others (`WrittenDocuments`).
 *
 * It gives way to the event loop after every page it reads and every batch it writes: on an
 * embedded store each of those completes without waiting for I/O, so without it a replay run inside
 * the API would hold every request back until the last batch.
 */
export async function rebuildProjections(options: RebuildProjectionsOptions): Promise<RebuildProjectionsResult> {
  try {
    return await replayProjections(options);
  } catch (error) {
    throw asProjectionFailure(projectionReading(options.projections, error), error);
  }
}

interface Replay {
  projection: Projection;
  /** The projection's newest event when the rebuild began: it replays no further. */
  head: number | null;
  checkpoint: number | null;
  written: WrittenDocuments;
}

async function replayProjections(options: RebuildProjectionsOptions): Promise<RebuildProjectionsResult> {
  const { eventStore, readStore, projections, onProgress, signal } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? (() => new Date());
  const filter = filterPassingAll(projections.map((projection) => projection.filter));

  const replays: Replay[] = [];
  for (const projection of projections) {
    const written = new WrittenDocuments(REBUILD_DOCUMENTS_KEPT);
    replays.push({ projection, head: await eventStore.headPosition(projection.filter), checkpoint: null, written });
  }
  const heads = replays.flatMap(({ head }) => (head === null ? [] : [head]));
  const head = heads.length === 0 ? null : Math.max(...heads);
  const total = head === null ? 0 : await countEventsUpTo(eventStore, replays, filter, head, batchSize);
  for (const projection of projections) {
    await resetProjectionState(readStore, projection);
    await ensureProjectionIndexes(readStore, projection);
  }

  const startedAt = now().getTime();
  const progress = (processed: number): RebuildProgress => {
    const seconds = (now().getTime() - startedAt) / 1000;
    return { processed, total, eventsPerSecond: seconds > 0 ? processed / seconds : 0 };
  };
  onProgress?.(progress(0));

  let processed = 0;
  let readUpTo: number | undefined;
  while (head !== null && (readUpTo === undefined || readUpTo < head)) {
    if (signal?.aborted) {
      throw new Error(
        `The rebuild of ${projections.length === 1 ? 'projection' : 'projections'} ${projections.map(({ name }) => name).join(', ')} ` +
          `was stopped after ${processed} of ${total} events; it resumes from there when the projection next runs`,
      );
    }
    const page = await eventStore.readAll({ fromPosition: readUpTo, filter, maxCount: batchSize });
    if (page.length === 0) break;
    readUpTo = page[page.length - 1].position;
    const decode = decodingOnce(options.decode);
    for (const replay of replays) {
      const events = page.filter((event) => readsEvent(replay, event));
      if (events.length === 0) continue;
      const batch = await projectBatch(readStore, replay.projection, events, decode, replay.written);
      if (batch.position !== null) {
        await readStore.applyBatch(batch.writes, { projection: replay.projection.name, position: batch.position });
        replay.written.remember(batch.applied);
        replay.checkpoint = batch.position;
      }
      if (batch.failure) throw batch.failure;
    }
    processed += page.filter((event) => replays.some((replay) => readsEvent(replay, event))).length;
    onProgress?.(progress(processed));
    await yieldToEventLoop();
  }
  const checkpoints = Object.fromEntries(replays.map(({ projection, checkpoint }) => [projection.name, checkpoint]));
  return { ...progress(processed), checkpoints, durationMs: now().getTime() - startedAt };
}

const readsEvent = ({ projection, head }: Replay, event: StoredEvent): boolean =>
  head !== null && event.position <= head && matchesAllFilter(projection.filter, event.streamId, event.type);

/**
 * A filter every event of any of `filters` passes (perhaps with others, which each projection's own
 * filter then leaves out): a restriction is kept only where every filter makes one.
 */
function filterPassingAll(filters: AllFilter[]): AllFilter {
  const restricting = (list: string[] | undefined): list is string[] => list !== undefined && list.length > 0;
  const streamPrefixes = filters.map((filter) => filter.streamPrefixes);
  const eventTypes = filters.map((filter) => filter.eventTypes);
  return {
    ...(streamPrefixes.every(restricting) && { streamPrefixes: [...new Set(streamPrefixes.flat())] }),
    ...(eventTypes.every(restricting) && { eventTypes: [...new Set(eventTypes.flat())] }),
  };
}

/** The decoder, remembering what it made of each event (or why it could not), for the page's projections to share. */
function decodingOnce(decode: EventDecoder): EventDecoder {
  const decoded = new Map<StoredEvent, { event: ProjectedEvent } | { error: unknown }>();
  return (stored) => {
    let outcome = decoded.get(stored);
    if (outcome === undefined) {
      try {
        outcome = { event: decode(stored) };
      } catch (error) {
        outcome = { error };
      }
      decoded.set(stored, outcome);
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.event;
  };
}

/** The projection an unreadable event stops: the first that reads its stream and type. */
function projectionReading(projections: Projection[], error: unknown): string {
  const reading =
    error instanceof UnreadableEventError
      ? projections.find(({ filter }) => matchesAllFilter(filter, error.streamId, error.eventType))
      : undefined;
  return (reading ?? projections[0]).name;
}

async function countEventsUpTo(
  eventStore: EventStore,
  replays: Replay[],
  filter: AllFilter,
  head: number,
  pageSize: number,
): Promise<number> {
  let count = 0;
  let after: number | undefined;
  for (;;) {
    const page = await eventStore.readAll({ fromPosition: after, filter, maxCount: pageSize });
    const upToHead = page.filter(({ position }) => position <= head);
    count += upToHead.filter((event) => replays.some((replay) => readsEvent(replay, event))).length;
    if (upToHead.length < pageSize) return count;
    after = upToHead[upToHead.length - 1].position;
    await yieldToEventLoop();
  }
}
