import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ServiceShuttingDownError, TooManyChangeStreamsError } from '@app/application-errors';
import { QueryBus } from '@nestjs/cqrs';
import { CHANGES_PROJECTION, Projector } from '@app/projections';
import type { Readable } from 'node:stream';
import type { Caller } from '../auth/caller';
import { ChangeStream, type ChangeSource, type ChangeStreamTiming } from './change-stream';
import { MAX_CHANGES_PAGE } from './changes.dto';
import { ReadChangesQuery } from './read-changes.query';

/**
 * Streams one caller may hold open at once, in this process. Each holds a connection and reads the
 * feed whenever it moves; the rate limit counts a stream as the one request that opened it.
 */
export const MAX_STREAMS_PER_CALLER = 5;

const TIMING: ChangeStreamTiming = { heartbeatMs: 15_000, pageSize: MAX_CHANGES_PAGE, reconnectMs: 2_000 };

/** Where the projector runs in another process, how often its checkpoint is read while a stream waits. */
const CHECKPOINT_POLL_INTERVAL_MS = 500;

/**
 * The open change streams: at most `MAX_STREAMS_PER_CALLER` per caller, each reading through the
 * QueryBus and woken by the `changes` projection's commits. On shutdown every stream ends before the
 * HTTP server closes, so none holds the drain; its client resumes elsewhere with `Last-Event-ID`.
 */
@Injectable()
export class ChangeStreams implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ChangeStreams');
  private readonly byCaller = new Map<string, Set<ChangeStream>>();
  private shuttingDown = false;

  constructor(
    private readonly queries: QueryBus,
    private readonly projector: Projector,
  ) {}

  open(caller: Caller, after: number | undefined): Readable {
    if (this.shuttingDown) throw new ServiceShuttingDownError();
    const key = JSON.stringify([caller.council, caller.id]);
    const streams = this.byCaller.get(key) ?? new Set<ChangeStream>();
    if (streams.size >= MAX_STREAMS_PER_CALLER) {
      throw new TooManyChangeStreamsError(MAX_STREAMS_PER_CALLER);
    }
    const stream = new ChangeStream(this.sourceFor(caller), after, TIMING, (error) =>
      this.logger.warn({ err: error, council: caller.council }, 'A change stream could not read the feed; it ended and its client reconnects'),
    );
    streams.add(stream);
    this.byCaller.set(key, streams);
    void stream.ended.then(() => {
      streams.delete(stream);
      if (streams.size === 0 && this.byCaller.get(key) === streams) this.byCaller.delete(key);
    });
    return stream.body;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await Promise.all([...this.byCaller.values()].flatMap((streams) => [...streams].map((stream) => stream.close())));
  }

  private sourceFor(caller: Caller): ChangeSource {
    return {
      read: (after, limit) => this.queries.execute(new ReadChangesQuery(caller, after, limit)),
      waitPast: (checkpoint, timeoutMs, signal) =>
        this.projector.waitForCheckpointPast(CHANGES_PROJECTION, checkpoint, {
          timeoutMs,
          pollIntervalMs: CHECKPOINT_POLL_INTERVAL_MS,
          signal,
        }),
    };
  }
}
