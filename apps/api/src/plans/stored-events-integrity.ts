import { CHAIN_FAILURE_SENTENCES, verifyChain, type ChainFailureReason } from '@app/domain';
import type { StoredEvent } from '@app/event-store';

/**
 * What the integrity check and the answers rebuilt from events (`asOf`, `version`) say of the stored
 * events they read: the first whose hash or link does not hold, or whose recorded time was moved.
 */

export type IntegrityFailureReason = ChainFailureReason | 'recorded-time-mismatch' | 'unreadable';

export const INTEGRITY_FAILURE_SENTENCES: Record<IntegrityFailureReason, string> = {
  ...CHAIN_FAILURE_SENTENCES,
  'recorded-time-mismatch':
    "The event's recorded time does not match the sealed decision time: when it was recorded has been altered.",
  unreadable:
    'The event cannot be read back: the event store is damaged where it is kept, and it must be restored from a backup.',
};

export interface StoredEventFailure {
  revision: number;
  eventId: string;
  position: number;
  /** What does not hold, in a sentence. */
  reason: string;
}

/** How far the store's clock may be from the service's: beyond it, `recordedAt` was not the store's. */
const RECORDING_TOLERANCE_MS = 60_000;

/**
 * The first of `events` (in revision order, the first linking to `previousHash`) that fails, with its
 * index. Only the events the chain vouches for say truly when they were decided, so a moved recorded
 * time is looked for before the first broken link only.
 */
export function firstStoredEventFailure(
  events: readonly StoredEvent[],
  previousHash: string | null = null,
): { index: number; failure: StoredEventFailure } | null {
  const chain = verifyChain(events, previousHash);
  const chainFailureAt = chain.firstFailure ? chain.checked - 1 : events.length;
  const timeFailureAt = firstRecordedTimeMismatch(events.slice(0, chainFailureAt));
  const failed: [number, IntegrityFailureReason] | null =
    timeFailureAt !== null
      ? [timeFailureAt, 'recorded-time-mismatch']
      : chain.firstFailure
        ? [chainFailureAt, chain.firstFailure.reason]
        : null;
  if (failed === null) return null;
  const [index, reason] = failed;
  const { revision, id: eventId, position } = events[index];
  return { index, failure: { revision, eventId, position, reason: INTEGRITY_FAILURE_SENTENCES[reason] } };
}

/**
 * `recordedAt` is the store's, outside the hash, yet `asOf` reads the plan by it; each event seals the
 * time it was decided (`decidedAt`), so a recorded time moved away from it is named. Events written
 * before `decidedAt` was sealed have nothing to compare with.
 */
function firstRecordedTimeMismatch(events: readonly StoredEvent[]): number | null {
  const index = events.findIndex(({ metadata, recordedAt }) => {
    if (typeof metadata.decidedAt !== 'string') return false;
    // Negated so that a recorded time that is no time at all (NaN) fails too.
    return !(Math.abs(Date.parse(recordedAt) - Date.parse(metadata.decidedAt)) <= RECORDING_TOLERANCE_MS);
  });
  return index === -1 ? null : index;
}
