import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Change } from '@app/projections';
import type { ChangesRead } from './read-changes.query';

/** Where a stream reads its changes and learns that there may be more. */
export interface ChangeSource {
  read(after: number | undefined, limit: number): Promise<ChangesRead>;
  /** True once the feed may hold changes past `checkpoint`; false after `timeoutMs` or on abort. */
  waitPast(checkpoint: number | null, timeoutMs: number, signal: AbortSignal): Promise<boolean>;
}

export interface ChangeStreamTiming {
  /** Longest silence before a comment line is sent, so that proxies keep the connection open. */
  heartbeatMs: number;
  /** Changes read at once while sending the backlog. */
  pageSize: number;
  /** How long a client that lost the connection waits before reconnecting (the `retry:` field). */
  reconnectMs: number;
}

/**
 * One client's server-sent events: every change after `after`, then each new one as the feed
 * records it, `id:` being its position so that the client resumes with `Last-Event-ID`. A slow
 * client is waited for (nothing more is read until it has taken what was written); it ends when the
 * client goes, on `close()`, or when the feed cannot be read, after which the client reconnects.
 */
export class ChangeStream {
  readonly body: Readable;
  /** Settles once the stream has ended, however it ended. */
  readonly ended: Promise<void>;
  private readonly output = new PassThrough();
  private readonly stopping = new AbortController();
  private lastWriteAt = 0;

  constructor(
    private readonly source: ChangeSource,
    private after: number | undefined,
    private readonly timing: ChangeStreamTiming,
    onError: (error: unknown) => void,
  ) {
    this.body = this.output;
    // Fastify destroys the body when the client goes; ending it closes it too.
    this.output.once('close', () => this.stopping.abort());
    this.ended = this.follow()
      .catch((error: unknown) => {
        if (!this.stopping.signal.aborted) onError(error);
      })
      .finally(() => {
        this.stopping.abort();
        this.output.end();
      });
  }

  /** Ends the stream after the write in flight, e.g. when the server shuts down. */
  close(): Promise<void> {
    this.stopping.abort();
    return this.ended;
  }

  private async follow(): Promise<void> {
    const { signal } = this.stopping;
    await this.write(`retry: ${this.timing.reconnectMs}\n\n`);
    while (!signal.aborted) {
      const { items, checkpoint } = await this.source.read(this.after, this.timing.pageSize);
      for (const change of items) {
        if (signal.aborted) return;
        await this.write(eventOf(change));
        this.after = change.position;
      }
      if (items.length === this.timing.pageSize) continue;
      const quietMs = Date.now() - this.lastWriteAt;
      if (quietMs >= this.timing.heartbeatMs) {
        await this.write(': heartbeat\n\n');
        continue;
      }
      await this.source.waitPast(checkpoint, this.timing.heartbeatMs - quietMs, signal);
    }
  }

  /** Resolves once the client has taken what is buffered; rejects (as aborted) when the stream ends first. */
  private async write(text: string): Promise<void> {
    const { signal } = this.stopping;
    if (signal.aborted) return;
    this.lastWriteAt = Date.now();
    if (!this.output.write(text)) await once(this.output, 'drain', { signal });
  }
}

function eventOf(change: Change): string {
  return `id: ${change.position}\ndata: ${JSON.stringify(change)}\n\n`;
}
