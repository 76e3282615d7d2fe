import { identityDecoder } from './project-batch';
import { Projector } from './projector';
import { InMemoryEventStore, InMemoryReadStore } from './testing/in-memory-stores';
import { append, ledgerProjection, recordingLogger, until } from './testing/sample-projections';

describe('Projector with leases', () => {
  const eventStore = new InMemoryEventStore();
  const readStore = new InMemoryReadStore();

  function instance(instanceId: string) {
    const { projection, applied } = ledgerProjection();
    const projector = new Projector({
      decode: identityDecoder,
      eventStore,
      readStore,
      projections: [projection],
      logger: recordingLogger(),
      useLeases: true,
      instanceId,
      // Both instances share this process: a pause of it longer than the ttl (a busy machine) would
      // let the standby one take the lease when a timer fires, so the ttl is far above such pauses.
      leaseTtlMs: 3000,
    });
    return { projector, applied };
  }

  it('runs a projection on one instance at a time; another takes over when it stops', async () => {
    const first = instance('first');
    const second = instance('second');
    await first.projector.start();
    await second.projector.start();

    const before = await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 });
    expect(await first.projector.waitFor(before, 5000)).toBe(true);
    expect(first.projector.status()[0].state).toBe('live');
    expect(second.projector.status()[0].state).toBe('standby');
    // The standby instance still answers waitFor, from the checkpoint the other one writes.
    expect(await second.projector.waitFor(before, 5000)).toBe(true);
    expect(first.applied).toHaveLength(2);
    expect(second.applied).toHaveLength(0);

    await first.projector.stop();
    const after = await append(eventStore, 'ledger-a', 'Deposited', { amount: 2 });
    expect(await second.projector.waitFor(after, 5000)).toBe(true);
    await until(() => second.projector.status()[0].state === 'live');

    expect(second.applied).toHaveLength(2);
    expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 3 });
    await second.projector.stop();
  });

  it('stands by when its lease is taken away and resumes once it is free again', async () => {
    const { projector, applied } = instance('holder');
    await projector.start();
    const first = await append(eventStore, 'ledger-b', 'Deposited', { amount: 1 });
    expect(await projector.waitFor(first, 5000)).toBe(true);

    // Another owner seizes the lease, as when this instance stalled past its ttl.
    await readStore.releaseLease('ledger', 'holder');
    await readStore.acquireLease('ledger', 'intruder', 60_000);
    await until(() => projector.status()[0].state === 'standby');
    const appliedBefore = applied.length;
    const second = await append(eventStore, 'ledger-b', 'Deposited', { amount: 2 });
    expect(await projector.waitFor(second, 100)).toBe(false);
    expect(applied).toHaveLength(appliedBefore);

    await readStore.releaseLease('ledger', 'intruder');
    expect(await projector.waitFor(second, 5000)).toBe(true);
    expect(await readStore.get('totals', 'ledger-b')).toMatchObject({ balance: 3 });
    await projector.stop();
    // Stopping gives the lease up at once rather than leaving it to expire.
    expect(await readStore.acquireLease('ledger', 'next', 60_000)).toBe(true);
  });

  it('keeps its lease through a rebuild, so that no other instance runs the projection meanwhile', async () => {
    await readStore.releaseLease('ledger', 'next');
    const holder = instance('rebuilder');
    await holder.projector.start();
    const position = await append(eventStore, 'ledger-c', 'Deposited', { amount: 5 });
    expect(await holder.projector.waitFor(position, 5000)).toBe(true);
    const other = instance('other');
    await other.projector.start();
    let reachedBatch!: () => void;
    let releaseBatch!: () => void;
    const batchReached = new Promise<void>((resolve) => (reachedBatch = resolve));
    const batchReleased = new Promise<void>((resolve) => (releaseBatch = resolve));
    const applyBatch = readStore.applyBatch.bind(readStore);
    const held = jest.spyOn(readStore, 'applyBatch').mockImplementation(async (writes, checkpoint) => {
      reachedBatch();
      await batchReleased;
      return applyBatch(writes, checkpoint);
    });

    const rebuilt = holder.projector.rebuild('ledger');
    await batchReached;
    expect(await readStore.acquireLease('ledger', 'intruder', 60_000)).toBe(false);
    expect(other.projector.status()[0].state).toBe('standby');
    expect(() => other.projector.rebuild('ledger')).toThrow(expect.objectContaining({ reason: 'run-elsewhere' }));
    releaseBatch();
    held.mockRestore();

    await rebuilt;
    expect(holder.projector.status()[0].state).toBe('live');
    expect(other.projector.status()[0].state).toBe('standby');
    expect(await readStore.get('totals', 'ledger-c')).toMatchObject({ balance: 5 });
    await other.projector.stop();
    await holder.projector.stop();
  });
});
