export type StoreName = 'event store' | 'read store';

/**
 * What is wrong with a store's storage: `damaged` (corrupt, truncated or not a database), `not-writable`
 * (permissions, a read-only disk), `disk-full`, `disk-error`, or `replaced` (the file the service
 * opened was deleted or swapped for another while it ran).
 */
export type StoreFault = 'damaged' | 'not-writable' | 'disk-full' | 'disk-error' | 'replaced';

/**
 * A store cannot be used as it is. The message is one sentence for the operator: which file or server,
 * what is wrong, and what to do. Callers of the API are answered 503 without it; `/health` shows it.
 */
export class StoreUnavailableError extends Error {
  constructor(
    readonly store: StoreName,
    readonly fault: StoreFault,
    message: string,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}
