import { appendBenchmark } from '../support/append-rates';

/**
 * 32 appends in flight: the adapter commits the appends that arrive in one turn of the event loop in
 * one transaction (group commit), so one fsync serves many writers.
 */
export const { name, run } = appendBenchmark('append-32', 32, 3);
