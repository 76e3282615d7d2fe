import { identityDecoder } from './project-batch';
import { Projector } from './projector';
import { InMemoryEventStore, InMemoryReadStore } from './testing/in-memory-stores';
import { AUDIT_PREFIX, append, auditProjection, ledgerProjection, recordingLogger } from './testing/sample-projections';
import { checkpointTarget } from './checkpoint-targets';

describe('waiting for a position', () => {
  let eventStore: InMemoryEventStore;
  let readStore: InMemoryReadStore;
  let projector: Projector;
  const projections = () => [ledgerProjection().projection, auditProjection()];

  beforeEach(() => {
    eventStore = new InMemoryEventStore();
    readStore = new InMemoryReadStore();
    projector = new Projector({ eventStore, readStore, decode: identityDecoder, projections: projections(), logger: recordingLogger() });
  });

  afterEach(() => projector.stop());

  it('resolves once the document written by that event can be read', async () => {
    await projector.start();
    const position = await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });

    expect(await projector.waitFor(position, 5000)).toBe(true);
    expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 4 });
  });

  it('does not wait for a projection that does not read the event', async () => {
    await projector.start();
    await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });
    const position = await append(eventStore, `${AUDIT_PREFIX}1`, 'Audited');

    expect(await projector.waitFor(position, 5000)).toBe(true);
    expect(await readStore.get('audit', (await eventStore.readAll({ fromPosition: position - 1 }))[0].id)).not.toBeNull();
    expect((await readStore.getCheckpoint('ledger'))?.position).toBeLessThan(position);
  });

  it('answers a position every projection has passed without asking the store for its head', async () => {
    await projector.start();
    const position = await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });
    await append(eventStore, `${AUDIT_PREFIX}1`, 'Audited');
    await projector.waitFor(position + 1, 5000);
    const headReads = jest.spyOn(eventStore, 'headPosition');

    expect(projector.hasApplied(position)).toBe(true);
    expect(await projector.waitFor(position, 5000)).toBe(true);
    expect(headReads).not.toHaveBeenCalled();
    expect(projector.hasApplied(position + 100)).toBe(false);
  });

  it('answers false when the projections do not get there in time', async () => {
    const position = await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });

    expect(await projector.waitFor(position, 50)).toBe(false);
  });

  it('still waits for older events of a projection that does not read the position itself', () => {
    expect(checkpointTarget(50, 30)).toBe(30);
    expect(checkpointTarget(50, 70)).toBe(50);
    expect(checkpointTarget(50, null)).toBeNull();
  });

  describe('for a reader in another process than the projector', () => {
    /** The API under PROJECTOR_MODE=external: a projector that does not run, polling the checkpoints. */
    const reader = () =>
      new Projector({ eventStore, readStore, decode: identityDecoder, projections: projections(), logger: recordingLogger() });

    it('resolves true once the checkpoints written by the projector reach the position', async () => {
      const position = await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });
      const waiting = reader().waitFor(position, 5000);
      await projector.start();

      expect(await waiting).toBe(true);
      expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 4 });
    });

    it('ignores projections that do not read the position', async () => {
      await projector.start();
      const position = await append(eventStore, `${AUDIT_PREFIX}1`, 'Audited');

      expect(await reader().waitFor(position, 5000)).toBe(true);
    });

    it('resolves false after the timeout when no projector runs', async () => {
      const position = await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });

      expect(await reader().waitFor(position, 50)).toBe(false);
      expect(await readStore.getCheckpoint('ledger')).toBeNull();
    });
  });

  describe('for one projection to move past a checkpoint', () => {
    const options = (extra: { timeoutMs?: number; signal?: AbortSignal } = {}) => ({ timeoutMs: 5000, pollIntervalMs: 20, ...extra });

    it('resolves true once that projection commits past it, here', async () => {
      await projector.start();
      const first = await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });
      await projector.waitFor(first, 5000);
      const waiting = projector.waitForCheckpointPast('ledger', first, options());
      const second = await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 });

      expect(await waiting).toBe(true);
      expect((await readStore.getCheckpoint('ledger'))?.position).toBe(second);
    });

    it('resolves false when nothing is committed in time, or at once when the reader gives up', async () => {
      await projector.start();
      const position = await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });
      await projector.waitFor(position, 5000);
      await append(eventStore, `${AUDIT_PREFIX}1`, 'Audited');

      expect(await projector.waitForCheckpointPast('ledger', position, options({ timeoutMs: 50 }))).toBe(false);
      const giveUp = new AbortController();
      const waiting = projector.waitForCheckpointPast('ledger', position, options({ timeoutMs: 60_000, signal: giveUp.signal }));
      giveUp.abort();
      expect(await waiting).toBe(false);
    });

    it('reads the stored checkpoint where another process runs the projection', async () => {
      const reader = new Projector({ eventStore, readStore, decode: identityDecoder, projections: projections(), logger: recordingLogger() });
      const waiting = reader.waitForCheckpointPast('ledger', null, options());
      const position = await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });
      await projector.start();

      expect(await waiting).toBe(true);
      expect((await readStore.getCheckpoint('ledger'))?.position).toBe(position);
    });

    it('refuses a projection it does not know', () => {
      expect(() => projector.waitForCheckpointPast('ledgers', null, options())).toThrow("There is no projection named 'ledgers'");
    });
  });
});
