import { createHash } from 'node:crypto';

/**
 * Tamper evidence for a stream: each event's metadata carries `previousHash` (the hash of the event
 * before it, null for the first) and `hash`, the SHA-256 of the canonical JSON of its stream, revision,
 * type, data and metadata without `hash`. Changing any stored byte of an event breaks its own hash;
 * rewriting the hash too breaks the next event's link. Hash the data as stored, before upcasting.
 */

/** JSON with object keys sorted at every depth and no whitespace: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}

function sortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return sortedKeys((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map(sortedKeys);
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortedKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

export interface HashableEvent {
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

export function eventHash(event: HashableEvent): string {
  const { hash: _hash, ...metadata } = event.metadata;
  const { streamId, revision, type, data } = event;
  return createHash('sha256').update(canonicalJson({ streamId, revision, type, data, metadata })).digest('hex');
}

/** The metadata to store with an event: its own plus the link to the previous event and its hash. */
export function sealEvent<M extends Record<string, unknown>>(
  event: HashableEvent & { metadata: M },
  previousHash: string | null,
): M & { previousHash: string | null; hash: string } {
  const metadata = { ...event.metadata, previousHash };
  return { ...metadata, hash: eventHash({ ...event, metadata }) };
}

export type ChainFailureReason = 'hash-mismatch' | 'previous-hash-mismatch';

/** What each broken link means, in the words an auditor reads. */
export const CHAIN_FAILURE_SENTENCES: Record<ChainFailureReason, string> = {
  'hash-mismatch': 'The event no longer matches the hash recorded when it was written: it has been altered.',
  'previous-hash-mismatch':
    'The event does not link to the event before it: an event before it was altered, removed or inserted.',
};

export interface ChainVerification {
  ok: boolean;
  /** Events checked, up to and including the first that fails. */
  checked: number;
  firstFailure: { revision: number; eventId: string; reason: ChainFailureReason } | null;
}

/**
 * Checks a stream in revision order: from its first event, or from the event after one whose hash
 * is already vouched for (`previousHash`), as when reading on from a snapshot.
 */
export function verifyChain(
  events: ReadonlyArray<HashableEvent & { id: string }>,
  previousHashOfFirst: string | null = null,
): ChainVerification {
  let previousHash = previousHashOfFirst;
  for (const [index, event] of events.entries()) {
    const failure = (reason: ChainFailureReason): ChainVerification => ({
      ok: false,
      checked: index + 1,
      firstFailure: { revision: event.revision, eventId: event.id, reason },
    });
    if ((event.metadata.previousHash ?? null) !== previousHash) return failure('previous-hash-mismatch');
    if (event.metadata.hash !== eventHash(event)) return failure('hash-mismatch');
    previousHash = event.metadata.hash;
  }
  return { ok: true, checked: events.length, firstFailure: null };
}
