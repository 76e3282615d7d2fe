import { identityDecoder } from './project-batch';
import { ProjectionFailedError } from './project-batch';
import { PROJECTION_VERSIONS_COLLECTION } from './projection-setup';
import { Projector } from './projector';
import { type RebuildProgress, rebuildProjection, rebuildProjections } from './rebuild';
import { InMemoryEventStore, InMemoryReadStore } from './testing/in-memory-stores';
import { AUDIT_PREFIX, append, auditProjection, ledgerProjection, recordingLogger } from './testing/sample-projections';

describe('rebuildProjection', () => {
  let eventStore: InMemoryEventStore;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    for (let i = 0; i < 12; i += 1) {
      await append(eventStore, `ledger-${i % 3}`, i === 7 ? 'Closed' : 'Deposited', { amount: i });
      await append(eventStore, `${AUDIT_PREFIX}${i}`, 'Audited');
    }
  });

  it('reports its progress and ends with the same documents as a live run', async () => {
    const live = new InMemoryReadStore();
    const projector = new Projector({
      decode: identityDecoder,
      eventStore,
      readStore: live,
      projections: [ledgerProjection().projection],
      logger: recordingLogger(),
    });
    await projector.start();
    expect(await projector.waitFor((await eventStore.headPosition())!, 5000)).toBe(true);
    await projector.stop();

    const rebuilt = new InMemoryReadStore();
    await rebuilt.upsert('totals', { id: 'stale', balance: 99 });
    const reports: RebuildProgress[] = [];
    const result = await rebuildProjection({
      decode: identityDecoder,
      eventStore,
      readStore: rebuilt,
      projection: ledgerProjection().projection,
      batchSize: 5,
      onProgress: (progress) => reports.push(progress),
    });

    expect(reports.map(({ processed, total }) => [processed, total])).toEqual([
      [0, 12],
      [5, 12],
      [10, 12],
      [12, 12],
    ]);
    expect(result).toMatchObject({ processed: 12, total: 12, checkpoint: await eventStore.headPosition({ streamPrefixes: ['ledger-'] }) });
    for (const collection of ['totals', 'entries']) {
      expect(await rebuilt.find(collection)).toEqual(await live.find(collection));
    }
    expect(await rebuilt.getCheckpoint('ledger')).toMatchObject({ position: result.checkpoint });
    expect(await rebuilt.get(PROJECTION_VERSIONS_COLLECTION, 'ledger')).toMatchObject({ version: 1 });
  });

  it('reads back none of the documents it has written, only those it has not seen yet', async () => {
    const readStore = new InMemoryReadStore();
    const asked: string[] = [];
    const getMany = readStore.getMany.bind(readStore);
    jest.spyOn(readStore, 'getMany').mockImplementation((collection, ids) => {
      asked.push(...ids.map((id) => `${collection}/${id}`));
      return getMany(collection, ids);
    });

    await rebuildProjection({ eventStore, readStore, decode: identityDecoder, projection: ledgerProjection().projection, batchSize: 2 });

    // ledger-1 is deleted by its Closed event, so its next deposit looks for it once more.
    expect(asked.sort()).toEqual(['entries/all', 'totals/ledger-0', 'totals/ledger-1', 'totals/ledger-1', 'totals/ledger-2']);
    expect(await readStore.get('totals', 'ledger-0')).toMatchObject({ balance: 0 + 3 + 6 + 9 });
  });

  it('leaves a projector started afterwards nothing to redo', async () => {
    const readStore = new InMemoryReadStore();
    await rebuildProjection({ eventStore, readStore, decode: identityDecoder, projection: ledgerProjection().projection });
    const { projection, applied } = ledgerProjection();
    const projector = new Projector({ eventStore, readStore, decode: identityDecoder, projections: [projection], logger: recordingLogger() });
    await projector.start();
    const position = await append(eventStore, 'ledger-0', 'Deposited', { amount: 1 });

    expect(await projector.waitFor(position, 5000)).toBe(true);
    await projector.stop();
    expect(applied).toHaveLength(2);
  });

  it('gives way to other work between batches, though the stores answer without waiting', async () => {
    const finished: string[] = [];
    const rebuilding = rebuildProjection({
      decode: identityDecoder,
      eventStore,
      readStore: new InMemoryReadStore(),
      projection: ledgerProjection().projection,
      batchSize: 2,
    }).then(() => finished.push('rebuild'));
    const otherWork = new Promise((resolve) => setImmediate(resolve)).then(() => finished.push('other work'));

    await Promise.all([rebuilding, otherWork]);
    expect(finished).toEqual(['other work', 'rebuild']);
  });

  it('rejects at the event the projection cannot apply, keeping the batches before it', async () => {
    const readStore = new InMemoryReadStore();
    const rebuilding = rebuildProjection({
      decode: identityDecoder,
      eventStore,
      readStore,
      projection: ledgerProjection({ failOn: 'Closed' }).projection,
      batchSize: 5,
    });

    await expect(rebuilding).rejects.toBeInstanceOf(ProjectionFailedError);
    await expect(rebuilding).rejects.toMatchObject({ details: { eventType: 'Closed', streamId: 'ledger-1' } });
    expect((await readStore.find('entries')).items).toEqual([expect.objectContaining({ count: 7 })]);
  });

  it('rebuilds several projections in one pass over the log, each event decoded once, to what each rebuilt alone would hold', async () => {
    const alone = new InMemoryReadStore();
    for (const projection of [ledgerProjection().projection, auditProjection()]) {
      await rebuildProjection({ eventStore, readStore: alone, decode: identityDecoder, projection, batchSize: 5 });
    }

    const together = new InMemoryReadStore();
    const decoded: number[] = [];
    const readAll = jest.spyOn(eventStore, 'readAll');
    const result = await rebuildProjections({
      eventStore,
      readStore: together,
      projections: [ledgerProjection().projection, auditProjection()],
      decode: (stored) => {
        decoded.push(stored.position);
        return stored;
      },
      batchSize: 5,
    });

    for (const collection of ['totals', 'entries', 'audit']) {
      expect(await together.find(collection)).toEqual(await alone.find(collection));
    }
    expect(decoded).toEqual([...new Set(decoded)]);
    expect(decoded).toHaveLength(24);
    // 24 events in pages of 5: five pages to count them and five to replay them.
    expect(readAll).toHaveBeenCalledTimes(10);
    expect(result).toMatchObject({
      processed: 24,
      total: 24,
      checkpoints: {
        ledger: await eventStore.headPosition({ streamPrefixes: ['ledger-'] }),
        audit: await eventStore.headPosition({ streamPrefixes: [AUDIT_PREFIX] }),
      },
    });
    expect(await together.getCheckpoint('audit')).toMatchObject({ position: result.checkpoints.audit });
  });

  it('stops every projection at a failing one, each keeping the batches it committed', async () => {
    const readStore = new InMemoryReadStore();
    const rebuilding = rebuildProjections({
      eventStore,
      readStore,
      projections: [ledgerProjection({ failOn: 'Closed' }).projection, auditProjection()],
      decode: identityDecoder,
      batchSize: 4,
    });

    await expect(rebuilding).rejects.toMatchObject({ projection: 'ledger', details: { eventType: 'Closed' } });
    // Closed is the 15th event of the log, in the fourth page: the audit has the three pages before it.
    expect((await readStore.find('audit')).items).toHaveLength(6);
    expect((await readStore.find('entries')).items).toEqual([expect.objectContaining({ count: 7 })]);
  });
});
