import { identityDecoder } from './project-batch';
import { SqliteEventStore } from '@app/event-store/sqlite/sqlite-event-store';
import { SqliteReadStore } from '@app/read-store/sqlite/sqlite-read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Projector } from './projector';
import { rebuildProjection } from './rebuild';
import { AUDIT_PREFIX, append, auditProjection, ledgerProjection, recordingLogger } from './testing/sample-projections';

describe('Projector over the SQLite adapters', () => {
  let folder: string;
  let eventStore: SqliteEventStore;
  let readStore: SqliteReadStore;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'projector-sqlite-'));
    eventStore = new SqliteEventStore(join(folder, 'events.db'));
    readStore = new SqliteReadStore(join(folder, 'read.db'));
  });

  afterEach(async () => {
    await eventStore.close();
    await readStore.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('catches up, goes live, and resumes after a restart without applying an event twice', async () => {
    for (let i = 0; i < 30; i += 1) {
      await append(eventStore, `ledger-${i % 4}`, 'Deposited', { amount: i });
      await append(eventStore, `${AUDIT_PREFIX}${i}`, 'Audited');
    }
    const { projection, applied } = ledgerProjection();
    const first = new Projector({
      decode: identityDecoder,
      eventStore,
      readStore,
      projections: [projection, auditProjection()],
      batchSize: 8,
      logger: recordingLogger(),
    });
    await first.start();
    const live = await append(eventStore, 'ledger-0', 'Deposited', { amount: 100 });
    expect(await first.waitFor(live, 10_000)).toBe(true);
    expect(await readStore.get('totals', 'ledger-0')).toMatchObject({ balance: 0 + 4 + 8 + 12 + 16 + 20 + 24 + 28 + 100 });
    expect((await readStore.find('audit', { limit: 1000 })).items).toHaveLength(30);
    expect((await first.refreshStatus()).map(({ state }) => state)).toEqual(['live', 'live']);
    await first.stop();

    const later = await append(eventStore, 'ledger-1', 'Deposited', { amount: 1000 });
    const second = new Projector({ eventStore, readStore, decode: identityDecoder, projections: [projection, auditProjection()], logger: recordingLogger() });
    await second.start();
    expect(await second.waitFor(later, 10_000)).toBe(true);
    await second.stop();

    expect(applied).toHaveLength(32 * 2);
    expect(new Set(applied).size).toBe(applied.length);
    expect(await readStore.get('entries', 'all')).toMatchObject({ count: 32 });
  });

  it('rebuilds to the same documents as the live run', async () => {
    for (let i = 0; i < 25; i += 1) await append(eventStore, `ledger-${i % 5}`, i % 7 === 6 ? 'Closed' : 'Deposited', { amount: i });
    const projector = new Projector({ eventStore, readStore, decode: identityDecoder, projections: [ledgerProjection().projection], logger: recordingLogger() });
    await projector.start();
    expect(await projector.waitFor((await eventStore.headPosition())!, 10_000)).toBe(true);
    await projector.stop();
    const liveTotals = await readStore.find('totals');

    const result = await rebuildProjection({ eventStore, readStore, decode: identityDecoder, projection: ledgerProjection().projection, batchSize: 4 });

    expect(result).toMatchObject({ processed: 25, total: 25 });
    expect(await readStore.find('totals')).toEqual(liveTotals);
    expect(liveTotals.items.length).toBeGreaterThan(0);
  });
});
