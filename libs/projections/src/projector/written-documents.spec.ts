import { canonicalJson } from '@app/domain';
import { allDocuments, project } from '../plan-views/testing/plan-stream.fixture';
import { planProjections } from '../plan-views/plan-projections';
import { projectionVersionsStream } from '../plan-views/testing/projection-versions.fixture';
import { identityDecoder } from './project-batch';
import { Projector } from './projector';
import { InMemoryEventStore, InMemoryReadStore } from './testing/in-memory-stores';
import { append, ledgerProjection, recordingLogger, until } from './testing/sample-projections';
import { WrittenDocuments } from './written-documents';

describe('WrittenDocuments', () => {
  const ref = (id: string) => ({ collection: 'totals', id });

  it('gives back what was committed, forgets a deleted document, and keeps collections apart', () => {
    const written = new WrittenDocuments(10);
    written.remember([
      [ref('a'), { id: 'a', balance: 1 }],
      [{ collection: 'entries', id: 'a' }, { id: 'a', count: 1 }],
    ]);
    written.remember([[ref('a'), null]]);

    expect(written.get(ref('a'))).toBeUndefined();
    expect(written.get({ collection: 'entries', id: 'a' })).toEqual({ id: 'a', count: 1 });
    expect(written.get(ref('never'))).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the least recently used first', () => {
    const written = new WrittenDocuments(2);
    written.remember([[ref('a'), { id: 'a' }]]);
    written.remember([[ref('b'), { id: 'b' }]]);
    written.get(ref('a'));
    written.remember([[ref('c'), { id: 'c' }]]);

    expect(written.size).toBe(2);
    expect(written.get(ref('b'))).toBeUndefined();
    expect(written.get(ref('a'))).toEqual({ id: 'a' });
    expect(written.get(ref('c'))).toEqual({ id: 'c' });
  });
});

describe('The projector keeping the documents it wrote', () => {
  let eventStore: InMemoryEventStore;
  let readStore: InMemoryReadStore;
  let running: Projector[];

  beforeEach(() => {
    eventStore = new InMemoryEventStore();
    readStore = new InMemoryReadStore();
    running = [];
  });

  afterEach(async () => {
    await Promise.all(running.map((projector) => projector.stop()));
  });

  function ledger(options: { useLeases?: boolean; batchSize?: number } = {}): Projector {
    const projector = new Projector({
      eventStore,
      readStore,
      decode: identityDecoder,
      logger: recordingLogger(),
      projections: [ledgerProjection().projection],
      instanceId: 'holder',
      leaseTtlMs: 3000,
      ...options,
    });
    running.push(projector);
    return projector;
  }

  /** The ids each `getMany` of the totals asked for, from now on. */
  function totalsRead(): string[][] {
    const asked: string[][] = [];
    const getMany = readStore.getMany.bind(readStore);
    jest.spyOn(readStore, 'getMany').mockImplementation((collection, ids) => {
      if (collection === 'totals') asked.push([...ids]);
      return getMany(collection, ids);
    });
    return asked;
  }

  it('does not read back a document it wrote itself, batch after batch', async () => {
    const projector = ledger();
    await projector.start();
    expect(await projector.waitFor(await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 }), 5000)).toBe(true);
    const asked = totalsRead();

    for (const amount of [2, 3, 4]) {
      expect(await projector.waitFor(await append(eventStore, 'ledger-a', 'Deposited', { amount }), 5000)).toBe(true);
    }
    expect(await projector.waitFor(await append(eventStore, 'ledger-b', 'Deposited', { amount: 5 }), 5000)).toBe(true);

    expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 10 });
    expect(asked.flat()).toEqual(['ledger-b']);
  });

  it('reads a document afresh once it has stood by and another instance has written it', async () => {
    const projector = ledger({ useLeases: true });
    await projector.start();
    expect(await projector.waitFor(await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 }), 5000)).toBe(true);

    // Another instance takes the lease and applies the next deposit, as when this one stalled past its ttl.
    await readStore.releaseLease('ledger', 'holder');
    await readStore.acquireLease('ledger', 'intruder', 60_000);
    await until(() => projector.status()[0].state === 'standby');
    const byIntruder = await append(eventStore, 'ledger-a', 'Deposited', { amount: 2 });
    await readStore.applyBatch([{ kind: 'upsert', collection: 'totals', document: { id: 'ledger-a', balance: 3, projectedPosition: byIntruder } }], {
      projection: 'ledger',
      position: byIntruder,
    });
    await readStore.releaseLease('ledger', 'intruder');

    expect(await projector.waitFor(await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 }), 5000)).toBe(true);
    expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 7 });
  });

  it('reads its documents afresh after a rebuild', async () => {
    const projector = ledger();
    await projector.start();
    expect(await projector.waitFor(await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 }), 5000)).toBe(true);

    await projector.rebuild('ledger');
    const asked = totalsRead();
    expect(await projector.waitFor(await append(eventStore, 'ledger-a', 'Deposited', { amount: 2 }), 5000)).toBe(true);

    expect(asked.flat()).toEqual(['ledger-a']);
    expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 3 });
  });

  it('writes, from what it kept, every plan projection\'s documents as one pass over the stored events does', async () => {
    for (const event of projectionVersionsStream()) {
      await eventStore.appendToStream(event.streamId, [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }], {
        expectedRevision: 'any',
      });
    }
    const stored = await eventStore.readAll({});
    const projector = new Projector({
      eventStore,
      readStore,
      decode: identityDecoder,
      logger: recordingLogger(),
      projections: planProjections,
      batchSize: 7,
    });
    running.push(projector);

    await projector.start();
    expect(await projector.waitFor(stored.at(-1)!.position, 20_000)).toBe(true);

    for (const projection of planProjections) {
      const inOnePass = await project(projection, stored);
      for (const collection of projection.collections) {
        expect(canonicalJson(await allDocuments(readStore, collection))).toBe(canonicalJson(await allDocuments(inOnePass, collection)));
      }
    }
  });
});
