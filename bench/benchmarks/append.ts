import { appendBenchmark } from '../support/append-rates';

/** One event per append, awaited before the next: what a single writer gets from the SQLite adapter. */
export const { name, run } = appendBenchmark('append', 1, 0.8);
