import { MongoReadStore } from '@app/read-store';
import { describeReadStoreContract } from '@app/read-store/testing/read-store.contract';
import { Collection } from 'mongodb';
import { productionStoreSetting } from '../support/production-store-settings';
import { throwawayDatabase } from '../support/mongodb-database';

const uri = productionStoreSetting('MONGODB_URI');

if (!uri) {
  it.skip('MongoDB read store contract (needs MONGODB_URI)', () => undefined);
} else {
  // One throwaway database per run, dropped at the end; the suite's random names keep tests apart.
  const database = throwawayDatabase(uri, 'read_store_contract');

  afterAll(() => database.drop());

  describeReadStoreContract('MongoDB', async () => {
    let current = await MongoReadStore.connect(uri, { databaseName: database.name });
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = await MongoReadStore.connect(uri, { databaseName: database.name });
        return current;
      },
      cleanup: () => current.close(),
    };
  });

  describe('MongoDB read store, on every write path', () => {
    afterEach(() => jest.restoreAllMocks());

    /**
     * Holds the next checkpoint read of `applyBatch` until released: the moment a projector that
     * is about to lose its lease has checked the checkpoint but not yet written its documents.
     */
    function pauseAfterNextCheckpointRead(): { reached: Promise<void>; release: () => void } {
      const findOne = Collection.prototype.findOne;
      let reach!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((resolve) => (reach = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      let armed = true;
      jest.spyOn(Collection.prototype, 'findOne').mockImplementation(async function (this: Collection, ...args: unknown[]) {
        const found = await (findOne as (...given: unknown[]) => Promise<unknown>).apply(this, args);
        if (armed && this.collectionName === '_checkpoints') {
          armed = false;
          reach();
          await released;
        }
        return found;
      } as never);
      return { reached, release };
    }

    it('lets a late batch of a projector that lost its lease change nothing its successor wrote, deletions included', async () => {
      const late = await MongoReadStore.connect(uri, { databaseName: database.name });
      const successor = await MongoReadStore.connect(uri, { databaseName: database.name });
      const projection = `handover_${Date.now()}`;
      const plans = `${projection}_plans`;
      try {
        await successor.applyBatch(
          [
            { kind: 'upsert', collection: plans, document: { id: 'kept', version: 5 } },
            { kind: 'upsert', collection: plans, document: { id: 'withdrawn', version: 5 } },
          ],
          { projection, position: 5 },
        );

        const pause = pauseAfterNextCheckpointRead();
        const lateBatch = late.applyBatch(
          [
            { kind: 'upsert', collection: plans, document: { id: 'kept', version: 10 } },
            { kind: 'upsert', collection: plans, document: { id: 'withdrawn', version: 10 } },
          ],
          { projection, position: 10 },
        );
        await pause.reached;
        await successor.applyBatch(
          [
            { kind: 'upsert', collection: plans, document: { id: 'kept', version: 20 } },
            { kind: 'delete', collection: plans, id: 'withdrawn' },
          ],
          { projection, position: 20 },
        );
        pause.release();
        await lateBatch;

        expect((await successor.find(plans)).items).toEqual([{ id: 'kept', version: 20 }]);
        expect(await successor.get(plans, 'withdrawn')).toBeNull();
        expect(await successor.getMany(plans, ['withdrawn', 'kept'])).toEqual([{ id: 'kept', version: 20 }]);
        expect((await successor.getCheckpoint(projection))?.position).toBe(20);
      } finally {
        await Promise.all([late.close(), successor.close()]);
      }
    });
  });
}
