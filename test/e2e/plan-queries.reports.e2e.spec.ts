import type { Role } from '../../apps/api/src/auth/caller';
import { PlanApi } from './plan-queries.support';

const PLAN = 'monitoring-report';
const plan = `/v1/plans/${PLAN}`;
const indicator = (code: string, fields: object) => ({
  code,
  unit: 'percent',
  basis: 'period',
  frequency: 'quarterly',
  polarity: 'higher-is-better',
  ...fields,
});

describe('The monitoring report for a period', () => {
  let api: PlanApi;
  let lastPosition = 0;

  const command = async (as: Role, method: 'POST' | 'PUT' | 'PATCH', url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
  };
  const actual = (code: string, period: string, value: number, commentary?: string) =>
    command('officer', 'POST', `${plan}/indicators/${code}/actuals`, { period, value, commentary });
  const progress = (ref: string, body: object) => command('officer', 'POST', `${plan}/priorities/${ref}/progress`, body);
  const report = async (period: string) => {
    const answer = await api.send({ method: 'GET', url: `${plan}/reports/${period}?waitFor=${lastPosition}`, as: 'reporting' });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const row = (body: { indicators: Array<{ code: string }> }, code: string) => body.indicators.find((i) => i.code === code);

  beforeAll(async () => {
    api = await PlanApi.start();
    await command('editor', 'POST', '/v1/plans', { planId: PLAN, title: 'Service Plan 2023/24: Corporate Services', service: 'Corporate Services', period: '2023/24' });
    await command('editor', 'POST', `${plan}/indicators`, indicator('CP3', { title: 'Quality of customer service call handling', targets: [{ period: '2023/24', value: 90 }] }));
    await command('editor', 'POST', `${plan}/indicators`, indicator('CP2', { title: 'Percentage customer satisfaction with Internal Audit.', targets: [{ period: '2023/24', value: 90 }] }));
    await command('editor', 'POST', `${plan}/indicators`, indicator('CP10', {
      title: 'Number of missed collections excluding garden waste (per 100,000)',
      unit: 'rate-per-100k',
      polarity: 'lower-is-better',
      targets: [{ period: '2023/24', value: 40 }],
    }));
    await command('editor', 'POST', `${plan}/indicators`, indicator('CP7', {
      title: 'Percentage of Council Tax collected.',
      basis: 'cumulative-ytd',
      targets: [{ period: '2023/24-Q1', value: 24.5 }, { period: '2023/24', value: 98 }],
    }));
    await command('editor', 'POST', `${plan}/priorities`, {
      ref: '1',
      title: 'Review Medium Term Financial Strategy',
      themes: ['Resilient and financially sound council'],
      objective: 'Financially sound',
      outcomes: [
        { ref: 'a', description: 'Produce budget strategy', targetDate: 'Oct 2023' },
        { ref: 'b', description: 'Review S106 balances', targetDate: 'Aug 2023' },
      ],
    });
    await command('editor', 'POST', `${plan}/priorities`, {
      ref: '2',
      title: 'Improving external communication',
      themes: ['People'],
      objective: 'Engaged residents',
      outcomes: [],
    });

    await actual('CP3', '2023/24-Q1', 95);
    await actual('CP3', '2023/24-Q2', 91, 'Two new starters in training');
    await actual('CP2', '2023/24-Q1', 87);
    await actual('CP2', '2023/24-Q2', 80);
    await actual('CP10', '2023/24-Q1', 38);
    await actual('CP10', '2023/24-Q2', 41);
    await actual('CP7', '2023/24-Q1', 29.5);
    await actual('CP7', '2023/24-Q2', 57.8);
    await progress('1', { period: '2023/24-Q2', milestone: 'a', percentComplete: 50, status: 'on-track' });
    await progress('1', { period: '2023/24-Q2', milestone: 'b', percentComplete: 25, status: 'at-risk', commentary: 'S106 data late' });
    await progress('2', { period: '2023/24-Q1', percentComplete: 70, status: 'on-track', position: 'Website phase two under way' });

    // After Q2 was reported: a higher target and a wider tolerance, then Q3's figures.
    await command('editor', 'PUT', `${plan}/indicators/CP3/targets/2023-24`, { value: 95, reason: 'Raised after a strong first half' });
    await command('editor', 'PATCH', `${plan}/indicators/CP3`, { tolerance: 10, reason: 'Sample sizes are small' });
    await actual('CP3', '2023/24-Q3', 92);
    await actual('CP10', '2023/24-Q3', 45);
  });

  afterAll(() => api.close());

  it('rates higher-is-better actuals green at or above target, amber within tolerance, red beyond', async () => {
    expect(row(await report('2023-24-Q1'), 'CP3')).toMatchObject({ target: { value: 90, period: '2023/24', source: 'year' }, actual: 95, rag: 'green', direction: 'none' });
    expect(row(await report('2023-24-Q1'), 'CP2')).toMatchObject({ target: { value: 90 }, actual: 87, rag: 'amber' });
    expect(row(await report('2023-24-Q2'), 'CP2')).toMatchObject({ target: { value: 90 }, actual: 80, rag: 'red', direction: 'declined', previousActual: 87 });
  });

  it('mirrors the rule for lower-is-better, and judges direction of travel by polarity', async () => {
    expect(row(await report('2023-24-Q1'), 'CP10')).toMatchObject({ target: { value: 40 }, actual: 38, rag: 'green' });
    expect(row(await report('2023-24-Q2'), 'CP10')).toMatchObject({ actual: 41, rag: 'amber', direction: 'declined', previousActual: 38 });
    expect(row(await report('2023-24-Q3'), 'CP10')).toMatchObject({ actual: 45, rag: 'red', direction: 'declined' });
  });

  it('says plainly when a period has no target: a cumulative indicator before year end, without a profiled target', async () => {
    expect(row(await report('2023-24-Q1'), 'CP7')).toMatchObject({ target: { value: 24.5, source: 'period' }, rag: 'green' });
    const q2 = row(await report('2023-24-Q2'), 'CP7');
    expect(q2).toMatchObject({ target: null, actual: 57.8, rag: 'none', direction: 'none', previousPeriod: '2022/23-Q2' });
    expect((q2 as unknown as { ragReason: string }).ragReason).toBe('No target set for 2023/24-Q2');
    expect(row(await report('2023-24-Q4'), 'CP7')).toMatchObject({ target: { value: 98 }, actual: null, rag: 'none', direction: 'none' });
  });

  it('keeps the target and tolerance an actual was judged against: a later change does not recolour it', async () => {
    // Q2's 91 was green against 90; against the later 95 it would be amber, as Q3's 92 is.
    const q2 = row(await report('2023-24-Q2'), 'CP3');
    expect(q2).toMatchObject({ target: { value: 90 }, actual: 91, rag: 'green', direction: 'declined', commentary: 'Two new starters in training' });
    const q3 = row(await report('2023-24-Q3'), 'CP3');
    expect(q3).toMatchObject({ target: { value: 95 }, actual: 92, rag: 'amber', direction: 'improved' });
    expect((q3 as unknown as { ragReason: string }).ragReason).toMatch(/10% tolerance/);
  });

  it('gives each priority its latest progress for the period or before, and rolls it up per objective and for the plan', async () => {
    const q2 = await report('2023-24-Q2');
    expect(q2.priorities).toEqual([
      // Priority 1 is tracked by its milestones alone: their percentages roll up, their statuses stay theirs.
      expect.objectContaining({ ref: '1', objective: 'Financially sound', percentComplete: 38, percentFrom: 'milestones', status: null, reportedFor: null }),
      expect.objectContaining({ ref: '2', objective: 'Engaged residents', percentComplete: 70, percentFrom: 'priority', status: 'on-track', position: 'Website phase two under way', reportedFor: '2023/24-Q1' }),
    ]);
    expect(q2.rollups.objectives).toEqual([
      { objective: 'Financially sound', percentComplete: 38, items: 2, withoutEntry: 0 },
      { objective: 'Engaged residents', percentComplete: 70, items: 1, withoutEntry: 0 },
    ]);
    expect(q2.rollups.plan).toEqual({ percentComplete: 48, items: 3, withoutEntry: 0 });
    expect(q2.rollups.rounding).toBe('Half up to whole percent after averaging unrounded values');

    const q1 = await report('2023-24-Q1');
    expect(q1.priorities[0]).toMatchObject({ ref: '1', percentComplete: null, status: null });
    expect(q1.rollups.plan).toEqual({ percentComplete: 35, items: 2, withoutEntry: 1 });
  });

  it("refuses a report for a period outside the plan with 422, naming the plan's periods", async () => {
    for (const period of ['2024-25-Q1', '2022-23']) {
      const answer = await api.send({ method: 'GET', url: `${plan}/reports/${period}?waitFor=${lastPosition}`, as: 'reporting' });
      expect(answer.status).toBe(422);
      expect(answer.body.message).toBe(
        `${period.replace('-', '/')} is outside this plan's period, 2023/24 (1 April 2023 to 31 March 2024): ` +
          'its reports are for 2023/24 and its quarters, 2023/24-Q1 to 2023/24-Q4.',
      );
    }
  });

  it('refuses a period that is not one, naming it', async () => {
    const answer = await api.send({ method: 'GET', url: `${plan}/reports/2023-Q9`, as: 'reporting' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/2023-Q9/);
  });

  it('lets the reporting service reproduce a report as it stood at an instant, tagged with the plan version it came from', async () => {
    const now = await api.send({ method: 'GET', url: `${plan}/reports/2023-24-Q3?waitFor=${lastPosition}`, as: 'reporting' });
    expect(now.headers.etag).toBe(`"${now.body.revision}"`);

    const history = await api.send({ method: 'GET', url: `${plan}/history?type=TargetChanged`, as: 'auditor' });
    const beforeTheChange = new Date(Date.parse(history.body.items[0].recordedAt) - 1).toISOString();
    const then = await api.send({ method: 'GET', url: `${plan}/reports/2023-24-Q3?asOf=${beforeTheChange}`, as: 'reporting' });

    expect(then.status).toBe(200);
    expect(row(then.body, 'CP3')).toMatchObject({ target: { value: 90 }, actual: null });
    expect(then.body.revision).toBeLessThan(now.body.revision);
    expect(then.headers.etag).toBe(`"${then.body.revision}"`);
  });
});
