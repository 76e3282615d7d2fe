import { hartIndicatorDefinition } from '../fixtures/hart-2023-24';
import type { TestCaller } from '../support/tokens';
import { CommandApi } from './plan-commands.support';

/**
 * Two years of one service of Hart, each its own plan holding Council Tax collection (CP7,
 * cumulative) and missed bins (CP10, per quarter, no more than 40 per 100,000), beside a plan of another service and another
 * council's plan with the same code: the series runs through the service's plans in order, and
 * direction of travel at 2024/25 Q1 compares with the 2023/24 plan, as it stood at the instant asked
 * for. The figures are ILLUSTRATIVE.
 */
const SERVICE = 'Corporate Services';
const EDITOR: TestCaller = { role: 'editor', sub: 'editor@hart', council: 'hart' };
const OFFICER: TestCaller = { role: 'officer', sub: 'officer@hart', council: 'hart' };
const AUDITOR: TestCaller = { role: 'auditor', council: 'hart' };
const PLACE_OFFICER: TestCaller = { role: 'officer', council: 'hart', services: ['Place'] };
const RUSHMOOR_EDITOR: TestCaller = { role: 'editor', council: 'rushmoor' };
const RUSHMOOR_OFFICER: TestCaller = { role: 'officer', council: 'rushmoor' };
const RUSHMOOR_AUDITOR: TestCaller = { role: 'auditor', council: 'rushmoor' };

/** Hart's definitions of CP7 and CP10, each with the year's target of its plan. */
const indicators = (year: string) => [
  { ...hartIndicatorDefinition('CP7'), targets: [{ period: year, value: 98 }] },
  { ...hartIndicatorDefinition('CP10'), targets: [{ period: year, value: 40 }] },
];

