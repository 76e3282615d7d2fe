import type { AllSubscription, StoredEvent } from './event-store.port';

/**
 * Wraps an adapter's event generator as an `AllSubscription`. The generator receives a signal that
 * aborts on `unsubscribe()` (or when `stopWith` aborts, e.g. when the store closes); it must wake from
 * any wait on abort and return, so that a pending `next()` resolves with `done`.
 */
export function toAllSubscription(
  produce: (signal: AbortSignal) => AsyncGenerator<StoredEvent, void, undefined>,
  stopWith?: AbortSignal,
): AllSubscription {
  const unsubscribed = new AbortController();
  const signal = stopWith ? AbortSignal.any([unsubscribed.signal, stopWith]) : unsubscribed.signal;
  const events = produce(signal);
  return {
    [Symbol.asyncIterator]: () => events,
    async unsubscribe() {
      unsubscribed.abort();
      // Runs the generator's `finally` even when the consumer holds an event and never asks again.
      await events.return(undefined);
    },
  };
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
  });
}
