import { CHAIN_FAILURE_SENTENCES, verifyChain } from './hash-chain';

/**
 * The evidence file an auditor keeps: JSON Lines, a header line and then every stored event of one
 * plan's stream in revision order, exactly as stored, so that anyone can re-check the hash chain
 * offline without trusting the service. README "Evidence for auditors" describes it for re-implementers.
 */

export const EVIDENCE_FORMAT = 'plan-tracking-evidence';
export const EVIDENCE_FORMAT_VERSION = 1;

export const HOW_TO_VERIFY =
  'Run `npm run verify-evidence -- <this file>`, or check by hand: for each event line in order, the SHA-256 (hex) ' +
  'of the canonical JSON (object keys sorted at every depth, no whitespace) of { streamId, revision, type, data, ' +
  'metadata without hash } equals metadata.hash, metadata.previousHash equals the hash of the line before (null ' +
  'for revision 0), revisions run 0, 1, 2, ... in one stream, and the last hash is headHash.';

export interface EvidenceHeader {
  format: typeof EVIDENCE_FORMAT;
  formatVersion: typeof EVIDENCE_FORMAT_VERSION;
  council: string;
  planId: string;
  streamId: string;
  exportedAt: string;
  eventCount: number;
  /** The stored hash of the last event, null for a file of no events. */
  headHash: string | null;
  verify: string;
}

/** An event line: the stored event with every field the store keeps. */
export interface EvidenceEvent {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
}

export function evidenceHeader(fields: Omit<EvidenceHeader, 'format' | 'formatVersion' | 'verify'>): EvidenceHeader {
  return { format: EVIDENCE_FORMAT, formatVersion: EVIDENCE_FORMAT_VERSION, ...fields, verify: HOW_TO_VERIFY };
}

/** The event line as written to the file, its fields in a fixed order for a reader's eye. */
export function evidenceLine(event: EvidenceEvent): string {
  const { id, streamId, revision, position, type, data, metadata, recordedAt } = event;
  return JSON.stringify({ id, streamId, revision, position, type, data, metadata, recordedAt });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** The header a parsed first line holds, or a sentence saying why it is not one. */
export function readEvidenceHeader(value: unknown): EvidenceHeader | string {
  if (!isObject(value) || value.format !== EVIDENCE_FORMAT) {
    return `The first line is not the header of a ${EVIDENCE_FORMAT} file.`;
  }
  if (value.formatVersion !== EVIDENCE_FORMAT_VERSION) {
    return `The file is of format version ${JSON.stringify(value.formatVersion)}; this check reads version ${EVIDENCE_FORMAT_VERSION}.`;
  }
  if (typeof value.streamId !== 'string' || !isCount(value.eventCount)) {
    return 'The header does not give the stream and its number of events.';
  }
  if (value.headHash !== null && typeof value.headHash !== 'string') return 'The header does not give the head hash.';
  return value as unknown as EvidenceHeader;
}

/** The event a parsed line holds, or a sentence saying which field it lacks. */
export function readEvidenceEvent(value: unknown): EvidenceEvent | string {
  if (!isObject(value)) return 'The line is not an event.';
  const missing = [
    typeof value.id === 'string' ? null : 'id',
    typeof value.streamId === 'string' ? null : 'streamId',
    isCount(value.revision) ? null : 'revision',
    typeof value.type === 'string' ? null : 'type',
    isObject(value.data) ? null : 'data',
    isObject(value.metadata) ? null : 'metadata',
  ].filter((field) => field !== null);
  return missing.length === 0 ? (value as unknown as EvidenceEvent) : `The event line lacks ${missing.join(', ')}.`;
}

export interface EvidenceFailure {
  /** Line of the file, from 1 (the header). */
  line: number;
  revision: number | null;
  eventId: string | null;
  reason: string;
}

export interface EvidenceVerification {
  ok: boolean;
  eventsChecked: number;
  /** The hash of the last event line as recomputed, which a committee paper's head hash is compared with. */
  headHash: string | null;
  firstFailure: EvidenceFailure | null;
}

/** An event read from the file, with the line it was on. */
export interface EvidenceEntry {
  line: number;
  event: EvidenceEvent;
}

/**
 * Checks a whole evidence file: each event's own hash and its link to the one before, that every
 * event is of the header's stream and revisions run from 0 without gaps, and that the header's count
 * and head hash are the file's, so that events cut off at the end show too.
 */
export function verifyEvidence(header: EvidenceHeader, entries: readonly EvidenceEntry[]): EvidenceVerification {
  const events = entries.map((entry) => entry.event);
  const chain = verifyChain(events);
  const chainFailureAt = chain.firstFailure ? chain.checked - 1 : events.length;
  for (const [index, { line, event }] of entries.entries()) {
    const failure = (reason: string): EvidenceVerification => ({
      ok: false,
      eventsChecked: index + 1,
      headHash: null,
      firstFailure: { line, revision: event.revision, eventId: event.id, reason },
    });
    if (event.streamId !== header.streamId) {
      return failure(`The event is of the stream ${event.streamId}, not of the header's ${header.streamId}: it was taken from another plan.`);
    }
    if (index === chainFailureAt) return failure(CHAIN_FAILURE_SENTENCES[chain.firstFailure!.reason]);
    if (event.revision !== index) {
      return failure(`The event has revision ${event.revision} where ${index} was expected: revisions run from 0 without gaps.`);
    }
  }
  const headHash = events.length === 0 ? null : String(events[events.length - 1].metadata.hash);
  const headerFailure = (reason: string): EvidenceVerification => ({
    ok: false,
    eventsChecked: events.length,
    headHash,
    firstFailure: { line: 1, revision: null, eventId: null, reason },
  });
  if (header.eventCount !== events.length) {
    return headerFailure(
      `The header counts ${header.eventCount} events but the file holds ${events.length}: events were cut off or added at the end.`,
    );
  }
  if (header.headHash !== headHash) {
    return headerFailure(`The header's head hash ${header.headHash} is not the last event's hash ${headHash}.`);
  }
  return { ok: true, eventsChecked: events.length, headHash, firstFailure: null };
}
