import { endOfUkDay, PLAN_EVENT_TYPES } from '@app/domain';
import { PlanApi } from './plan-queries.support';

const PLAN = 'query-parameters';
const plan = `/v1/plans/${PLAN}`;

/** Today's date in the UK, as an officer would write it in a query. */
const ukToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

describe('Query parameters mean what an officer means by them, and say what is wrong', () => {
  let api: PlanApi;
  let lastPosition = 0;

  const read = async (url: string) => api.get(`${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`);

  beforeAll(async () => {
    api = await PlanApi.start();
    const steps: Array<[string, object]> = [
      ['/v1/plans', { planId: PLAN, title: 'Service Plan 2023/24: Corporate Services', service: 'Corporate Services', period: '2023/24' }],
      [`${plan}/priorities`, { ref: '1', title: 'Committee services', themes: ['People'], outcomes: [] }],
      [`${plan}/versions`, { label: '1', reason: 'Version to be considered by O&S Committee' }],
    ];
    for (const [url, body] of steps) {
      const answer = await api.send({ method: 'POST', url, as: 'editor', body });
      if (answer.status !== 201) throw new Error(`POST ${url}: ${answer.status} ${answer.text}`);
      lastPosition = answer.body.position;
    }
  });

  afterAll(() => api.close());

  it('refuses a history type that is no event type, naming the types there are', async () => {
    const answer = await read(`${plan}/history?type=restated`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: [`type: must be one of the following values: ${PLAN_EVENT_TYPES.join(', ')}`],
    });
    expect(answer.body.message[0]).toContain('ActualRestated');
  });

  it('reads a date alone as the end of that day in UK time, and says which instant it used', async () => {
    const now = await read(plan);
    const today = ukToday();
    const endOfToday = endOfUkDay(today).toISOString();
    expect(endOfToday).toMatch(/T2[23]:59:59\.999Z$/);

    const asOfToday = await read(`${plan}?asOf=${today}`);
    expect(asOfToday.status).toBe(200);
    expect(asOfToday.text).toBe(`{"asOf":"${endOfToday}",${now.text.slice(1)}`);

    const report = await read(`${plan}/reports/2023-24-Q1?asOf=${today}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ asOf: endOfToday, period: '2023/24-Q1', revision: now.body.revision });
    expect((await read(`${plan}/reports/2023-24-Q1`)).body).not.toHaveProperty('asOf');
  });

  it('counts British Summer Time: 1 July 2024 ends at 22:59:59.999 UTC', async () => {
    const answer = await read(`${plan}?asOf=2024-07-01`);
    expect(answer.status).toBe(404);
    expect(answer.body.message).toBe(`Plan ${PLAN} did not exist yet at 2024-07-01T22:59:59.999Z`);
  });

  it('filters the history by dates as whole days in UK time', async () => {
    const today = ukToday();
    const all = (await read(`${plan}/history`)).body.items;
    expect(all).toHaveLength(3);
    expect((await read(`${plan}/history?from=${today}&to=${today}`)).body.items).toEqual(all);
    expect((await read(`${plan}/history?to=2024-07-01`)).body.items).toEqual([]);
  });

  it('refuses version and asOf together, as one would be ignored', async () => {
    const answer = await read(`${plan}?version=1&asOf=${ukToday()}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: [
        'version: cannot be combined with asOf: ask for the plan as published at a version, or as it stood at an instant, not both',
      ],
    });
  });

  it('says to encode the + of an offset that a URL turned into a space, and reads it once encoded', async () => {
    const unencoded = await read(`${plan}?asOf=2024-03-19T18:00:00+01:00`);
    expect(unencoded.status).toBe(400);
    expect(unencoded.body.message).toEqual([
      "asOf: '2024-03-19T18:00:00 01:00' has a space where its offset's '+' belongs: a URL reads '+' as a space, so write it as %2B (2024-03-19T18:00:00%2B01:00)",
    ]);

    const encoded = await read(`${plan}?asOf=2024-03-19T18:00:00%2B01:00`);
    expect(encoded.status).toBe(404);
    expect(encoded.body.message).toBe(`Plan ${PLAN} did not exist yet at 2024-03-19T17:00:00.000Z`);
  });

  it.each([
    ['2024-03-19T18:00:00', "asOf: '2024-03-19T18:00:00' has no UTC offset: add Z for UTC or an offset such as %2B01:00 (a '+' is written %2B in a URL)"],
    [
      '2024-02-30',
      "asOf: '2024-02-30' is not a date or an instant: write a date, 2024-03-19 (the end of that day in UK time), or an instant with its offset, 2024-03-19T18:00:00Z",
    ],
    [
      'yesterday',
      "asOf: 'yesterday' is not a date or an instant: write a date, 2024-03-19 (the end of that day in UK time), or an instant with its offset, 2024-03-19T18:00:00Z",
    ],
  ])('refuses asOf=%s, saying how to write it', async (asOf, message) => {
    const answer = await read(`${plan}?asOf=${asOf}`);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual([message]);
  });
});
