import type { AllSubscription, StoredEvent } from '@app/event-store';

const NOT_READY = Symbol('not ready');

/**
 * Cuts a subscription into batches: waits for one event, then takes whatever else is already
 * available (settled before the event loop's next turn) up to the limit, never waiting to fill a
 * batch. Holds at most one pending `next()` between batches, so no event is pulled twice or lost.
 * An error of the subscription comes after the events delivered before it.
 */
export class SubscriptionBatches {
  private readonly events: AsyncIterator<StoredEvent>;
  private pending: Promise<IteratorResult<StoredEvent>> | null = null;
  private ended = false;
  private closing: Promise<void> | null = null;

  constructor(private readonly subscription: AllSubscription) {
    this.events = subscription[Symbol.asyncIterator]();
  }

  /** The next batch; empty once the subscription has ended. */
  async next(limit: number): Promise<StoredEvent[]> {
    if (this.ended) return [];
    const first = await this.pull();
    if (first.done) {
      this.ended = true;
      return [];
    }
    const batch = [first.value];
    while (batch.length < limit) {
      let result: IteratorResult<StoredEvent> | typeof NOT_READY;
      try {
        result = await this.pullIfReady();
      } catch {
        // The failed pull stays pending, so the next call throws its error once this batch is applied.
        break;
      }
      if (result === NOT_READY) break;
      if (result.done) {
        this.ended = true;
        break;
      }
      batch.push(result.value);
    }
    return batch;
  }

  /** Ends the subscription; a pending `next()` resolves with what it has. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.subscription.unsubscribe();
    return this.closing;
  }

  private pull(): Promise<IteratorResult<StoredEvent>> {
    const result = this.pending ?? this.events.next();
    this.pending = null;
    return result;
  }

  private async pullIfReady(): Promise<IteratorResult<StoredEvent> | typeof NOT_READY> {
    const pending = (this.pending ??= this.events.next());
    let timer: NodeJS.Immediate | undefined;
    const nextTurn = new Promise<typeof NOT_READY>((resolve) => {
      timer = setImmediate(resolve, NOT_READY);
    });
    try {
      const result = await Promise.race([pending, nextTurn]);
      if (result !== NOT_READY) this.pending = null;
      return result;
    } finally {
      clearImmediate(timer);
    }
  }
}
