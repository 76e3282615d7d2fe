import type { ReadStore } from '@app/read-store';
import { projectBatch, identityDecoder, ProjectionFailedError } from './project-batch';
import type { Projection } from './projection';
import { PROJECTION_VERSIONS_COLLECTION } from './projection-setup';
import { Projector, type ProjectorOptions } from './projector';
import { type RebuildProgress, RebuildRefusedError } from './rebuild';
import { InMemoryEventStore, InMemoryReadStore } from './testing/in-memory-stores';
import {
  AUDIT_PREFIX,
  append,
  auditProjection,
  ledgerProjection,
  recordingLogger,
  until,
} from './testing/sample-projections';

describe('Projector', () => {
  let eventStore: InMemoryEventStore;
  let readStore: InMemoryReadStore;
  const running: Projector[] = [];

  beforeEach(() => {
    eventStore = new InMemoryEventStore();
    readStore = new InMemoryReadStore();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((projector) => projector.stop()));
  });

  function projector(options: Partial<ProjectorOptions> & Pick<ProjectorOptions, 'projections'>): Projector {
    const created = new Projector({ eventStore, readStore, decode: identityDecoder, logger: recordingLogger(), ...options });
    running.push(created);
    return created;
  }

  it('catches up on the stored events in batches, then applies new ones as they come', async () => {
    for (let i = 1; i <= 7; i += 1) await append(eventStore, `ledger-${i % 2}`, 'Deposited', { amount: i });
    const batches: number[] = [];
    const { projection } = ledgerProjection();
    const ledger = projector({
      projections: [projection],
      batchSize: 3,
      observer: { onBatchApplied: (_name, events) => batches.push(events) },
    });

    await ledger.start();
    expect(await ledger.waitFor((await eventStore.headPosition())!, 5000)).toBe(true);
    expect(await readStore.get('totals', 'ledger-1')).toMatchObject({ balance: 1 + 3 + 5 + 7, projectedPosition: 70 });
    expect(await readStore.get('totals', 'ledger-0')).toMatchObject({ balance: 2 + 4 + 6 });
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(7);
    expect(Math.max(...batches)).toBeLessThanOrEqual(3);
    expect((await ledger.refreshStatus())[0]).toMatchObject({ state: 'live', checkpoint: 70, lagEvents: 0 });

    const position = await append(eventStore, 'ledger-0', 'Deposited', { amount: 100 });
    expect(await ledger.waitFor(position, 5000)).toBe(true);
    expect(await readStore.get('totals', 'ledger-0')).toMatchObject({ balance: 112, projectedPosition: position });
    expect(await readStore.get('entries', 'all')).toMatchObject({ count: 8 });
    expect(await readStore.getCheckpoint('ledger')).toMatchObject({ position });
  });

  it('deletes a document when apply returns null', async () => {
    await append(eventStore, 'ledger-a', 'Deposited', { amount: 5 });
    const closed = await append(eventStore, 'ledger-a', 'Closed');
    const ledger = projector({ projections: [ledgerProjection().projection] });
    await ledger.start();

    expect(await ledger.waitFor(closed, 5000)).toBe(true);
    expect(await readStore.get('totals', 'ledger-a')).toBeNull();
    expect(await readStore.get('entries', 'all')).toMatchObject({ count: 2 });
  });

  it('changes nothing when the same events are applied a second time', async () => {
    await append(eventStore, 'ledger-a', 'Deposited', { amount: 5 });
    await append(eventStore, 'ledger-a', 'Deposited', { amount: 6 });
    const events = await eventStore.readAll();
    const { projection, applied } = ledgerProjection();

    const first = await projectBatch(readStore, projection, events, identityDecoder);
    await readStore.applyBatch(first.writes, { projection: projection.name, position: first.position! });
    const before = await readStore.find('totals');
    applied.length = 0;

    const replay = await projectBatch(readStore, projection, events, identityDecoder);
    expect(replay.writes).toEqual([]);
    expect(applied).toEqual([]);
    await readStore.applyBatch(replay.writes, { projection: projection.name, position: replay.position! });
    expect(await readStore.find('totals')).toEqual(before);
    expect(before.items).toEqual([expect.objectContaining({ id: 'ledger-a', balance: 11 })]);
  });

  it('never looks in the store for documents of an insert-only collection, and a replay writes them again the same', async () => {
    await append(eventStore, `${AUDIT_PREFIX}1`, 'Audited');
    await append(eventStore, `${AUDIT_PREFIX}2`, 'Reviewed');
    const events = await eventStore.readAll();
    const projection = { ...auditProjection(), insertOnly: ['audit'] };
    const reads = jest.spyOn(readStore, 'getMany');

    const first = await projectBatch(readStore, projection, events, identityDecoder);
    await readStore.applyBatch(first.writes, { projection: projection.name, position: first.position! });
    const replay = await projectBatch(readStore, projection, events, identityDecoder);

    expect(reads).not.toHaveBeenCalled();
    expect(first.applied).toEqual([]);
    expect(replay.writes).toEqual(first.writes);
    const stored = (await readStore.find('audit')).items;
    expect(stored).toHaveLength(2);
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Audited', projectedPosition: events[0].position }),
        expect.objectContaining({ type: 'Reviewed', projectedPosition: events[1].position }),
      ]),
    );
  });

  it('resumes from its checkpoint after a restart without applying any event twice', async () => {
    await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 });
    await append(eventStore, 'ledger-b', 'Deposited', { amount: 2 });
    const { projection, applied } = ledgerProjection();
    const first = projector({ projections: [projection] });
    await first.start();
    expect(await first.waitFor((await eventStore.headPosition())!, 5000)).toBe(true);
    await first.stop();

    await append(eventStore, 'ledger-a', 'Deposited', { amount: 3 });
    const second = projector({ projections: [projection] });
    await second.start();
    expect(await second.waitFor((await eventStore.headPosition())!, 5000)).toBe(true);

    expect(applied).toHaveLength(3 * 2);
    expect(new Set(applied).size).toBe(applied.length);
    expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 4 });
  });

  it('stops a failing projection at the failing event, reports it, and keeps the others running', async () => {
    await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 });
    const failing = await append(eventStore, 'ledger-a', 'Corrupted');
    await append(eventStore, 'ledger-a', 'Deposited', { amount: 2 });
    await append(eventStore, `${AUDIT_PREFIX}1`, 'Audited');
    const logger = recordingLogger();
    const failures: ProjectionFailedError[] = [];
    const { projection, applied } = ledgerProjection({ failOn: 'Corrupted' });
    const both = projector({
      projections: [projection, auditProjection()],
      logger,
      observer: { onFailure: (_name, error) => failures.push(error) },
    });

    await both.start();
    await until(() => both.status()[0].state === 'failed');
    const head = (await eventStore.headPosition())!;
    expect(await both.waitFor(head, 5000)).toBe(false);
    const [ledger, audit] = await both.refreshStatus();

    const where = { position: failing, streamId: 'ledger-a', eventType: 'Corrupted', message: 'cannot read Corrupted' };
    expect(ledger).toMatchObject({ state: 'failed', checkpoint: failing - 10, error: where });
    expect(await readStore.getCheckpoint('ledger')).toMatchObject({ position: failing - 10 });
    expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 1 });
    expect(applied).toHaveLength(2);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'error', details: expect.objectContaining({ projection: 'ledger', ...where }) }),
    );
    expect(failures.map((error) => error.details)).toEqual([expect.objectContaining(where)]);

    expect(audit).toMatchObject({ state: 'live', checkpoint: head });
    expect((await readStore.find('audit')).items).toHaveLength(1);
  });

  it('lets the batch in flight commit its documents and checkpoint before stop() resolves', async () => {
    const gate = new Gate();
    readStore = gatedApplyBatch(readStore, gate);
    const ledger = projector({ projections: [ledgerProjection().projection] });
    await ledger.start();
    const position = await append(eventStore, 'ledger-a', 'Deposited', { amount: 9 });
    await gate.reached;

    let stopped = false;
    const stopping = ledger.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);

    gate.open();
    await stopping;
    expect(await readStore.getCheckpoint('ledger')).toMatchObject({ position });
    expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 9 });
    expect(ledger.status()[0].state).toBe('stopped');
  });

  it('rebuilds a projection from the first event when its version changes', async () => {
    await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 });
    await append(eventStore, 'ledger-b', 'Deposited', { amount: 2 });
    const v1 = projector({ projections: [ledgerProjection({ version: 1 }).projection] });
    await v1.start();
    expect(await v1.waitFor((await eventStore.headPosition())!, 5000)).toBe(true);
    await v1.stop();
    await readStore.upsert('totals', { id: 'left-by-v1', balance: 0 });

    const { projection: v2Projection, applied } = ledgerProjection({ version: 2 });
    const logger = recordingLogger();
    const v2 = projector({ projections: [v2Projection], logger });
    await v2.start();
    expect(await v2.waitFor((await eventStore.headPosition())!, 5000)).toBe(true);

    expect(applied).toHaveLength(2 * 2);
    expect((await readStore.find('totals')).items.map(({ id }) => id)).toEqual(['ledger-a', 'ledger-b']);
    expect(await readStore.get(PROJECTION_VERSIONS_COLLECTION, 'ledger')).toMatchObject({ version: 2 });
    expect(readStore.indexes.get('totals')).toEqual([{ balance: -1 }]);
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringMatching(/version 1 to 2/) }));
  });

  it('refuses to run over documents built by a newer version', async () => {
    await readStore.upsert(PROJECTION_VERSIONS_COLLECTION, { id: 'ledger', version: 3 });
    const old = projector({ projections: [ledgerProjection({ version: 2 }).projection] });
    await old.start();

    expect(old.status()[0]).toMatchObject({ state: 'failed', error: { message: expect.stringMatching(/version 3/) } });
    expect(await readStore.get(PROJECTION_VERSIONS_COLLECTION, 'ledger')).toMatchObject({ version: 3 });
  });

  it('decodes each stored event before the projection reads it', async () => {
    const position = await append(eventStore, 'ledger-a', 'Deposited', { amountInPence: 250 });
    const ledger = projector({
      projections: [ledgerProjection().projection],
      decode: (stored) => ({ ...stored, data: { amount: Number(stored.data.amountInPence) / 100 } }),
    });
    await ledger.start();

    expect(await ledger.waitFor(position, 5000)).toBe(true);
    expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 2.5 });
  });

  describe('rebuild', () => {
    /** Holds the ledger's next write, rebuild or live, until `gate.open()`; the audit projection runs on. */
    function gateLedgerWrites(gate: Gate): void {
      const applyBatch: ReadStore['applyBatch'] = async (writes, checkpoint) => {
        if (checkpoint.projection === 'ledger') await gate.pass();
        return InMemoryReadStore.prototype.applyBatch.call(readStore, writes, checkpoint);
      };
      Object.assign(readStore, { applyBatch });
    }

    async function seedLedger(): Promise<number> {
      for (let i = 1; i <= 6; i += 1) await append(eventStore, `ledger-${i % 2}`, 'Deposited', { amount: i });
      return append(eventStore, `${AUDIT_PREFIX}1`, 'Audited');
    }

    it('replays one projection while the others run on, shows its progress, then runs it live again', async () => {
      const head = await seedLedger();
      const { projection, applied } = ledgerProjection();
      const both = projector({ projections: [projection, auditProjection()], batchSize: 4 });
      await both.start();
      expect(await both.waitFor(head, 5000)).toBe(true);
      const totalsBefore = await readStore.find('totals');
      applied.length = 0;
      const gate = new Gate();
      gateLedgerWrites(gate);

      const reports: RebuildProgress[] = [];
      const rebuilt = both.rebuild('ledger', (progress) => reports.push(progress));
      await gate.reached;
      const audited = await append(eventStore, `${AUDIT_PREFIX}2`, 'Audited');
      await until(async () => (await readStore.getCheckpoint('audit'))?.position === audited);
      const [during, audit] = both.status();
      expect(during).toMatchObject({ state: 'rebuilding', rebuild: { processed: 0, total: 6 } });
      expect(audit.state).toBe('live');
      expect(() => both.rebuild('ledger')).toThrow(
        expect.objectContaining({ reason: 'already-rebuilding', message: expect.stringMatching(/already being rebuilt/) }),
      );

      gate.open();
      expect(await rebuilt).toMatchObject({ processed: 6, total: 6 });
      expect(reports.map(({ processed }) => processed)).toEqual([0, 4, 6]);
      expect(await readStore.find('totals')).toEqual(totalsBefore);
      expect(applied).toHaveLength(6 * 2);

      const later = await append(eventStore, 'ledger-1', 'Deposited', { amount: 100 });
      expect(await both.waitFor(later, 5000)).toBe(true);
      expect(await readStore.get('totals', 'ledger-1')).toMatchObject({ balance: 1 + 3 + 5 + 100 });
      expect((await both.refreshStatus())[0]).toMatchObject({ state: 'live', checkpoint: later, lagEvents: 0 });
      expect(both.status()[0]).not.toHaveProperty('rebuild');
    });

    it('recovers a failed projection once the cause of its failure is fixed', async () => {
      await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 });
      await append(eventStore, 'ledger-a', 'Corrupted');
      await append(eventStore, 'ledger-a', 'Deposited', { amount: 2 });
      let fixed = false;
      const { projection } = ledgerProjection();
      const fixable: Projection = {
        ...projection,
        apply: (document, event, ref) => {
          if (!fixed && event.type === 'Corrupted') throw new Error('cannot read Corrupted');
          return projection.apply(document, event, ref);
        },
      };
      const ledger = projector({ projections: [fixable] });
      await ledger.start();
      await until(() => ledger.status()[0].state === 'failed');

      await expect(ledger.rebuild('ledger')).rejects.toBeInstanceOf(ProjectionFailedError);
      expect(ledger.status()[0]).toMatchObject({ state: 'failed', error: { eventType: 'Corrupted' } });

      fixed = true;
      expect(await ledger.rebuild('ledger')).toMatchObject({ processed: 3, total: 3 });
      const later = await append(eventStore, 'ledger-a', 'Deposited', { amount: 4 });
      expect(await ledger.waitFor(later, 5000)).toBe(true);
      expect(await readStore.get('totals', 'ledger-a')).toMatchObject({ balance: 1 + 2 + 4 });
      const [status] = await ledger.refreshStatus();
      expect(status).toMatchObject({ state: 'live', checkpoint: later });
      expect(status).not.toHaveProperty('error');
    });

    it('ends a rebuild after its batch in flight on stop(), and the next run finishes the replay', async () => {
      const head = await seedLedger();
      const first = projector({ projections: [ledgerProjection().projection], batchSize: 4 });
      await first.start();
      expect(await first.waitFor(head, 5000)).toBe(true);
      const totalsBefore = await readStore.find('totals');
      const gate = new Gate();
      gateLedgerWrites(gate);

      const rebuilt = first.rebuild('ledger');
      await gate.reached;
      const stopping = first.stop();
      gate.open();
      await expect(rebuilt).rejects.toThrow(/stopped after 4 of 6 events/);
      await stopping;
      expect(first.status()[0].state).toBe('stopped');
      expect(await readStore.getCheckpoint('ledger')).toMatchObject({ position: 40 });

      const second = projector({ projections: [ledgerProjection().projection] });
      await second.start();
      expect(await second.waitFor(head, 5000)).toBe(true);
      expect(await readStore.find('totals')).toEqual(totalsBefore);
    });

    it('refuses a projection it does not know, and one another instance runs', async () => {
      await readStore.acquireLease('ledger', 'another-instance', 60_000);
      const standing = projector({ projections: [ledgerProjection().projection, auditProjection()], useLeases: true });
      await standing.start();
      expect(standing.status()[0].state).toBe('standby');

      expect(() => standing.rebuild('ledgers')).toThrow(
        new RebuildRefusedError('unknown-projection', "There is no projection named 'ledgers'; there are ledger, audit."),
      );
      expect(() => standing.rebuild('ledger')).toThrow(expect.objectContaining({ reason: 'run-elsewhere' }));
      expect(standing.status()[0].state).toBe('standby');
    });
  });

  describe('lag', () => {
    let now: Date;
    beforeEach(() => {
      now = new Date('2025-04-01T09:00:00.000Z');
      eventStore = new InMemoryEventStore(() => now);
    });

    it('counts and ages the events not yet applied, and is zero once caught up', async () => {
      await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 });
      now = new Date('2025-04-01T09:00:30.000Z');
      const failing = await append(eventStore, 'ledger-a', 'Corrupted');
      await append(eventStore, 'ledger-a', 'Deposited', { amount: 2 });
      now = new Date('2025-04-01T09:01:00.000Z');
      const ledger = projector({ projections: [ledgerProjection({ failOn: 'Corrupted' }).projection], now: () => now });

      expect((await ledger.refreshStatus())[0]).toEqual({
        name: 'ledger',
        version: 1,
        state: 'stopped',
        checkpoint: null,
        headPosition: 30,
        lagEvents: 3,
        lagSeconds: 60,
      });

      await ledger.start();
      await until(() => ledger.status()[0].state === 'failed');
      expect((await ledger.refreshStatus())[0]).toMatchObject({
        checkpoint: failing - 10,
        headPosition: 30,
        lagEvents: 2,
        lagSeconds: 30,
      });
    });

    it('reports no lag when the projection has applied everything it reads', async () => {
      await append(eventStore, 'ledger-a', 'Deposited', { amount: 1 });
      const position = await append(eventStore, `${AUDIT_PREFIX}1`, 'Audited');
      now = new Date('2025-04-01T10:00:00.000Z');
      const ledger = projector({ projections: [ledgerProjection().projection], now: () => now });
      await ledger.start();
      expect(await ledger.waitFor(position, 5000)).toBe(true);

      expect((await ledger.refreshStatus())[0]).toMatchObject({
        state: 'live',
        checkpoint: 10,
        headPosition: 10,
        lagEvents: 0,
        lagSeconds: 0,
      });
    });
  });
});

class Gate {
  private release!: () => void;
  private arrive!: () => void;
  readonly reached = new Promise<void>((resolve) => (this.arrive = resolve));
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));

  async pass(): Promise<void> {
    this.arrive();
    await this.opened;
  }

  open(): void {
    this.release();
  }
}

function gatedApplyBatch(store: InMemoryReadStore, gate: Gate): InMemoryReadStore {
  const applyBatch: ReadStore['applyBatch'] = async (writes, checkpoint) => {
    await gate.pass();
    return InMemoryReadStore.prototype.applyBatch.call(store, writes, checkpoint);
  };
  return Object.assign(store, { applyBatch });
}
