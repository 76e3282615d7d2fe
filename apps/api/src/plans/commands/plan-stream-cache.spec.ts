import { planKey, planStreamId, PLAN_EVENT_SCHEMA_VERSIONS, type PlanEvent } from '@app/domain';
import { SqliteEventStore } from '@app/event-store';
import { HART_PLAN_ID, hartDrafted, priority3Added } from '@app/domain/plan/testing/plan-fixtures';
import { PlanStreamCache } from './plan-stream-cache';

const COUNCIL = 'hart';
const streamId = planStreamId(planKey(COUNCIL, HART_PLAN_ID));

describe('PlanStreamCache', () => {
  let store: SqliteEventStore;
  let cache: PlanStreamCache;

  /** Another process's write: straight to the store, unseen by the cache. */
  async function writeBehindTheCache(event: PlanEvent, expectedRevision: number | 'no_stream'): Promise<void> {
    const metadata = { schemaVersion: PLAN_EVENT_SCHEMA_VERSIONS[event.type] };
    const data = event.data as Record<string, unknown>;
    await store.appendToStream(streamId, [{ id: `${event.type}-${expectedRevision}`, type: event.type, data, metadata }], { expectedRevision });
  }

  beforeEach(async () => {
    store = new SqliteEventStore(':memory:');
    cache = new PlanStreamCache(store);
    await writeBehindTheCache(hartDrafted, 'no_stream');
  });

  afterEach(() => store.close());

  it('holds nothing of a plan it never loaded', () => {
    expect(cache.held(COUNCIL, HART_PLAN_ID)).toBeUndefined();
  });

  it('gives the plan it loaded as it held it, without reading the store', async () => {
    const loaded = await cache.load(COUNCIL, HART_PLAN_ID);
    const reads = jest.spyOn(store, 'readStream');

    const held = cache.held(COUNCIL, HART_PLAN_ID);

    expect(held).toBe(loaded);
    expect(held).toMatchObject({ revision: 0, state: { lifecycle: 'draft' } });
    expect(reads).not.toHaveBeenCalled();
  });

  it('stays behind a write made behind its back until loaded again, which reads only the events after it', async () => {
    await cache.load(COUNCIL, HART_PLAN_ID);
    await writeBehindTheCache(priority3Added, 0);

    expect(cache.held(COUNCIL, HART_PLAN_ID)?.revision).toBe(0);
    const reads = jest.spyOn(store, 'readStream');
    const loaded = await cache.load(COUNCIL, HART_PLAN_ID);

    expect(loaded.revision).toBe(1);
    expect(loaded.state).toMatchObject({ priorities: { '3': { title: priority3Added.data.title } } });
    expect(reads).toHaveBeenCalledWith(streamId, { fromRevision: 1 });
  });

  it('reads a forgotten plan whole', async () => {
    const first = await cache.load(COUNCIL, HART_PLAN_ID);
    cache.forget(first.key);

    expect(cache.held(COUNCIL, HART_PLAN_ID)).toBeUndefined();
    const reads = jest.spyOn(store, 'readStream');
    const again = await cache.load(COUNCIL, HART_PLAN_ID);

    expect(again).not.toBe(first);
    expect(again.revision).toBe(0);
    expect(reads).toHaveBeenCalledWith(streamId, { fromRevision: 0 });
  });
});
