import { identityDecoder, projectBatch } from './project-batch';
import type { ProjectedEvent, Projection } from './projection';
import { InMemoryEventStore, InMemoryReadStore } from './testing/in-memory-stores';
import { append } from './testing/sample-projections';

/** A running count per stream, a copy of it at every second event, and its latest total in words. */
function countingProjection(calls: { latest: number[][] }): Projection {
  return {
    name: 'counts',
    version: 1,
    collections: ['counts', 'marks', 'words'],
    filter: {},
    documentsFor: (event) => [{ collection: 'counts', id: event.streamId }],
    apply: (document, _event, ref) => ({ id: ref.id, count: Number(document?.count ?? 0) + 1 }),
    derive: (document, event) =>
      event.revision % 2 === 1 ? [{ collection: 'marks', document: { id: `${event.streamId}@${event.revision}`, count: document.count } }] : [],
    deriveLatest(document, events: ProjectedEvent[], ref) {
      calls.latest.push(events.map(({ revision }) => revision));
      return [{ collection: 'words', document: { id: ref.id, text: `${String(document.count)} events` } }];
    },
  };
}

describe('projectBatch', () => {
  it('cuts what is derived from a document\'s latest state once, from its last event in the batch, and writes it first', async () => {
    const eventStore = new InMemoryEventStore();
    for (let i = 0; i < 5; i += 1) await append(eventStore, 'stream-a', 'Counted');
    await append(eventStore, 'stream-b', 'Counted');
    const calls = { latest: [] as number[][] };

    const batch = await projectBatch(new InMemoryReadStore(), countingProjection(calls), await eventStore.readAll(), identityDecoder);

    expect(calls.latest).toEqual([[0, 1, 2, 3, 4], [0]]);
    expect(batch.writes.map((write) => (write.kind === 'upsert' ? [write.collection, write.document.id, write.document.count ?? write.document.text] : write))).toEqual([
      ['marks', 'stream-a@1', 2],
      ['marks', 'stream-a@3', 4],
      ['words', 'stream-a', '5 events'],
      ['words', 'stream-b', '1 events'],
      ['counts', 'stream-a', 5],
      ['counts', 'stream-b', 1],
    ]);
  });

  it('fails the whole batch when what is derived from its end cannot be made, at the last event of that document', async () => {
    const eventStore = new InMemoryEventStore();
    for (let i = 0; i < 3; i += 1) await append(eventStore, 'stream-a', 'Counted');
    const projection: Projection = {
      ...countingProjection({ latest: [] }),
      deriveLatest: () => {
        throw new Error('no words for it');
      },
    };

    const batch = await projectBatch(new InMemoryReadStore(), projection, await eventStore.readAll(), identityDecoder);

    expect(batch).toMatchObject({ writes: [], position: null, handled: 0 });
    expect(batch.failure?.details).toMatchObject({ message: 'no words for it', streamId: 'stream-a', position: (await eventStore.headPosition())! });
  });
});
