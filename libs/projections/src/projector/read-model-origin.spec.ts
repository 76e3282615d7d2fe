import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@app/event-store';
import { assertReadModelsMatch, READ_MODEL_ORIGIN_COLLECTION, readModelMismatch, ReadModelsMismatchError, recordReadModelOrigin } from './read-model-origin';
import { InMemoryEventStore, InMemoryReadStore } from './testing/in-memory-stores';

const PROJECTIONS = ['plan-view', 'plan-list'];

function noted(): EventToAppend {
  return { id: randomUUID(), type: 'Noted', data: {}, metadata: { schemaVersion: 1 } };
}

describe('the read models and the event store they were built from', () => {
  let eventStore: InMemoryEventStore;
  let readStore: InMemoryReadStore;

  beforeEach(() => {
    eventStore = new InMemoryEventStore();
    readStore = new InMemoryReadStore();
  });

  async function projectedUpTo(position: number): Promise<void> {
    for (const projection of PROJECTIONS) await readStore.applyBatch([], { projection, position });
  }

  it('records the event store as the origin of read models started on it', async () => {
    await assertReadModelsMatch(eventStore, readStore, PROJECTIONS);

    expect(await readStore.get(READ_MODEL_ORIGIN_COLLECTION, 'event-store')).toEqual({
      id: 'event-store',
      eventStoreId: await eventStore.identity(),
    });
    expect(await readModelMismatch(eventStore, readStore, PROJECTIONS)).toBeNull();
  });

  it('refuses read models built from another event store, saying to restore it or rebuild', async () => {
    await assertReadModelsMatch(new InMemoryEventStore(), readStore, PROJECTIONS);

    const refusal = assertReadModelsMatch(eventStore, readStore, PROJECTIONS);

    await expect(refusal).rejects.toThrow(ReadModelsMismatchError);
    await expect(refusal).rejects.toThrow(
      /^The read models were built from another event store \(\S+\) than the one opened \(\S+\): restore the event store they were built from, or rebuild them from this one with `npm run rebuild -- --all`\.$/,
    );
  });

  it('refuses read models ahead of the event store, as after it was emptied or restored from an older copy', async () => {
    const { position } = await eventStore.appendToStream('servicePlan-a', [noted()], { expectedRevision: 'no_stream' });
    await assertReadModelsMatch(eventStore, readStore, PROJECTIONS);
    await projectedUpTo(position + 100);

    await expect(assertReadModelsMatch(eventStore, readStore, PROJECTIONS)).rejects.toThrow(
      `The read models are ahead of the event store (projection plan-view has applied events up to position ${position + 100}, ` +
        `but the event store ends at ${position}), so events are missing from it: restore the event store from a backup, ` +
        'or rebuild the read models from it with `npm run rebuild -- --all`.',
    );
  });

  it('is not fooled into "ahead" by an event appended and projected while the checkpoints are read', async () => {
    const { position } = await eventStore.appendToStream('servicePlan-a', [noted()], { expectedRevision: 'no_stream' });
    await assertReadModelsMatch(eventStore, readStore, PROJECTIONS);
    await projectedUpTo(position);
    const listCheckpoints = readStore.listCheckpoints.bind(readStore);
    jest.spyOn(readStore, 'listCheckpoints').mockImplementation(async () => {
      // As a store across the network answers: later, after anything else asked for at once.
      await new Promise((resolve) => setImmediate(resolve));
      const appended = await eventStore.appendToStream('servicePlan-b', [noted()], { expectedRevision: 'no_stream' });
      await projectedUpTo(appended.position);
      return listCheckpoints();
    });

    expect(await readModelMismatch(eventStore, readStore, PROJECTIONS)).toBeNull();
  });

  it('adopts read models made before stores had identities when they are not ahead', async () => {
    const { position } = await eventStore.appendToStream('servicePlan-a', [noted()], { expectedRevision: 'no_stream' });
    await projectedUpTo(position);

    await assertReadModelsMatch(eventStore, readStore, PROJECTIONS);

    expect(await readStore.get(READ_MODEL_ORIGIN_COLLECTION, 'event-store')).toMatchObject({ eventStoreId: await eventStore.identity() });
  });

  it('refuses read models made before identities when the event store is empty', async () => {
    await projectedUpTo(40);

    await expect(assertReadModelsMatch(eventStore, readStore, PROJECTIONS)).rejects.toThrow(
      'but the event store is empty), so events are missing from it',
    );
  });

  it('ignores the checkpoint of a projection no longer run', async () => {
    await readStore.applyBatch([], { projection: 'retired-view', position: 500 });

    await expect(assertReadModelsMatch(eventStore, readStore, PROJECTIONS)).resolves.toBeUndefined();
  });

  it('accepts the read models once all of them were rebuilt from this event store', async () => {
    await assertReadModelsMatch(new InMemoryEventStore(), readStore, PROJECTIONS);

    await recordReadModelOrigin(eventStore, readStore);

    await expect(assertReadModelsMatch(eventStore, readStore, PROJECTIONS)).resolves.toBeUndefined();
  });
});
