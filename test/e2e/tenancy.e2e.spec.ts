import { EVENT_STORE, type EventStore } from '@app/event-store';
import { READ_STORE, type ReadStore } from '@app/read-store';
import type { Role } from '../../apps/api/src/auth/caller';
import { startTestApp, type Send, type TestApp } from '../support/test-app';

/**
 * Issue 9, item 10: a plan id is unique within its council only, and another council's plan cannot
 * be told from a plan that does not exist, neither by the answer nor by the work done to give it.
 */

const HART = 'hart';
const THREE_RIVERS = 'three-rivers';
const SERVICE = 'Corporate Services';
/** Hart's plan, whose id Three Rivers might want too. */
const SHARED_ID = 'corporate-services-2023-24';
/** Drafted by no council. */
const MISSING_ID = 'corporate-services-2099-00';

const as = (council: string, role: Role) => ({ council, role });

describe('Tenancy: plan ids per council, and other councils\' plans unseen', () => {
  let api: TestApp;
  let lastPosition = 0;

  const command = async (request: Send) => {
    const answer = await api.send(request);
    if (answer.status >= 300) throw new Error(`${request.method} ${request.url}: ${answer.status} ${answer.text}`);
    lastPosition = Math.max(lastPosition, answer.body.position);
    return answer;
  };
  const draft = (council: string, title: string) =>
    api.send({
      method: 'POST',
      url: '/v1/plans',
      as: as(council, 'editor'),
      body: { planId: SHARED_ID, title, service: SERVICE, period: '2023/24' },
    });

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const drafted = await draft(HART, 'Hart Corporate Services 2023/24');
    expect(drafted.status).toBe(201);
    lastPosition = drafted.body.position;
    // A plan of some size, so that reading it would be work worth noticing.
    for (let ref = 1; ref <= 20; ref++) {
      await command({
        method: 'POST',
        url: `/v1/plans/${SHARED_ID}/priorities`,
        as: as(HART, 'editor'),
        body: { ref: String(ref), title: `Priority ${ref}`, themes: ['People'], outcomes: [{ description: `Outcome of ${ref}` }] },
      });
    }
  });

  afterAll(() => api?.close());

  it('lets another council draft a plan with an id Hart already uses, as its own plan', async () => {
    const drafted = await draft(THREE_RIVERS, 'Three Rivers Corporate Services 2023/24');
    expect(drafted).toMatchObject({ status: 201, body: { planId: SHARED_ID } });
    lastPosition = Math.max(lastPosition, drafted.body.position);

    const read = (council: string) =>
      api.send({ method: 'GET', url: `/v1/plans/${SHARED_ID}?waitFor=${lastPosition}`, as: as(council, 'auditor') });
    const [hart, threeRivers] = [await read(HART), await read(THREE_RIVERS)];
    expect(hart).toMatchObject({ status: 200, body: { council: HART, title: 'Hart Corporate Services 2023/24' } });
    expect(hart.body.priorities).toHaveLength(20);
    expect(threeRivers).toMatchObject({ status: 200, body: { council: THREE_RIVERS, title: 'Three Rivers Corporate Services 2023/24' } });
    expect(threeRivers.body.priorities).toHaveLength(0);

    // Drafting it again in one's own council is refused as a duplicate, as before.
    expect(await draft(HART, 'Hart again')).toMatchObject({ status: 409, body: { statusCode: 409, error: 'Conflict' } });
  });

  describe('another council\'s plan answers as a missing plan does, after the same reads', () => {
    const OUTSIDER = 'st-albans';
    const requests: Array<{ name: string; request: (planId: string) => Send }> = [
      { name: 'the plan', request: (id) => ({ method: 'GET', url: `/v1/plans/${id}`, as: as(OUTSIDER, 'auditor') }) },
      {
        name: 'the plan as of an instant',
        request: (id) => ({ method: 'GET', url: `/v1/plans/${id}?asOf=2030-01-01T00:00:00Z`, as: as(OUTSIDER, 'auditor') }),
      },
      { name: 'its history', request: (id) => ({ method: 'GET', url: `/v1/plans/${id}/history`, as: as(OUTSIDER, 'auditor') }) },
      { name: 'its versions', request: (id) => ({ method: 'GET', url: `/v1/plans/${id}/versions`, as: as(OUTSIDER, 'auditor') }) },
      {
        name: 'its report',
        request: (id) => ({ method: 'GET', url: `/v1/plans/${id}/reports/2023-24-Q1`, as: as(OUTSIDER, 'officer') }),
      },
      { name: 'its integrity', request: (id) => ({ method: 'GET', url: `/v1/plans/${id}/integrity`, as: as(OUTSIDER, 'auditor') }) },
      {
        name: 'a command on it',
        request: (id) => ({
          method: 'POST',
          url: `/v1/plans/${id}/priorities`,
          as: as(OUTSIDER, 'editor'),
          body: { ref: '99', title: 'Squatting', themes: ['People'], outcomes: [] },
        }),
      },
    ];

    it.each(requests)('$name', async ({ request }) => {
      const foreign = await answerAndReads(request(SHARED_ID), SHARED_ID);
      const missing = await answerAndReads(request(MISSING_ID), MISSING_ID);

      expect(foreign.answer).toMatchObject({ status: 404, body: { statusCode: 404, error: 'Not Found' } });
      expect(foreign.answer).toEqual(missing.answer);
      expect(foreign.reads).toEqual(missing.reads);
      expect(foreign.reads.length).toBeGreaterThan(0);
      expect(foreign.reads.every((read) => read.endsWith('→ nothing'))).toBe(true);
    });

    /** The answer and every store read made for it, with the plan id written as <id>. */
    async function answerAndReads(request: Send, planId: string) {
      const reads: string[] = [];
      const unspy = spyOnReads(reads);
      try {
        const { status, body } = await api.send(request);
        const anonymise = (text: string) => text.split(planId).join('<id>');
        return {
          answer: { status, body: JSON.parse(anonymise(JSON.stringify(body))) },
          reads: reads.map(anonymise),
        };
      } finally {
        unspy();
      }
    }

    function spyOnReads(log: string[]): () => void {
      const events = api.get<EventStore>(EVENT_STORE);
      const documents = api.get<ReadStore>(READ_STORE);
      const outcome = async <T>(describe: string, read: () => Promise<T>): Promise<T> => {
        try {
          const result = await read();
          log.push(`${describe} → ${foundAnything(result) ? 'something' : 'nothing'}`);
          return result;
        } catch (error) {
          log.push(`${describe} → nothing`);
          throw error;
        }
      };
      const get = documents.get.bind(documents);
      const getJson = documents.getJson.bind(documents);
      const find = documents.find.bind(documents);
      const readStream = events.readStream.bind(events);
      const spies = [
        jest.spyOn(documents, 'get').mockImplementation((collection, id) => outcome(`get ${collection} ${id}`, () => get(collection, id))),
        jest
          .spyOn(documents, 'getJson')
          .mockImplementation((collection, id, fields) => outcome(`get ${collection} ${id} as JSON`, () => getJson(collection, id, fields))),
        jest
          .spyOn(documents, 'find')
          .mockImplementation((collection, query) => outcome(`find ${collection} ${JSON.stringify(query?.where)}`, () => find(collection, query))),
        jest
          .spyOn(events, 'readStream')
          .mockImplementation((stream, options) => outcome(`read stream ${stream} from ${options?.fromRevision ?? 0}`, () => readStream(stream, options))),
      ];
      return () => spies.forEach((spy) => spy.mockRestore());
    }
  });
});

/** Whether a store read gave anything: a document, events, or a page with items. */
function foundAnything(result: unknown): boolean {
  if (Array.isArray(result)) return result.length > 0;
  if (result !== null && typeof result === 'object' && 'items' in result) return (result as { items: unknown[] }).items.length > 0;
  return Boolean(result);
}
