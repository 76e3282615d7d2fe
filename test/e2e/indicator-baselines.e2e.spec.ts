import { THREE_RIVERS_BASELINES, THREE_RIVERS_INDICATORS } from '../fixtures/three-rivers/indicators';
import { THREE_RIVERS_COUNCIL, THREE_RIVERS_PLAN } from '../fixtures/three-rivers/plan';
import type { TestCaller } from '../support/tokens';
import { CommandApi } from './plan-commands.support';

/**
 * Three Rivers' indicators with their printed 2018/19 actuals entered as baselines, then
 * ILLUSTRATIVE 2020/21 figures (the plan prints none): the plan view shows each baseline under its
 * indicator, history says each was recorded, and the first year's report compares with them.
 */
const COUNCIL = THREE_RIVERS_COUNCIL;
const GG: TestCaller = { role: 'editor', name: 'GG', sub: 'gg@three-rivers', council: COUNCIL };
const OFFICER: TestCaller = { role: 'officer', name: 'EP', sub: 'ep@three-rivers', council: COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const plan = `/v1/plans/${THREE_RIVERS_PLAN.planId}`;

describe('Baselines: Three Rivers\' 2018/19 actuals, shown and used for direction of travel', () => {
  let api: CommandApi;
  let lastPosition = 0;

  const send = (as: TestCaller, method: 'POST', path: string, body: object) => api.send({ method, url: `${plan}${path}`, as, body });
  const command = async (as: TestCaller, method: 'POST', path: string, body: object) => {
    const answer = await send(as, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const read = (path: string) => api.send({ method: 'GET', url: `${plan}${path}${path.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as: AUDITOR });
  const indicatorIn = (body: { indicators: Array<{ code: string }> }, code: string) =>
    body.indicators.find((indicator) => indicator.code === code);

  beforeAll(async () => {
    api = await CommandApi.start();
    expect(await api.send({ method: 'POST', url: '/v1/plans', as: GG, body: THREE_RIVERS_PLAN })).toMatchObject({ status: 201 });
    for (const indicator of THREE_RIVERS_INDICATORS) await command(GG, 'POST', '/indicators', indicator);
    for (const { code, body } of THREE_RIVERS_BASELINES) {
      expect(await command(GG, 'POST', `/indicators/${encodeURIComponent(code)}/baselines`, body)).toMatchObject({ status: 201 });
    }
    await command(OFFICER, 'POST', '/indicators/CO02/actuals', { period: '2020/21', value: 72 });
    await command(OFFICER, 'POST', '/indicators/CO03/actuals', { period: '2020/21-Q1', value: 91.4 });
    await command(OFFICER, 'POST', '/indicators/CO03/actuals', { period: '2020/21-Q2', value: 93 });
  }, 60_000);

  afterAll(() => api.close());

  it('shows each baseline under its indicator in the plan view and in the indicators read, apart from the actuals', async () => {
    const view = (await read('')).body;
    expect(indicatorIn(view, 'CO02')).toMatchObject({
      baselines: [{ period: '2018/19', value: 69, source: '2018/19 Actual, as printed in the plan', note: null }],
      actuals: [expect.objectContaining({ period: '2020/21', value: 72 })],
    });
    expect(indicatorIn(view, 'CO03')).toMatchObject({ baselines: [{ period: '2018/19', value: 97.1 }] });
    expect(indicatorIn(view, 'New PI 1')).toMatchObject({ baselines: [] });
    const indicators = (await read('/indicators')).body;
    expect(indicatorIn(indicators, 'CO03')).toMatchObject({ baselines: [{ period: '2018/19', value: 97.1 }] });
  });

  it('says in history that each baseline was recorded, with its figure and source', async () => {
    const { body } = await read('/history?type=BaselineRecorded');
    expect(body.items.map((entry: { summary: string }) => entry.summary)).toEqual(
      expect.arrayContaining([
        'Baseline for CO02 2018/19 recorded: 69% (2018/19 Actual, as printed in the plan)',
        'Baseline for CO03 2018/19 recorded: 97.1% (2018/19 Actual, as printed in the plan)',
      ]),
    );
  });

  it("compares the plan's first year with the latest baseline before it, and says so", async () => {
    const { body } = await read('/reports/2020-21');
    expect(indicatorIn(body, 'CO02')).toMatchObject({
      actual: 72,
      direction: 'improved',
      previousPeriod: '2018/19',
      previousActual: 69,
      previousFrom: 'baseline',
    });
  });

  it("compares a Q1 with the baseline before the plan, and Q2 with the plan's own Q1", async () => {
    expect(indicatorIn((await read('/reports/2020-21-Q1')).body, 'CO03')).toMatchObject({
      actual: 91.4,
      direction: 'declined',
      previousPeriod: '2018/19',
      previousActual: 97.1,
      previousFrom: 'baseline',
    });
    expect(indicatorIn((await read('/reports/2020-21-Q2')).body, 'CO03')).toMatchObject({
      direction: 'improved',
      previousPeriod: '2020/21-Q1',
      previousActual: 91.4,
      previousFrom: 'actual',
    });
  });

  it('refuses a baseline for a period the plan covers, one for a quarter of an annual indicator, and an officer, writing nothing', async () => {
    const before = await api.eventCount(THREE_RIVERS_PLAN.planId, COUNCIL);
    const inPlan = await send(GG, 'POST', '/indicators/CO02/baselines', { period: '2020/21', value: 70 });
    expect(inPlan).toMatchObject({ status: 422 });
    expect(inPlan.body.message).toMatch(/A baseline is a figure from before the plan, and 2020\/21 is not before 2020-2023/);
    const quarter = await send(GG, 'POST', '/indicators/CO02/baselines', { period: '2018/19-Q2', value: 70 });
    expect(quarter).toMatchObject({ status: 422 });
    expect(quarter.body.message).toMatch(/Indicator CO02 is reported annually, so its figures are for years \(such as 2024\/25\), not for 2018\/19-Q2/);
    const corrected = await send(GG, 'POST', '/indicators/CO02/baselines', { period: '2018/19', value: 68 });
    expect(corrected).toMatchObject({ status: 422 });
    expect(corrected.body.message).toMatch(/Give a reason for correcting the baseline for CO02 in 2018\/19, already recorded as 69/);
    expect(await send(OFFICER, 'POST', '/indicators/CO02/baselines', { period: '2017/18', value: 66 })).toMatchObject({ status: 403 });
    expect(await send(GG, 'POST', '/indicators/CO99/baselines', { period: '2017/18', value: 66 })).toMatchObject({ status: 404 });
    const hostile = await send(GG, 'POST', '/indicators/CO02/baselines', { period: 'last year', value: '69%' });
    expect(hostile).toMatchObject({ status: 400 });
    expect(hostile.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/period/), expect.stringMatching(/value/)]));
    expect(await api.eventCount(THREE_RIVERS_PLAN.planId, COUNCIL)).toBe(before);
  });
});
