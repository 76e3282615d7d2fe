import type { TestCaller } from '../support/tokens';
import { CommandApi } from './plan-commands.support';

/**
 * A monthly indicator through a year, ILLUSTRATIVE (no seed prints one): Hart's contact centre
 * answering calls within 60 seconds, 2024/25, returned each month, some written as calendar months
 * ("2024-10"), answered in the financial year's words ("2024/25-M07"); a report for a month with
 * its direction month on month, and across the year's start against March's baseline.
 */
const COUNCIL = 'hart';
const EDITOR: TestCaller = { role: 'editor', name: 'Pat Kelly', sub: 'pat.kelly@hart', council: COUNCIL };
const OFFICER: TestCaller = { role: 'officer', name: 'Sam Green', sub: 'sam.green@hart', council: COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const PLAN_ID = 'hart-customer-services-2024-25';
const plan = `/v1/plans/${PLAN_ID}`;

/** April to March, as an officer might write them. */
const RETURNS: Array<[written: string, value: number]> = [
  ['2024-04', 91.5],
  ['2024/25-M02', 93.2],
  ['2024-06', 94],
  ['2024-25-M04', 92.8],
  ['2024-08', 95.1],
  ['2024/25-M06', 95.1],
  ['2024-10', 96.4],
  ['2024/25-M08', 94.9],
  ['2024-12', 90.2],
  ['2025-01', 92.7],
  ['2025-02', 95.6],
  ['2025-03', 96.8],
];

describe('A monthly indicator through a year', () => {
  let api: CommandApi;
  let lastPosition = 0;

  const send = (as: TestCaller, path: string, body: object) => api.send({ method: 'POST', url: `${plan}${path}`, as, body });
  const command = async (as: TestCaller, path: string, body: object) => {
    const answer = await send(as, path, body);
    if (answer.status >= 300) throw new Error(`POST ${path}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const read = (path: string) => api.send({ method: 'GET', url: `${plan}${path}${path.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as: AUDITOR });
  const cs4 = (body: { indicators: Array<{ code: string }> }) => body.indicators.find((indicator) => indicator.code === 'CS4');

  beforeAll(async () => {
    api = await CommandApi.start();
    const drafted = await api.send({
      method: 'POST',
      url: '/v1/plans',
      as: EDITOR,
      body: { planId: PLAN_ID, title: 'Customer Services Service Plan 2024/25', service: 'Customer Services', period: { from: '2024-04-01', to: '2025-03-31' } },
    });
    expect(drafted).toMatchObject({ status: 201 });
    await command(EDITOR, '/indicators', {
      code: 'CS4',
      title: 'Percentage of calls answered within 60 seconds',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'period',
      frequency: 'monthly',
      targets: [
        { period: '2024/25', value: 95 },
        { period: '2024-12', value: 90 },
      ],
    });
    await command(EDITOR, '/indicators/CS4/baselines', { period: '2024-03', value: 93.4, source: 'March 2024 telephony report' });
    for (const [period, value] of RETURNS) await command(OFFICER, '/indicators/CS4/actuals', { period, value });
  }, 60_000);

  afterAll(() => api.close());

  it('holds twelve returns, each in the financial year\'s words, and March 2024 as a baseline', async () => {
    const indicator = cs4((await read('')).body) as unknown as { actuals: Array<{ period: string; value: number; rag: string }>; baselines: unknown[]; targets: unknown[] };
    expect(indicator.actuals.map(({ period }) => period)).toEqual(
      Array.from({ length: 12 }, (_, index) => `2024/25-M${String(index + 1).padStart(2, '0')}`),
    );
    expect(indicator.actuals.map(({ value }) => value)).toEqual(RETURNS.map(([, value]) => value));
    expect(indicator.actuals.map(({ rag }) => rag)).toEqual([
      'amber', 'amber', 'amber', 'amber', 'green', 'green', 'green', 'amber', 'green', 'amber', 'green', 'green',
    ]);
    expect(indicator.baselines).toEqual([expect.objectContaining({ period: '2023/24-M12', value: 93.4 })]);
    expect(indicator.targets).toEqual([
      expect.objectContaining({ period: '2024/25-M09', value: 90 }),
      expect.objectContaining({ period: '2024/25', value: 95 }),
    ]);
  });

  it('reports a month, asked for as a calendar month, with its direction since the month before', async () => {
    const october = await read('/reports/2024-10');
    expect(october.status).toBe(200);
    expect(october.body.period).toBe('2024/25-M07');
    expect(cs4(october.body)).toMatchObject({
      actual: 96.4,
      target: { period: '2024/25', value: 95, source: 'year' },
      rag: 'green',
      direction: 'improved',
      previousPeriod: '2024/25-M06',
      previousActual: 95.1,
      previousFrom: 'actual',
    });
    expect(cs4((await read('/reports/2024-25-M06')).body)).toMatchObject({ direction: 'unchanged', previousPeriod: '2024/25-M05' });
    expect(cs4((await read('/reports/2024-12')).body)).toMatchObject({
      actual: 90.2,
      target: { period: '2024/25-M09', value: 90, source: 'period' },
      rag: 'green',
      direction: 'declined',
    });
  });

  it("compares April with March's baseline, across the year's start", async () => {
    expect(cs4((await read('/reports/2024-04')).body)).toMatchObject({
      actual: 91.5,
      direction: 'declined',
      previousPeriod: '2023/24-M12',
      previousActual: 93.4,
      previousFrom: 'baseline',
    });
  });

  it('refuses a return that does not match the frequency, or a month outside the plan, writing nothing', async () => {
    const before = await api.eventCount(PLAN_ID, COUNCIL);
    const quarterly = await send(OFFICER, '/indicators/CS4/actuals', { period: '2024/25-Q2', value: 95 });
    expect(quarterly).toMatchObject({ status: 422 });
    expect(quarterly.body.message).toBe(
      'Indicator CS4 is reported monthly, so its returns are for months (such as 2024/25-M07) or whole years, not for 2024/25-Q2.',
    );
    const nextYear = await send(OFFICER, '/indicators/CS4/actuals', { period: '2025-04', value: 95 });
    expect(nextYear).toMatchObject({ status: 422 });
    expect(nextYear.body.message).toMatch(/2025\/26-M01 is outside this plan's period, 2024\/25/);
    const target = await api.send({ method: 'PUT', url: `${plan}/indicators/CS4/targets/2025-26`, as: EDITOR, body: { value: 96 } });
    expect(target).toMatchObject({ status: 422 });
    expect(target.body.message).toMatch(/2025\/26 is outside this plan's period/);
    const thirteenth = await send(OFFICER, '/indicators/CS4/actuals', { period: '2024/25-M13', value: 95 });
    expect(thirteenth).toMatchObject({ status: 400 });
    expect(thirteenth.body.message).toEqual(["period: '2024/25-M13' is not a month: months run from M01 (April) to M12 (March)."]);
    expect(await api.eventCount(PLAN_ID, COUNCIL)).toBe(before);
  });
});
