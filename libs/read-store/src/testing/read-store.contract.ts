/**
 * The behaviour every ReadStore adapter must show. Each test uses fresh random collection and
 * projection names, so the suite can run against a shared real server.
 */
import { randomBytes } from 'node:crypto';
import { InvalidCursorError, InvalidReadDocumentError, InvalidReadQueryError } from '../read-store.errors';
import type { FindQuery, ReadDocument, ReadStore } from '../read-store.port';

export interface OpenedReadStore {
  store: ReadStore;
  /** Closes `store` and opens the same data again, as a restarted service would. */
  reopen: () => Promise<ReadStore>;
  /** Closes whichever store is open and removes what the test left behind. */
  cleanup: () => Promise<void>;
}

const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(6).toString('hex')}`;
const idsOf = (documents: ReadDocument[]): string[] => documents.map((document) => document.id);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Eight measures with ties, missing fields, nested objects and one score stored as a string. */
const MEASURES: ReadDocument[] = [
  { id: 'm01', council: 'leeds', score: 72, due: '2024-04-01', flagged: true, owner: { team: 'roads', lead: { name: 'Ada' } } },
  { id: 'm02', council: 'york', score: 15, due: '2024-06-30', flagged: false, owner: { team: 'parks' } },
  { id: 'm03', council: 'leeds', score: 15, due: '2023-12-31', flagged: false, owner: { team: 'roads' } },
  { id: 'm04', council: 'hull', score: 90.5, due: '2024-09-30', flagged: true, owner: { team: 'housing' } },
  { id: 'm05', council: 'york', score: 40, due: '2025-01-15', owner: { team: 'roads' } },
  { id: 'm06', council: 'leeds', score: 40, due: '2024-06-30', flagged: null, owner: { team: 'parks' } },
  { id: 'm07', council: 'hull', score: -3, due: '2024-03-31', flagged: false },
  { id: 'm08', council: 'york', score: '40', due: '2024-05-01', flagged: false, owner: { team: 'roads' } },
];
/** Sorting a field that holds several JSON types is not part of the contract: keep to numbers. */
const NUMERIC_SCORES = { score: { $gte: -1000 } };

export function describeReadStoreContract(name: string, open: () => Promise<OpenedReadStore>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let opened: OpenedReadStore;
    let store: ReadStore;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });

    afterEach(async () => {
      await opened.cleanup();
    });

    /** Every page of a query, following `next` until it is null. */
    async function allPages(collection: string, query: FindQuery): Promise<ReadDocument[][]> {
      const pages: ReadDocument[][] = [];
      let cursor: string | undefined;
      do {
        const page = await store.find(collection, { ...query, cursor });
        pages.push(page.items);
        cursor = page.next ?? undefined;
      } while (cursor !== undefined && pages.length <= 100);
      return pages;
    }

    describe('documents', () => {
      it('returns null for an unknown id and the whole document once upserted', async () => {
        const plans = uniqueName('plans');
        expect(await store.get(plans, 'p1')).toBeNull();

        const plan = { id: 'p1', title: 'Roads', targets: [{ period: '2024-Q1', value: 3.5 }], owner: { name: 'Ada', team: null } };
        await store.upsert(plans, plan);

        expect(await store.get(plans, 'p1')).toEqual(plan);
      });

      it('replaces the whole document on upsert, dropping fields the new version lacks', async () => {
        const plans = uniqueName('plans');
        await store.upsert(plans, { id: 'p1', title: 'Roads', status: 'draft', extra: { a: 1 } });
        await store.upsert(plans, { id: 'p1', title: 'Roads and paths' });

        expect(await store.get(plans, 'p1')).toEqual({ id: 'p1', title: 'Roads and paths' });
      });

      it('returns the documents found by getMany once each, in the order asked, skipping unknown ids', async () => {
        const plans = uniqueName('plans');
        for (const id of ['a', 'b', 'c']) await store.upsert(plans, { id, title: `Plan ${id}` });

        const found = await store.getMany(plans, ['c', 'missing', 'a', 'c']);

        expect(found).toEqual([
          { id: 'c', title: 'Plan c' },
          { id: 'a', title: 'Plan a' },
        ]);
        expect(await store.getMany(plans, [])).toEqual([]);
      });

      it('deletes a document, and deleting an unknown id changes nothing', async () => {
        const plans = uniqueName('plans');
        await store.upsert(plans, { id: 'p1' });
        await store.upsert(plans, { id: 'p2' });

        await store.delete(plans, 'p1');
        await store.delete(plans, 'never-existed');

        expect(await store.get(plans, 'p1')).toBeNull();
        expect(idsOf((await store.find(plans)).items)).toEqual(['p2']);
      });

      it('keeps collections apart: the same id in two collections is two documents', async () => {
        const plans = uniqueName('plans');
        const summaries = uniqueName('summaries');
        await store.upsert(plans, { id: 'x', kind: 'plan' });
        await store.upsert(summaries, { id: 'x', kind: 'summary' });
        await store.delete(plans, 'x');

        expect(await store.get(plans, 'x')).toBeNull();
        expect(await store.get(summaries, 'x')).toEqual({ id: 'x', kind: 'summary' });
      });

      it('refuses a document without an id and stores nothing', async () => {
        const plans = uniqueName('plans');
        await expect(store.upsert(plans, { title: 'No id' } as unknown as ReadDocument)).rejects.toThrow(
          InvalidReadDocumentError,
        );
        expect((await store.find(plans)).items).toEqual([]);
      });

      it('refuses a collection name that could reach the store’s own data', async () => {
        await expect(store.get('_leases', 'x')).rejects.toThrow(InvalidReadQueryError);
        await expect(store.upsert('plans; DROP TABLE documents', { id: 'x' })).rejects.toThrow(InvalidReadQueryError);
      });
    });

    describe('find', () => {
      let measures: string;

      beforeEach(async () => {
        measures = uniqueName('measures');
        // Stored in reverse so that no store can pass by returning insertion order.
        for (const measure of [...MEASURES].reverse()) await store.upsert(measures, measure);
      });

      const findIds = async (query: FindQuery) => idsOf((await store.find(measures, query)).items);

      it('returns every document by id when given no query, with no next page', async () => {
        const page = await store.find(measures);
        expect(idsOf(page.items)).toEqual(['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08']);
        expect(page.items[0]).toEqual(MEASURES[0]);
        expect(page.next).toBeNull();
      });

      it('matches equality on strings, numbers and booleans, without mixing types', async () => {
        expect(await findIds({ where: { council: 'leeds' } })).toEqual(['m01', 'm03', 'm06']);
        expect(await findIds({ where: { score: 40 } })).toEqual(['m05', 'm06']);
        expect(await findIds({ where: { score: '40' } })).toEqual(['m08']);
        expect(await findIds({ where: { flagged: true } })).toEqual(['m01', 'm04']);
        expect(await findIds({ where: { flagged: false } })).toEqual(['m02', 'm03', 'm07', 'm08']);
        expect(await findIds({ where: { flagged: 1 } })).toEqual([]);
        expect(await findIds({ where: { council: 'leeds', score: 15 } })).toEqual(['m03']);
      });

      it('matches null against null and missing fields', async () => {
        expect(await findIds({ where: { flagged: null } })).toEqual(['m05', 'm06']);
        expect(await findIds({ where: { 'owner.team': { $eq: null } } })).toEqual(['m07']);
      });

      it('matches $eq and $in', async () => {
        expect(await findIds({ where: { council: { $eq: 'hull' } } })).toEqual(['m04', 'm07']);
        expect(await findIds({ where: { council: { $in: ['hull', 'york'] } } })).toEqual(['m02', 'm04', 'm05', 'm07', 'm08']);
        expect(await findIds({ where: { score: { $in: [15, 90.5] } } })).toEqual(['m02', 'm03', 'm04']);
        expect(await findIds({ where: { flagged: { $in: [true, null] } } })).toEqual(['m01', 'm04', 'm05', 'm06']);
        expect(await findIds({ where: { council: { $in: [] } } })).toEqual([]);
        expect(await findIds({ where: { id: { $in: ['m08', 'm02'] } } })).toEqual(['m02', 'm08']);
      });

      it('matches number ranges with $gt, $gte, $lt and $lte, only against numbers', async () => {
        expect(await findIds({ where: { score: { $gt: 15, $lte: 72 } } })).toEqual(['m01', 'm05', 'm06']);
        expect(await findIds({ where: { score: { $gte: 15, $lt: 40 } } })).toEqual(['m02', 'm03']);
        expect(await findIds({ where: { score: { $lt: 0 } } })).toEqual(['m07']);
        expect(await findIds({ where: { score: { $gt: 90 } } })).toEqual(['m04']);
        expect(await findIds({ where: { score: { $gte: '0' } } })).toEqual(['m08']);
      });

      it('matches ranges of ISO dates stored as strings', async () => {
        expect(await findIds({ where: { due: { $gte: '2024-04-01', $lt: '2024-07-01' } } })).toEqual([
          'm01',
          'm02',
          'm06',
          'm08',
        ]);
        expect(await findIds({ where: { due: { $gt: '2024-06-30' } } })).toEqual(['m04', 'm05']);
        expect(await findIds({ where: { due: { $lte: '2023-12-31' } } })).toEqual(['m03']);
      });

      it('reaches into nested objects with dotted paths', async () => {
        expect(await findIds({ where: { 'owner.team': 'roads' } })).toEqual(['m01', 'm03', 'm05', 'm08']);
        expect(await findIds({ where: { 'owner.lead.name': 'Ada' } })).toEqual(['m01']);
        expect(await findIds({ where: { council: 'leeds', 'owner.team': 'roads' } })).toEqual(['m01', 'm03']);
        // $in on a nested field, as the plans before a report's plans are found by the day they end.
        expect(await findIds({ where: { council: { $in: ['leeds', 'york'] }, 'owner.team': { $in: ['parks', 'housing'] } } })).toEqual(['m02', 'm06']);
      });

      it('sorts ascending and descending on one field, breaking ties by id', async () => {
        expect(await findIds({ where: NUMERIC_SCORES, sort: [{ field: 'score', direction: 'asc' }] })).toEqual([
          'm07', 'm02', 'm03', 'm05', 'm06', 'm01', 'm04',
        ]);
        expect(await findIds({ where: NUMERIC_SCORES, sort: [{ field: 'score', direction: 'desc' }] })).toEqual([
          'm04', 'm01', 'm05', 'm06', 'm02', 'm03', 'm07',
        ]);
        expect(await findIds({ sort: [{ field: 'id', direction: 'desc' }] })).toEqual([
          'm08', 'm07', 'm06', 'm05', 'm04', 'm03', 'm02', 'm01',
        ]);
      });

      it('sorts on two fields in mixed directions, breaking ties by id', async () => {
        const byCouncilThenScore = await findIds({
          where: NUMERIC_SCORES,
          sort: [
            { field: 'council', direction: 'asc' },
            { field: 'score', direction: 'desc' },
          ],
        });
        expect(byCouncilThenScore).toEqual(['m04', 'm07', 'm01', 'm06', 'm03', 'm05', 'm02']);

        const byTeamThenCouncil = await findIds({
          sort: [
            { field: 'owner.team', direction: 'asc' },
            { field: 'council', direction: 'asc' },
          ],
        });
        // A missing team sorts first; m01 and m03 tie on both keys.
        expect(byTeamThenCouncil).toEqual(['m07', 'm04', 'm06', 'm02', 'm01', 'm03', 'm05', 'm08']);
      });

      it('sorts missing values last when descending', async () => {
        expect(await findIds({ sort: [{ field: 'owner.team', direction: 'desc' }] })).toEqual([
          'm01', 'm03', 'm05', 'm08', 'm02', 'm06', 'm04', 'm07',
        ]);
      });

      it('returns at most `limit` documents with a cursor to the rest', async () => {
        const page = await store.find(measures, { limit: 3 });
        expect(idsOf(page.items)).toEqual(['m01', 'm02', 'm03']);
        expect(page.next).toEqual(expect.any(String));
      });

      it('returns every matching document exactly once across pages, in the unpaged order', async () => {
        const queries: FindQuery[] = [
          {},
          { where: { council: { $in: ['leeds', 'york'] }, ...NUMERIC_SCORES }, sort: [{ field: 'score', direction: 'desc' }] },
          { where: NUMERIC_SCORES, sort: [{ field: 'council', direction: 'asc' }, { field: 'score', direction: 'desc' }] },
          { sort: [{ field: 'owner.team', direction: 'asc' }, { field: 'council', direction: 'desc' }] },
          { sort: [{ field: 'owner.team', direction: 'desc' }, { field: 'flagged', direction: 'asc' }] },
          { sort: [{ field: 'flagged', direction: 'desc' }] },
        ];
        for (const query of queries) {
          const unpaged = await findIds({ ...query, limit: 1000 });
          for (const limit of [1, 2, 3]) {
            const pages = await allPages(measures, { ...query, limit });
            const paged = pages.flat().map((document) => document.id);

            expect({ query, limit, ids: paged }).toEqual({ query, limit, ids: unpaged });
            expect(pages.every((page) => page.length <= limit)).toBe(true);
            expect(pages).toHaveLength(Math.max(1, Math.ceil(unpaged.length / limit)));
          }
        }
      });

      it('gives no next cursor when the last page is exactly full', async () => {
        const query: FindQuery = { where: { council: { $in: ['leeds', 'york'] } }, limit: 3 };
        const first = await store.find(measures, query);
        const second = await store.find(measures, { ...query, cursor: first.next ?? undefined });

        expect(idsOf(first.items)).toEqual(['m01', 'm02', 'm03']);
        expect(idsOf(second.items)).toEqual(['m05', 'm06', 'm08']);
        expect(second.next).toBeNull();
      });

      it('pages 50 documents by default and at most 1000', async () => {
        const many = uniqueName('many');
        const projection = uniqueName('projection');
        const documents = Array.from({ length: 1005 }, (_, index) => ({ id: `d${String(index).padStart(4, '0')}`, index }));
        await store.applyBatch(
          documents.map((document) => ({ kind: 'upsert' as const, collection: many, document })),
          { projection, position: 1 },
        );

        const byDefault = await store.find(many);
        const capped = await store.find(many, { limit: 5000 });
        const rest = await store.find(many, { limit: 5000, cursor: capped.next ?? undefined });

        expect(byDefault.items).toHaveLength(50);
        expect(capped.items).toHaveLength(1000);
        expect(idsOf(rest.items)).toEqual(['d1000', 'd1001', 'd1002', 'd1003', 'd1004']);
        expect(rest.next).toBeNull();
      });

      it('refuses field paths that are not plain dotted names, and keeps the data', async () => {
        await expect(store.find(measures, { where: { "score') OR 1=1 --": 1 } })).rejects.toThrow(InvalidReadQueryError);
        await expect(
          store.find(measures, { sort: [{ field: 'score; DROP TABLE documents', direction: 'asc' }] }),
        ).rejects.toThrow(InvalidReadQueryError);
        await expect(store.find(measures, { where: { _id: 'm01' } })).rejects.toThrow(InvalidReadQueryError);
        expect(await findIds({})).toHaveLength(MEASURES.length);
      });

      it('refuses operators it does not support and page sizes below one', async () => {
        const unsupported = [{ $ne: 'leeds' }, { $where: 'true' }, { $regex: '.*' }, {}];
        for (const condition of unsupported) {
          await expect(
            store.find(measures, { where: { council: condition as unknown as string } }),
          ).rejects.toThrow(InvalidReadQueryError);
        }
        await expect(store.find(measures, { where: { council: { $eq: 'leeds', $gt: 'a' } as never } })).rejects.toThrow(
          InvalidReadQueryError,
        );
        await expect(store.find(measures, { limit: 0 })).rejects.toThrow(InvalidReadQueryError);
      });

      it('refuses a cursor that is garbage, was issued for another sort order or carries operators, as a bad cursor', async () => {
        const { next } = await store.find(measures, { limit: 2, sort: [{ field: 'score', direction: 'asc' }] });
        const withOperator = Buffer.from(JSON.stringify({ sort: 'id:asc', after: [{ $gt: '' }] })).toString('base64url');
        const forged = Buffer.from(JSON.stringify({ sort: 'score:asc,id:asc', after: [{ $ne: null }, 'm01'] })).toString('base64url');

        await expect(store.find(measures, { limit: 2, cursor: next ?? undefined })).rejects.toThrow(InvalidCursorError);
        await expect(store.find(measures, { cursor: 'not-a-cursor' })).rejects.toThrow(InvalidCursorError);
        await expect(store.find(measures, { cursor: withOperator })).rejects.toThrow(InvalidCursorError);
        await expect(
          store.find(measures, { sort: [{ field: 'score', direction: 'asc' }], cursor: forged }),
        ).rejects.toThrow(InvalidCursorError);
      });
    });

    describe('applyBatch and checkpoints', () => {
      let plans: string;
      let summaries: string;
      let projection: string;

      beforeEach(() => {
        plans = uniqueName('plans');
        summaries = uniqueName('summaries');
        projection = uniqueName('projection');
      });

      it('writes upserts and deletes across two collections and moves the checkpoint', async () => {
        await store.upsert(plans, { id: 'p1', title: 'Old' });
        await store.upsert(plans, { id: 'p2', title: 'Doomed' });
        await store.upsert(summaries, { id: 's1', total: 1 });

        await store.applyBatch(
          [
            { kind: 'upsert', collection: plans, document: { id: 'p1', title: 'New' } },
            { kind: 'upsert', collection: plans, document: { id: 'p3', title: 'Added' } },
            { kind: 'delete', collection: plans, id: 'p2' },
            { kind: 'upsert', collection: summaries, document: { id: 's2', total: 2 } },
            { kind: 'delete', collection: summaries, id: 's1' },
          ],
          { projection, position: 7 },
        );

        expect((await store.find(plans)).items).toEqual([
          { id: 'p1', title: 'New' },
          { id: 'p3', title: 'Added' },
        ]);
        expect((await store.find(summaries)).items).toEqual([{ id: 's2', total: 2 }]);
        const checkpoint = await store.getCheckpoint(projection);
        expect(checkpoint).toEqual({ projection, position: 7, updatedAt: expect.any(String) });
        expect(new Date(checkpoint!.updatedAt).toISOString()).toBe(checkpoint!.updatedAt);
      });

      it('applies the writes of a batch in order, so the last write to a document wins', async () => {
        await store.upsert(plans, { id: 'z', version: 0 });

        await store.applyBatch(
          [
            { kind: 'upsert', collection: plans, document: { id: 'x', version: 1 } },
            { kind: 'upsert', collection: plans, document: { id: 'x', version: 2 } },
            { kind: 'upsert', collection: plans, document: { id: 'y', version: 1 } },
            { kind: 'delete', collection: plans, id: 'y' },
            { kind: 'delete', collection: plans, id: 'z' },
            { kind: 'upsert', collection: plans, document: { id: 'z', version: 1 } },
          ],
          { projection, position: 1 },
        );

        expect((await store.find(plans)).items).toEqual([
          { id: 'x', version: 2 },
          { id: 'z', version: 1 },
        ]);
      });

      describe('is atomic: a batch with a write that cannot be stored changes neither documents nor checkpoint', () => {
        const invalidWrites: Array<[string, () => ReadDocument]> = [
          ['a document without an id', () => ({ title: 'No id' }) as unknown as ReadDocument],
          [
            'a document that is not JSON',
            () => {
              const circular: ReadDocument = { id: 'loop' };
              circular.self = circular;
              return circular;
            },
          ],
        ];

        it.each(invalidWrites)('%s', async (_label, invalidDocument) => {
          await store.upsert(summaries, { id: 's1', total: 1 });
          await store.applyBatch([{ kind: 'upsert', collection: plans, document: { id: 'p1', title: 'First' } }], {
            projection,
            position: 3,
          });
          const before = await store.getCheckpoint(projection);

          await expect(
            store.applyBatch(
              [
                { kind: 'upsert', collection: plans, document: { id: 'p1', title: 'Changed' } },
                { kind: 'upsert', collection: plans, document: { id: 'p2', title: 'Added' } },
                { kind: 'delete', collection: summaries, id: 's1' },
                { kind: 'upsert', collection: summaries, document: invalidDocument() },
              ],
              { projection, position: 4 },
            ),
          ).rejects.toThrow();

          expect((await store.find(plans)).items).toEqual([{ id: 'p1', title: 'First' }]);
          expect((await store.find(summaries)).items).toEqual([{ id: 's1', total: 1 }]);
          expect(await store.getCheckpoint(projection)).toEqual(before);
        });
      });

      it('never moves the checkpoint backwards: a batch at the same or an older position changes nothing', async () => {
        await store.applyBatch(
          [
            { kind: 'upsert', collection: plans, document: { id: 'x', version: 1 } },
            { kind: 'upsert', collection: plans, document: { id: 'y', version: 1 } },
          ],
          { projection, position: 10 },
        );
        const applied = await store.getCheckpoint(projection);
        const replay = [
          { kind: 'upsert' as const, collection: plans, document: { id: 'x', version: 99 } },
          { kind: 'delete' as const, collection: plans, id: 'y' },
          { kind: 'upsert' as const, collection: summaries, document: { id: 'z', version: 99 } },
        ];

        await store.applyBatch(replay, { projection, position: 10 });
        await store.applyBatch(replay, { projection, position: 4 });

        expect((await store.find(plans)).items).toEqual([
          { id: 'x', version: 1 },
          { id: 'y', version: 1 },
        ]);
        expect((await store.find(summaries)).items).toEqual([]);
        expect(await store.getCheckpoint(projection)).toEqual(applied);

        await store.applyBatch(replay, { projection, position: 11 });
        expect((await store.find(plans)).items).toEqual([{ id: 'x', version: 99 }]);
        expect((await store.getCheckpoint(projection))?.position).toBe(11);
      });

      it('reports no checkpoint for a projection that never ran, and lists those that did', async () => {
        const other = uniqueName('projection');
        expect(await store.getCheckpoint(projection)).toBeNull();

        await store.applyBatch([], { projection, position: 5 });
        await store.applyBatch([{ kind: 'upsert', collection: plans, document: { id: 'p' } }], { projection: other, position: 9 });

        const listed = (await store.listCheckpoints()).filter((checkpoint) =>
          [projection, other].includes(checkpoint.projection),
        );
        expect(listed.map(({ projection: name, position }) => ({ name, position })).sort((a, b) => a.position - b.position)).toEqual([
          { name: projection, position: 5 },
          { name: other, position: 9 },
        ]);
        expect(listed.every((checkpoint) => typeof checkpoint.updatedAt === 'string')).toBe(true);
      });

      it('refuses a checkpoint position that is not a whole number', async () => {
        await expect(store.applyBatch([], { projection, position: 1.5 })).rejects.toThrow(InvalidReadQueryError);
        await expect(store.applyBatch([], { projection, position: -1 })).rejects.toThrow(InvalidReadQueryError);
        expect(await store.getCheckpoint(projection)).toBeNull();
      });

      it('resetProjection drops its collections and checkpoint, and nothing else', async () => {
        const otherProjection = uniqueName('projection');
        const otherCollection = uniqueName('others');
        await store.applyBatch(
          [
            { kind: 'upsert', collection: plans, document: { id: 'p1' } },
            { kind: 'upsert', collection: summaries, document: { id: 's1' } },
          ],
          { projection, position: 5 },
        );
        await store.applyBatch([{ kind: 'upsert', collection: otherCollection, document: { id: 'o1' } }], {
          projection: otherProjection,
          position: 6,
        });

        await store.resetProjection(projection, [plans, summaries]);

        expect((await store.find(plans)).items).toEqual([]);
        expect((await store.find(summaries)).items).toEqual([]);
        expect(await store.getCheckpoint(projection)).toBeNull();
        expect((await store.find(otherCollection)).items).toEqual([{ id: 'o1' }]);
        expect((await store.getCheckpoint(otherProjection))?.position).toBe(6);

        // The rebuild starts from the beginning of the log again.
        await store.applyBatch([{ kind: 'upsert', collection: plans, document: { id: 'p1', rebuilt: true } }], {
          projection,
          position: 1,
        });
        expect(await store.get(plans, 'p1')).toEqual({ id: 'p1', rebuilt: true });
        expect((await store.getCheckpoint(projection))?.position).toBe(1);
      });
    });

    describe('leases', () => {
      let projection: string;

      beforeEach(() => {
        projection = uniqueName('projection');
      });

      it('lets one owner hold a lease at a time, and renew it', async () => {
        expect(await store.acquireLease(projection, 'owner-a', 60_000)).toBe(true);
        expect(await store.acquireLease(projection, 'owner-b', 60_000)).toBe(false);
        expect(await store.acquireLease(projection, 'owner-a', 60_000)).toBe(true);
        expect(await store.acquireLease(projection, 'owner-b', 60_000)).toBe(false);
      });

      it('lets another owner take a lease once it has expired', async () => {
        expect(await store.acquireLease(projection, 'owner-a', 1)).toBe(true);
        await pause(25);

        expect(await store.acquireLease(projection, 'owner-b', 60_000)).toBe(true);
        expect(await store.acquireLease(projection, 'owner-a', 60_000)).toBe(false);
      });

      it('lets another owner take a released lease at once; only the holder can release it', async () => {
        expect(await store.acquireLease(projection, 'owner-a', 60_000)).toBe(true);

        await store.releaseLease(projection, 'owner-b');
        expect(await store.acquireLease(projection, 'owner-c', 60_000)).toBe(false);

        await store.releaseLease(projection, 'owner-a');
        expect(await store.acquireLease(projection, 'owner-c', 60_000)).toBe(true);
      });

      it('keeps the leases of different projections apart', async () => {
        const other = uniqueName('projection');
        expect(await store.acquireLease(projection, 'owner-a', 60_000)).toBe(true);
        expect(await store.acquireLease(other, 'owner-b', 60_000)).toBe(true);
      });
    });

    describe('indexes, health and durability', () => {
      it('creates indexes idempotently, and queries still answer the same', async () => {
        const measures = uniqueName('measures');
        for (const measure of MEASURES) await store.upsert(measures, measure);
        const indexes: Array<Record<string, 1 | -1>> = [{ council: 1, score: -1 }, { 'owner.team': 1 }, { due: -1, id: 1 }];

        await store.ensureIndexes(measures, indexes);
        await store.ensureIndexes(measures, indexes);

        const page = await store.find(measures, {
          where: { council: 'leeds' },
          sort: [{ field: 'score', direction: 'desc' }],
        });
        expect(idsOf(page.items)).toEqual(['m01', 'm06', 'm03']);
        await expect(store.ensureIndexes(measures, [{ 'bad field': 1 }])).rejects.toThrow(InvalidReadQueryError);
      });

      it('answers ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('keeps documents, checkpoints and leases across a reopen', async () => {
        const plans = uniqueName('plans');
        const projection = uniqueName('projection');
        await store.upsert(plans, { id: 'p1', title: 'Upserted' });
        await store.applyBatch([{ kind: 'upsert', collection: plans, document: { id: 'p2', title: 'Batched' } }], {
          projection,
          position: 42,
        });
        expect(await store.acquireLease(projection, 'owner-a', 60_000)).toBe(true);

        store = await opened.reopen();

        expect((await store.find(plans)).items).toEqual([
          { id: 'p1', title: 'Upserted' },
          { id: 'p2', title: 'Batched' },
        ]);
        expect((await store.getCheckpoint(projection))?.position).toBe(42);
        expect(await store.acquireLease(projection, 'owner-b', 60_000)).toBe(false);
      });
    });
  });
}
