import { EVENT_STORE, type EventStore } from '@app/event-store';
import { Projector } from '@app/projections';
import type { TestCaller } from '../support/tokens';
import { PlanApi } from './plan-queries.support';

const HART_EDITOR: TestCaller = { role: 'editor', council: 'hart' };
const HART_GOVERNANCE: TestCaller = { role: 'governance', council: 'hart' };
const HART_READER: TestCaller = { role: 'reporting', council: 'hart' };
const THREE_RIVERS_EDITOR: TestCaller = { role: 'editor', council: 'three-rivers' };

describe('The list of plans and reading your own writes', () => {
  let api: PlanApi;
  let lastPosition = 0;

  const command = async (as: TestCaller, url: string, body: object) => {
    const answer = await api.send({ method: 'POST', url, as, body });
    if (answer.status >= 300) throw new Error(`POST ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer.body as { position: number };
  };
  const draft = (as: TestCaller, planId: string, service: string, period: unknown) =>
    command(as, '/v1/plans', { planId, title: `${service} service plan`, service, period });
  const list = async (query = '', as: TestCaller = HART_READER) => {
    const answer = await api.send({ method: 'GET', url: `/v1/plans?waitFor=${lastPosition}${query}`, as });
    expect(answer.status).toBe(200);
    return answer.body as { items: Array<{ planId: string; status: string; period: string }>; next: string | null };
  };
  const ids = async (query = '', as?: TestCaller) => (await list(query, as)).items.map((item) => item.planId).sort();

  beforeAll(async () => {
    api = await PlanApi.start();
    await draft(HART_EDITOR, 'cs-2023-24', 'Corporate Services', '2023/24');
    await draft(HART_EDITOR, 'cs-2024-25', 'Corporate Services', '2024/25');
    await command(HART_EDITOR, '/v1/plans/cs-2024-25/versions', { label: '1', reason: 'Version to be considered by O&S Committee' });
    await command(HART_GOVERNANCE, '/v1/plans/cs-2024-25/approval', { body: 'Cabinet', meetingDate: '2024-04-04' });
    await draft(HART_EDITOR, 'env-2023-24', 'Environment', '2023/24');
    await command(HART_EDITOR, '/v1/plans/env-2023-24/close', { reason: 'Year ended' });
    await draft(HART_EDITOR, 'community-2023-24', 'Community', '2023/24');
    await command(HART_EDITOR, '/v1/plans/community-2023-24/submission', { committee: 'Overview and Scrutiny Committee' });
    await draft(THREE_RIVERS_EDITOR, 'tr-cs-2020-23', 'Corporate Services', { from: '2020-04-01', to: '2023-03-31' });
  });

  afterAll(() => api.close());

  it("lists the caller's council's plans only, the latest changed first", async () => {
    const { items, next } = await list();
    expect(items.map((item) => item.planId)).toEqual(['community-2023-24', 'env-2023-24', 'cs-2024-25', 'cs-2023-24']);
    expect(next).toBeNull();
    expect(items.map((item) => item.status)).toEqual(['in-scrutiny', 'closed', 'approved', 'draft']);
    expect(await ids('', { role: 'reporting', council: 'three-rivers' })).toEqual(['tr-cs-2020-23']);
  });

  it('filters by service, period (either spelling) and status, alone or together', async () => {
    expect(await ids('&service=Corporate%20Services')).toEqual(['cs-2023-24', 'cs-2024-25']);
    expect(await ids('&period=2023/24')).toEqual(['community-2023-24', 'cs-2023-24', 'env-2023-24']);
    expect(await ids('&period=2023-24')).toEqual(['community-2023-24', 'cs-2023-24', 'env-2023-24']);
    expect(await ids('&status=approved')).toEqual(['cs-2024-25']);
    expect(await ids('&service=Corporate%20Services&period=2023-24&status=draft')).toEqual(['cs-2023-24']);
    expect(await ids('&status=closed&service=Community')).toEqual([]);
    expect(await ids('&period=2020-2023', { role: 'reporting', council: 'three-rivers' })).toEqual(['tr-cs-2020-23']);
  });

  it("shows an officer only their own services' plans", async () => {
    const officer: TestCaller = { role: 'officer', council: 'hart', services: ['Environment'] };
    expect(await ids('', officer)).toEqual(['env-2023-24']);
    expect(await ids('&service=Corporate%20Services', officer)).toEqual([]);
  });

  it('pages with a cursor, every plan once', async () => {
    const first = await list('&limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.next).toEqual(expect.any(String));
    const second = await list(`&limit=3&cursor=${encodeURIComponent(first.next as string)}`);
    expect(second.items.map((item) => item.planId)).toEqual(['cs-2023-24']);
    expect(second.next).toBeNull();
  });

  it('refuses a period filter that is not a plan period, naming it', async () => {
    for (const [period, reason] of [
      ['2023/24-Q1', "A plan covers whole financial years, and '2023/24-Q1' is a quarter: write the year, for example 2023/24."],
      ['last-year', "'last-year' is not a period: write a financial year as 2023/24, a quarter as 2023/24-Q2 or a month as 2023/24-M07."],
    ]) {
      const answer = await api.send({ method: 'GET', url: `/v1/plans?period=${period}`, as: HART_READER });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe(`period: ${reason}`);
    }
  });

  it('names a filter that is not one', async () => {
    const answer = await api.send({ method: 'GET', url: '/v1/plans?status=pending&limit=500', as: HART_READER });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual([
      'status: must be one of the following values: draft, in-scrutiny, approved, closed',
      'limit: must not be greater than 200',
    ]);
  });

  it('answers a read with waitFor only once the write at that position is in it', async () => {
    const { position } = await command(HART_EDITOR, '/v1/plans/cs-2023-24/priorities', {
      ref: '7',
      title: 'Committee services',
      themes: ['People', 'Place'],
      outcomes: [{ description: 'Review effectiveness of ModGov at Hart', targetDate: 'March 2024' }],
    });
    const answer = await api.send({ method: 'GET', url: `/v1/plans/cs-2023-24?waitFor=${position}`, as: HART_READER });
    expect(answer.status).toBe(200);
    expect(answer.body.priorities.map((priority: { ref: string }) => priority.ref)).toEqual(['7']);
    expect(answer.body.revision).toBe(1);
    expect(answer.headers.etag).toBe('"1"');
  });

  it('answers a waitFor past the end of the event log with 503 and Retry-After at once, without waiting for it', async () => {
    const beyondTheHead = lastPosition + 1_000_000;
    const head = await api.app.get<EventStore>(EVENT_STORE).headPosition();
    const waits = jest.spyOn(api.app.get(Projector), 'waitFor');
    try {
      const routes = ['/v1/plans', '/v1/plans/cs-2023-24', '/v1/plans/cs-2023-24/reports/2023-24-Q1'];
      const answers = await Promise.all(
        routes.map((url) => api.send({ method: 'GET', url: `${url}?waitFor=${beyondTheHead}`, as: HART_READER })),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.headers['retry-after']).toBe('1');
        expect(answer.body).toEqual({
          statusCode: 503,
          error: 'Service Unavailable',
          message: `No write has been recorded at position ${beyondTheHead} yet: the event log ends at ${head}. Pass the position a command answered with.`,
        });
      }
      expect(waits).not.toHaveBeenCalled();
    } finally {
      waits.mockRestore();
    }
  });

  it('says the projections are behind, with 503 and Retry-After, when they cannot reach a recorded position in time', async () => {
    const projector = api.app.get(Projector);
    const behind = [jest.spyOn(projector, 'hasApplied').mockReturnValue(false), jest.spyOn(projector, 'waitFor').mockResolvedValue(false)];
    try {
      const answer = await api.send({ method: 'GET', url: `/v1/plans?waitFor=${lastPosition}`, as: HART_READER });
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: `The read models have not yet caught up to position ${lastPosition} after 5 s; try again shortly.`,
      });
    } finally {
      behind.forEach((spy) => spy.mockRestore());
    }
  });

  it('refuses a waitFor that is not a position', async () => {
    const answer = await api.send({ method: 'GET', url: '/v1/plans?waitFor=soon', as: HART_READER });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('waitFor: must be an integer number');
  });
});
