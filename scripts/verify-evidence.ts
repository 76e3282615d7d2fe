/**
 * Checks an evidence file (`GET /v1/plans/{planId}/evidence`) offline, without the service, its
 * stores or a network, so that an auditor need not trust the server that produced it:
 *   npm run verify-evidence -- <file>
 * Exit code 0: every event's hash and link holds and the header's count and head hash are the file's;
 * 1: the file was altered, and the first event that fails is named; 2: not readable as an evidence file.
 * It imports nothing but the domain's hash chain, on purpose: what it trusts fits on a page.
 */
import { readFileSync } from 'node:fs';
import {
  readEvidenceEvent,
  readEvidenceHeader,
  verifyEvidence,
  type EvidenceEntry,
  type EvidenceHeader,
} from '../libs/domain/src/integrity/evidence';

const NOT_VALID = 1;
const UNREADABLE = 2;

class UnreadableEvidence extends Error {}

function parsedLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UnreadableEvidence(`line ${line} is not JSON${line === 1 ? '' : ' (the file may have been cut off)'}.`);
  }
}

function readEvidenceFile(path: string): { header: EvidenceHeader; entries: EvidenceEntry[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UnreadableEvidence(`it cannot be read: ${(error as Error).message}.`);
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new UnreadableEvidence('it is empty.');
  const header = readEvidenceHeader(parsedLine(lines[0], 1));
  if (typeof header === 'string') throw new UnreadableEvidence(`line 1: ${header}`);
  const entries = lines.slice(1).map((text, index) => {
    const line = index + 2;
    const event = readEvidenceEvent(parsedLine(text, line));
    if (typeof event === 'string') throw new UnreadableEvidence(`line ${line}: ${event}`);
    return { line, event };
  });
  return { header, entries };
}

function main(path: string | undefined): number {
  if (path === undefined) {
    console.error('Usage: npm run verify-evidence -- <evidence file>');
    return UNREADABLE;
  }
  let evidence: ReturnType<typeof readEvidenceFile>;
  try {
    evidence = readEvidenceFile(path);
  } catch (error) {
    if (!(error instanceof UnreadableEvidence)) throw error;
    console.error(`${path} is not an evidence file we can read: ${error.message}`);
    return UNREADABLE;
  }
  const { header, entries } = evidence;
  const result = verifyEvidence(header, entries);
  const plan = `plan ${header.planId} of ${header.council} (stream ${header.streamId}), exported at ${header.exportedAt}`;
  if (result.firstFailure === null) {
    console.log(`VALID: ${result.eventsChecked} events of ${plan}; every event's hash and link to the one before holds.`);
    console.log(`Head hash: ${result.headHash ?? 'none (no events)'}`);
    return 0;
  }
  const { line, revision, eventId, reason } = result.firstFailure;
  const where = revision === null ? `line ${line} (the header)` : `line ${line}, revision ${revision}, event ${eventId}`;
  console.log(`NOT VALID: ${plan}.`);
  console.log(`First failure at ${where}: ${reason}`);
  console.log(`Head hash: ${result.headHash ?? 'none: the chain is broken before its end'}`);
  return NOT_VALID;
}

process.exitCode = main(process.argv[2]);