describe("An indicator's series across years, and direction of travel across the year boundary", () => {
  let api: CommandApi;
  let lastPosition = 0;
  /** An instant after 2024/25's Q1 figures were recorded, before the 2023/24 Q4 figure was restated. */
  let beforeRestatement: string;
  /** An instant after 2023/24 was entered, before 2024/25 was drafted. */
  let beforeSecondYear: string;
  let q1Tag: string;

  const command = async (as: TestCaller, url: string, body: object) => {
    const answer = await api.send({ method: 'POST', url, as, body });
    if (answer.status >= 300) throw new Error(`POST ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const draft = async (as: TestCaller, planId: string, service: string, year: string) => {
    await command(as, '/v1/plans', { planId, title: `${service} ${year}`, service, period: year });
    for (const indicator of indicators(year)) await command(as, `/v1/plans/${planId}/indicators`, indicator);
  };
  const actual = (as: TestCaller, planId: string, code: string, period: string, value: number, reason?: string) =>
    command(as, `/v1/plans/${planId}/indicators/${code}/actuals`, { period, value, ...(reason && { reason }) });
  const read = (url: string, as: TestCaller = AUDITOR, headers?: Record<string, string>) =>
    api.send({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as, headers });
  const series = (code: string, query: string, as?: TestCaller) => read(`/v1/indicators/${code}/series?${query}`, as);
  const indicatorIn = (body: { indicators: Array<{ code: string }> }, code: string) => body.indicators.find((indicator) => indicator.code === code);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

  beforeAll(async () => {
    api = await CommandApi.start();
    await draft(EDITOR, 'cs-2023-24', SERVICE, '2023/24');
    await actual(OFFICER, 'cs-2023-24', 'CP7', '2023/24-Q1', 28.1);
    await actual(OFFICER, 'cs-2023-24', 'CP10', '2023/24-Q4', 33);
    await actual(OFFICER, 'cs-2023-24', 'CP7', '2023/24-Q4', 97.6);
    await draft(RUSHMOOR_EDITOR, 'cs-2023-24', SERVICE, '2023/24');
    await actual(RUSHMOOR_OFFICER, 'cs-2023-24', 'CP7', '2023/24-Q4', 99.9);
    await pause();
    beforeSecondYear = new Date().toISOString();
    await pause();
    await draft(EDITOR, 'cs-2024-25', SERVICE, '2024/25');
    await draft(EDITOR, 'place-2024-25', 'Place', '2024/25');
    await actual(OFFICER, 'cs-2024-25', 'CP7', '2024/25-Q1', 29.3);
    await actual(OFFICER, 'cs-2024-25', 'CP10', '2024/25-Q1', 35);
    await actual(OFFICER, 'cs-2024-25', 'CP10', '2024/25-Q2', 30);
    const q1 = await read('/v1/plans/cs-2024-25/reports/2024-25-Q1');
    q1Tag = q1.headers.etag as string;
    await pause();
    beforeRestatement = new Date().toISOString();
    await pause();
    await actual(OFFICER, 'cs-2023-24', 'CP10', '2023/24-Q4', 36, 'Late returns from the contractor');
  }, 90_000);

  afterAll(() => api.close());

  it("answers each plan of the service holding the code in period order, and every actual as one line to chart, never another council's or service's", async () => {
    const { status, body } = await series('cp7', `service=${encodeURIComponent(SERVICE)}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 'CP7', service: SERVICE });
    expect(body.plans).toMatchObject([
      { planId: 'cs-2023-24', planPeriod: '2023/24', status: 'draft', unit: 'percent', polarity: 'higher-is-better', frequency: 'quarterly', baselines: [] },
      { planId: 'cs-2024-25', planPeriod: '2024/25', status: 'draft', unit: 'percent', polarity: 'higher-is-better', frequency: 'quarterly', baselines: [] },
    ]);
    expect(body.plans[0].targets).toMatchObject([{ period: '2023/24', value: 98 }]);
    expect(body.plans[0].actuals).toMatchObject([
      // A cumulative year's target applies at Q4: the first quarter is not rated.
      { period: '2023/24-Q1', value: 28.1, rag: 'none', restated: false, verification: { state: 'unverified' } },
      { period: '2023/24-Q4', value: 97.6, rag: 'amber' },
    ]);
    expect(body.points).toEqual([
      { period: '2023/24-Q1', value: 28.1, target: null, rag: 'none', planId: 'cs-2023-24' },
      { period: '2023/24-Q4', value: 97.6, target: '98%', rag: 'amber', planId: 'cs-2023-24' },
      { period: '2024/25-Q1', value: 29.3, target: null, rag: 'none', planId: 'cs-2024-25' },
    ]);
    // Rushmoor reads its own plan of the service alone.
    const rushmoor = await series('CP7', `service=${encodeURIComponent(SERVICE)}`, RUSHMOOR_AUDITOR);
    expect(rushmoor.body.points).toEqual([{ period: '2023/24-Q4', value: 99.9, target: '98%', rag: 'green', planId: 'cs-2023-24' }]);
  });

  it("compares 2024/25 Q1 with the 2023/24 plan: a cumulative figure with the same quarter, another with the last quarter, before any baseline", async () => {
    const { body } = await read('/v1/plans/cs-2024-25/reports/2024-25-Q1');
    const fromTheYearBefore = { previousFrom: 'earlier-plan', previousPlan: { planId: 'cs-2023-24', period: '2023/24' } };
    expect(indicatorIn(body, 'CP7')).toMatchObject({ actual: 29.3, direction: 'improved', previousPeriod: '2023/24-Q1', previousActual: 28.1, ...fromTheYearBefore });
    // As restated: 35 against 36 missed collections is fewer.
    expect(indicatorIn(body, 'CP10')).toMatchObject({ actual: 35, direction: 'improved', previousPeriod: '2023/24-Q4', previousActual: 36, ...fromTheYearBefore });
    expect(body.earlierPlan).toMatchObject({ planId: 'cs-2023-24', period: '2023/24' });
    expect(indicatorIn((await read('/v1/plans/cs-2024-25/reports/2024-25-Q2')).body, 'CP10')).toMatchObject({
      direction: 'improved',
      previousPeriod: '2024/25-Q1',
      previousFrom: 'actual',
      previousPlan: null,
    });
    // The series says of each actual what its report says.
    const cp10 = (await series('CP10', `service=${encodeURIComponent(SERVICE)}`)).body.plans[1].actuals[0];
    expect(cp10).toMatchObject({ period: '2024/25-Q1', direction: 'improved', previousActual: 36, ...fromTheYearBefore });
    // Its spreadsheet says where the previous figure came from.
    const csv = (await read('/v1/plans/cs-2024-25/reports/2024-25-Q1', AUDITOR, { accept: 'text/csv' })).text;
    expect(csv).toContain('Previous figure from');
    expect(csv).toContain('2023/24 plan (cs-2023-24)');
    // The council-wide report shows the plan as its own report does.
    const council = (await read('/v1/reports/2024-25-Q1?service=Corporate%20Services')).body;
    expect(indicatorIn(council.plans[0], 'CP10')).toMatchObject({ direction: 'improved', previousActual: 36, ...fromTheYearBefore });
  });

  it('shows the direction a report showed at an instant, before the year before was restated; the ETag moved with the restatement', async () => {
    const { body, headers } = await read(`/v1/plans/cs-2024-25/reports/2024-25-Q1?asOf=${beforeRestatement}`);
    expect(headers['x-integrity']).toBe('ok');
    expect(indicatorIn(body, 'CP10')).toMatchObject({ direction: 'declined', previousPeriod: '2023/24-Q4', previousActual: 33, previousFrom: 'earlier-plan' });
    const council = (await read(`/v1/reports/2024-25-Q1?service=Corporate%20Services&asOf=${beforeRestatement}`)).body;
    expect(indicatorIn(council.plans[0], 'CP10')).toMatchObject({ direction: 'declined', previousActual: 33 });

    const revalidated = await read('/v1/plans/cs-2024-25/reports/2024-25-Q1', AUDITOR, { 'if-none-match': q1Tag });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.etag).not.toBe(q1Tag);
  });

  it('answers the series as it stood at an instant: a plan drafted later is not in it', async () => {
    const { status, body, headers } = await series('CP7', `service=${encodeURIComponent(SERVICE)}&asOf=${beforeSecondYear}`);
    expect(status).toBe(200);
    expect(headers['x-integrity']).toBe('ok');
    expect(body.asOf).toBe(beforeSecondYear);
    expect(body.plans.map((plan: { planId: string }) => plan.planId)).toEqual(['cs-2023-24']);
  });

  it('answers 404 for a code no plan of the service holds, and for a service only another council has', async () => {
    const unknown = await series('CP99', `service=${encodeURIComponent(SERVICE)}`);
    expect(unknown).toMatchObject({ status: 404, body: { message: "Indicator CP99 was not found in any plan of the service 'Corporate Services'" } });
    const otherCouncilsService = await series('CP7', 'service=Place', RUSHMOOR_AUDITOR);
    expect(otherCouncilsService).toMatchObject({ status: 404, body: { message: "Indicator CP7 was not found in any plan of the service 'Place'" } });
  });

  it('refuses a series without its service (400 naming it), a code that cannot be one, and another service to an officer limited to theirs', async () => {
    const missing = await series('CP7', '');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toEqual(expect.arrayContaining([expect.stringContaining('service')]));
    const badCode = await series('CP%007', `service=${encodeURIComponent(SERVICE)}`);
    expect(badCode.status).toBe(400);
    const notTheirs = await series('CP7', `service=${encodeURIComponent(SERVICE)}`, PLACE_OFFICER);
    expect(notTheirs).toMatchObject({ status: 403, body: { message: "You are not assigned to the service 'Corporate Services'" } });
    expect((await series('CP7', 'service=Place', PLACE_OFFICER)).body.plans.map((plan: { planId: string }) => plan.planId)).toEqual(['place-2024-25']);
  });

  // Last, as it records another figure.
  it('answers 304 to its ETag until a plan of the service changes', async () => {
    const query = `service=${encodeURIComponent(SERVICE)}`;
    const first = await series('CP7', query);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"plans-/);
    expect((await read(`/v1/indicators/CP7/series?${query}`, AUDITOR, { 'if-none-match': tag })).status).toBe(304);
    await actual(OFFICER, 'cs-2024-25', 'CP7', '2024/25-Q2', 55.4);
    const changed = await read(`/v1/indicators/CP7/series?${query}`, AUDITOR, { 'if-none-match': tag });
    expect(changed.status).toBe(200);
    expect(changed.body.points.at(-1)).toMatchObject({ period: '2024/25-Q2', value: 55.4, planId: 'cs-2024-25' });
  });
});
