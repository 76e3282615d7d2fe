import type { AppendResult, EventStore, EventToAppend, ExpectedRevision } from '@app/event-store';

/**
 * A real adapter, wrapped so that the process seems to stop part-way: once `stopsBefore` says so, that
 * append and every one after it fail without writing, as they would had the process died there. Reads
 * go on answering from the real store, whose contract the adapter keeps.
 */
export class StoppingEventStore implements EventStore {
  /** The streams appended to, in order, before it stopped. */
  readonly appended: string[] = [];
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly stopsBefore: (appended: readonly string[], next: string) => boolean,
  ) {}

  async appendToStream(streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (this.stopped || this.stopsBefore(this.appended, streamId)) {
      this.stopped = true;
      throw new Error(`The process stopped before appending to ${streamId}`);
    }
    const result = await this.store.appendToStream(streamId, events, options);
    this.appended.push(streamId);
    return result;
  }

  readStream: EventStore['readStream'] = (...args) => this.store.readStream(...args);
  readAll: EventStore['readAll'] = (...args) => this.store.readAll(...args);
  subscribeToAll: EventStore['subscribeToAll'] = (...args) => this.store.subscribeToAll(...args);
  headPosition: EventStore['headPosition'] = (...args) => this.store.headPosition(...args);
  identity: EventStore['identity'] = () => this.store.identity();
  ping: EventStore['ping'] = () => this.store.ping();
  close: EventStore['close'] = () => this.store.close();
}
