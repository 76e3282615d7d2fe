import type { EvidenceEvent } from '../evidence';
import { sealEvent } from '../hash-chain';

/** A stream as the command service writes it: each event sealed with the previous event's hash. */
export function sealedChain(streamId: string, datas: Array<Record<string, unknown>>): EvidenceEvent[] {
  const events: EvidenceEvent[] = [];
  datas.forEach((data, revision) => {
    const unsealed = {
      id: `event-${revision}`,
      streamId,
      revision,
      position: 100 + revision,
      type: 'ActualRecorded',
      data,
      metadata: { schemaVersion: 1, actor: { id: 'u1', name: 'Officer', role: 'officer' } },
      recordedAt: `2024-0${1 + (revision % 9)}-15T09:00:00.000Z`,
    };
    const previousHash = revision === 0 ? null : (events[revision - 1].metadata.hash as string);
    events.push({ ...unsealed, metadata: sealEvent(unsealed, previousHash) });
  });
  return events;
}
