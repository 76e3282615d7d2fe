import { evidenceHeader, readEvidenceEvent, readEvidenceHeader, verifyEvidence, type EvidenceEvent } from './evidence';
import { sealedChain } from './testing/sealed-chain';

const streamId = 'servicePlan-hart/corporate-services-2023-24';

function evidenceOf(events: EvidenceEvent[]) {
  const header = evidenceHeader({
    council: 'hart',
    planId: 'corporate-services-2023-24',
    streamId,
    exportedAt: '2024-06-01T10:00:00.000Z',
    eventCount: events.length,
    headHash: events.length ? (events[events.length - 1].metadata.hash as string) : null,
  });
  // Line 1 is the header.
  return { header, entries: events.map((event, index) => ({ line: index + 2, event })) };
}

const figures = [{ value: 29.1 }, { value: 56.4 }, { value: 80.2 }, { value: 97.9 }];

describe('verifying an evidence file', () => {
  it('accepts the untouched stream and gives its head hash', () => {
    const events = sealedChain(streamId, figures);
    const { header, entries } = evidenceOf(events);
    expect(verifyEvidence(header, entries)).toEqual({
      ok: true,
      eventsChecked: 4,
      headHash: events[3].metadata.hash,
      firstFailure: null,
    });
  });

  it('names the line, revision and event whose data was altered', () => {
    const { header, entries } = evidenceOf(sealedChain(streamId, figures));
    entries[2].event = { ...entries[2].event, data: { value: 85.2 } };
    expect(verifyEvidence(header, entries)).toMatchObject({
      ok: false,
      eventsChecked: 3,
      firstFailure: {
        line: 4,
        revision: 2,
        eventId: 'event-2',
        reason: 'The event no longer matches the hash recorded when it was written: it has been altered.',
      },
    });
  });

  it('names the broken link after an event removed from the middle', () => {
    const events = sealedChain(streamId, figures);
    const { header } = evidenceOf(events);
    const { entries } = evidenceOf([events[0], ...events.slice(2)]);
    expect(verifyEvidence(header, entries).firstFailure).toEqual({
      line: 3,
      revision: 2,
      eventId: 'event-2',
      reason: 'The event does not link to the event before it: an event before it was altered, removed or inserted.',
    });
  });

  it('refuses events cut off at the end, which leave an unbroken chain, by the header\'s count', () => {
    const { header, entries } = evidenceOf(sealedChain(streamId, figures));
    expect(verifyEvidence(header, entries.slice(0, 3))).toMatchObject({
      ok: false,
      firstFailure: {
        line: 1,
        revision: null,
        eventId: null,
        reason: 'The header counts 4 events but the file holds 3: events were cut off or added at the end.',
      },
    });
  });

  it('refuses a header whose head hash is not the last event\'s', () => {
    const { header, entries } = evidenceOf(sealedChain(streamId, figures));
    const answer = verifyEvidence({ ...header, headHash: 'f'.repeat(64) }, entries);
    expect(answer.ok).toBe(false);
    expect(answer.firstFailure?.reason).toBe(`The header's head hash ${'f'.repeat(64)} is not the last event's hash ${answer.headHash}.`);
  });

  it('refuses an event of another stream, though its own chain holds', () => {
    const { header, entries } = evidenceOf(sealedChain('servicePlan-rushmoor/corporate-services-2023-24', figures));
    expect(verifyEvidence(header, entries).firstFailure).toMatchObject({
      line: 2,
      revision: 0,
      reason: `The event is of the stream servicePlan-rushmoor/corporate-services-2023-24, not of the header's ${streamId}: it was taken from another plan.`,
    });
  });

  it('refuses revisions that do not run from 0 without gaps, even when the chain was re-sealed', () => {
    const events = sealedChain(streamId, figures).map((event) => ({ ...event, revision: event.revision + 1 }));
    const { header, entries } = evidenceOf(events);
    // Hashes include the revision, so a renumbered file fails its hash first unless re-sealed; either way line 2.
    expect(verifyEvidence(header, entries).firstFailure).toMatchObject({ line: 2, revision: 1 });
  });
});

describe('reading evidence lines', () => {
  it('takes a header of this format and version only', () => {
    const header = evidenceOf([]).header;
    expect(readEvidenceHeader(JSON.parse(JSON.stringify(header)))).toEqual(header);
    expect(readEvidenceHeader({ format: 'something-else' })).toBe('The first line is not the header of a plan-tracking-evidence file.');
    expect(readEvidenceHeader({ ...header, formatVersion: 2 })).toBe(
      'The file is of format version 2; this check reads version 1.',
    );
  });

  it('names the fields an event line lacks', () => {
    const [event] = sealedChain(streamId, figures);
    expect(readEvidenceEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(readEvidenceEvent({ ...event, revision: '0', data: null })).toBe('The event line lacks revision, data.');
    expect(readEvidenceEvent([1, 2])).toBe('The line is not an event.');
  });
});
