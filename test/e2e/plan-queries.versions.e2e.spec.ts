import type { TestCaller } from '../support/tokens';
import { PlanApi } from './plan-queries.support';

/**
 * Three Rivers' Corporate Services Service Plan 2020-2023 ends with its version-control table:
 *   1.0  02/10/2019  First draft                                                      PK
 *   2.0  25/02/2020  Corporate Objectives, Performance Indicators and Budgets added   GG
 * Entered through the API by PK and GG, the table must come back the same, derived from the events.
 */
const COUNCIL = 'three-rivers';
const PK: TestCaller = { role: 'editor', name: 'PK', sub: 'pk@three-rivers', council: COUNCIL };
const GG: TestCaller = { role: 'editor', name: 'GG', sub: 'gg@three-rivers', council: COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const PLAN = 'three-rivers-corporate-services-2020-23';
const HIGH_PERFORMING = 'High Performing, Financially Independent Council';
const CUSTOMER_SERVICE_OBJECTIVE =
  'We will progress our Customer Service Strategy that provides a range of contact channels for customers';
const YEARS = ['2020/21', '2021/22', '2022/23'];

describe('The version-control table and version diffs, for the Three Rivers plan', () => {
  let api: PlanApi;
  let lastPosition = 0;

  const command = async (as: TestCaller, method: 'POST' | 'PUT' | 'PATCH', url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer.body as { position: number };
  };
  /** Reads as an auditor, once the projections hold every write so far. */
  const read = (url: string) =>
    api.send({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as: AUDITOR });

  beforeAll(async () => {
    api = await PlanApi.start();
    const plan = `/v1/plans/${PLAN}`;
    await command(PK, 'POST', '/v1/plans', {
      planId: PLAN,
      title: 'Corporate Services Service Plan 2020 - 2023',
      service: 'Corporate Services',
      period: { from: '2020-04-01', to: '2023-03-31' },
    });
    await command(PK, 'POST', `${plan}/priorities`, {
      ref: 'WD',
      title: 'Website Development',
      themes: [HIGH_PERFORMING],
      outcomes: [{ ref: 'Q1', description: 'Home Page restructure, to improve accessibility and customer experience', targetDate: '2020/21 Quarter 1' }],
    });
    await command(PK, 'POST', `${plan}/versions`, { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });

    await command(GG, 'PATCH', `${plan}/priorities/WD`, { objective: CUSTOMER_SERVICE_OBJECTIVE, reason: 'Linked to the Strategic Plan objective' });
    await command(GG, 'POST', `${plan}/indicators`, {
      code: 'CO02',
      title: 'To what extent do you know what services Three Rivers District Council provides in your local area',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'annual',
      frequency: 'annual',
      targets: YEARS.map((period) => ({ period, value: 70, text: '70%' })),
    });
    await command(GG, 'POST', `${plan}/indicators`, {
      code: 'CO03',
      title: 'Percentage of FOI requests responded to, within timeframe',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'period',
      frequency: 'quarterly',
      targets: YEARS.map((period) => ({ period, value: 85, text: '85%' })),
    });
    await command(GG, 'POST', `${plan}/versions`, {
      label: '2.0',
      reason: 'Corporate Objectives, Performance Indicators and Budgets added',
      effectiveDate: '2020-02-25',
    });
  });

  afterAll(() => api.close());

  it('reproduces the seed plan\'s table, each row saying what changed since the version before', async () => {
    const answer = await read(`/v1/plans/${PLAN}/versions`);
    expect(answer.status).toBe(200);
    expect(answer.body.rows.map(({ label, date, reason, madeBy }: Record<string, string>) => ({ label, date, reason, madeBy }))).toEqual([
      { label: '1.0', date: '2019-10-02', reason: 'First draft', madeBy: 'PK' },
      { label: '2.0', date: '2020-02-25', reason: 'Corporate Objectives, Performance Indicators and Budgets added', madeBy: 'GG' },
    ]);
    expect(answer.body.rows.map((row: { changes: { summary: string } }) => row.changes.summary)).toEqual([
      '1 priority added',
      '1 priority revised, 2 indicators added',
    ]);
    expect(answer.body.unpublished).toEqual([]);
  });

  it('counts a change made after the latest version as unpublished until the next version reports it', async () => {
    await command(GG, 'PUT', `/v1/plans/${PLAN}/indicators/CO03/targets/2022-23`, {
      value: 90,
      text: '90%',
      reason: 'Raised after two years above target',
    });
    const pending = await read(`/v1/plans/${PLAN}/versions`);
    expect(pending.body.unpublished).toEqual([{ kind: 'targetsChanged', ref: 'CO03', name: 'CO03 2022/23' }]);

    await command(GG, 'POST', `/v1/plans/${PLAN}/versions`, { label: '2.1', reason: 'FOI target raised' });
    const table = await read(`/v1/plans/${PLAN}/versions`);
    expect(table.body.rows[2]).toMatchObject({ label: '2.1', madeBy: 'GG', changes: { summary: '1 target changed' } });
    expect(table.body.unpublished).toEqual([]);
  });

  it('diffs two versions: added, removed and changed items with before and after', async () => {
    const answer = await read(`/v1/plans/${PLAN}/versions/1.0/diff/2.0`);
    expect(answer.status).toBe(200);
    expect(answer.body.from).toBe('1.0');
    expect(answer.body.to).toBe('2.0');
    expect(answer.body.removed).toEqual([]);
    expect(answer.body.added.map((item: { kind: string; key: string }) => `${item.kind} ${item.key}`)).toEqual([
      'indicator CO02',
      'indicator CO03',
      ...YEARS.map((year) => `target CO02 ${year}`),
      ...YEARS.map((year) => `target CO03 ${year}`),
    ]);
    expect(answer.body.changed).toEqual([
      {
        kind: 'priority',
        key: 'WD',
        before: { ref: 'WD', kind: 'priority', title: 'Website Development', objective: null, themes: [HIGH_PERFORMING], themeIds: [], sponsor: null, manager: null, owner: null, approver: null },
        after: {
          ref: 'WD',
          kind: 'priority',
          title: 'Website Development',
          objective: CUSTOMER_SERVICE_OBJECTIVE,
          themes: [HIGH_PERFORMING],
          themeIds: [],
          sponsor: null,
          manager: null,
          owner: null,
          approver: null,
        },
      },
    ]);

    const later = await read(`/v1/plans/${PLAN}/versions/2.0/diff/2.1`);
    expect(later.body.changed).toEqual([
      {
        kind: 'target',
        key: 'CO03 2022/23',
        before: expect.objectContaining({ period: '2022/23', value: 85 }),
        after: expect.objectContaining({ period: '2022/23', value: 90 }),
      },
    ]);
  });

  it('says which version does not exist, and hides the plan from another council', async () => {
    const unknown = await read(`/v1/plans/${PLAN}/versions/1.0/diff/3.0`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(`Plan ${PLAN} has no version '3.0'`);
    const elsewhere = await api.send({ method: 'GET', url: `/v1/plans/${PLAN}/versions`, as: { role: 'auditor', council: 'hart' } });
    expect(elsewhere.status).toBe(404);
  });
});
