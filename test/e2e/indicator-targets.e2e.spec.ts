import { HART_ILLUSTRATIVE_ACTUALS, HART_PLAN, hartIndicator } from '../fixtures/hart-2023-24';
import { THREE_RIVERS_INDICATORS } from '../fixtures/three-rivers/indicators';
import { THREE_RIVERS_COUNCIL, THREE_RIVERS_PLAN } from '../fixtures/three-rivers/plan';
import type { TestCaller } from '../support/tokens';
import { CommandApi, expectStatus, type Answer, type Send } from './plan-commands.support';

/**
 * Targets rated as their words say, over HTTP: Hart's CP7 (cumulative, with ILLUSTRATIVE quarterly
 * profiles, as the seed prints only the year's 98%), CP10 and CP11 ("no more than 40 / 250 per
 * 100,000", at most), an ILLUSTRATIVE "less than 18 days", and Three Rivers' new indicators, whose
 * targets are "TBA" and "New PI". Figures other than the seed's are ILLUSTRATIVE, chosen on the
 * boundaries.
 */
type Indicator = { code: string; actuals: Array<{ period: string; value: number; rag: string }> };

describe('Targets that mean what they say, through the API', () => {
  let api: CommandApi;
  let planId: string;
  let lastPosition = 0;

  const command = async (request: Send): Promise<Answer> => {
    const answer = await api.send(request);
    if (answer.status >= 300) throw new Error(`${request.method} ${request.url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const record = (code: string, period: string, value: number) =>
    command({ method: 'POST', url: `/v1/plans/${planId}/indicators/${code}/actuals`, as: 'officer', body: { period, value } });
  const report = async (period: string, id = planId, as: TestCaller | 'reporting' = 'reporting') =>
    expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${id}/reports/${period}?waitFor=${lastPosition}`, as }), 200).body;
  const reported = async (period: string, code: string) =>
    (await report(period)).indicators.find((indicator: { code: string }) => indicator.code === code);
  const refused = async (request: Send): Promise<Answer> => {
    const before = await api.eventCount(planId);
    const answer = await api.send(request);
    expect(await api.eventCount(planId)).toBe(before);
    return answer;
  };

  beforeAll(async () => {
    api = await CommandApi.start();
    const { title, service, period } = HART_PLAN;
    planId = expectStatus(await api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { title, service, period } }), 201).body
      .planId;
    for (const code of ['CP7', 'CP10', 'CP11']) {
      await command({ method: 'POST', url: `/v1/plans/${planId}/indicators`, as: 'editor', body: hartIndicator(code) });
    }
    await command({
      method: 'POST',
      url: `/v1/plans/${planId}/indicators`,
      as: 'editor',
      body: {
        code: 'DAYS',
        title: 'Average days to process a change of circumstances',
        unit: 'days',
        polarity: 'lower-is-better',
        basis: 'period',
        frequency: 'quarterly',
        targets: [{ period: '2023/24', value: 18, comparison: 'less-than', text: 'Less than 18 days' }],
      },
    });
  }, 60_000);

  afterAll(() => api.close());

  describe("CP7, cumulative year to date, with its year's target profiled by quarter", () => {
    const profile = { '2023/24-Q1': 24.5, '2023/24-Q2': 57.8, '2023/24-Q3': 86 };

    beforeAll(async () => {
      for (const [period, value] of Object.entries(profile)) {
        await command({
          method: 'PUT',
          url: `/v1/plans/${planId}/indicators/CP7/targets/${period.replace('/', '-')}`,
          as: 'editor',
          body: { value, text: `${value}% by the quarter's end` },
        });
      }
      for (const [period, value] of Object.entries(HART_ILLUSTRATIVE_ACTUALS.CP7)) await record('CP7', period, value);
    });

    it("rates each quarter against its profile, at least, and Q4 against the year's 98%", async () => {
      expect(await reported('2023-24-Q1', 'CP7')).toMatchObject({
        actual: 29.5,
        target: { period: '2023/24-Q1', value: 24.5, comparison: 'at-least', text: "24.5% by the quarter's end", source: 'period' },
        rag: 'green',
      });
      // 57.8 on a profile of 57.8 is met: "at least" includes the figure itself.
      expect(await reported('2023-24-Q2', 'CP7')).toMatchObject({ actual: 57.8, rag: 'green', ragReason: 'At or above the target of 57.8%' });
      expect(await reported('2023-24-Q3', 'CP7')).toMatchObject({
        actual: 85.9,
        rag: 'amber',
        ragReason: 'Below the target of 86%, within the 5% tolerance',
      });
      expect(await reported('2023-24-Q4', 'CP7')).toMatchObject({
        actual: 97.6,
        target: { period: '2023/24', value: 98, comparison: 'at-least', text: '98%', source: 'year' },
        rag: 'amber',
      });
    });

    it('shows each target with its comparison and its words in the plan view', async () => {
      const view = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planId}?waitFor=${lastPosition}`, as: 'auditor' }), 200).body;
      const cp7 = view.indicators.find((indicator: { code: string }) => indicator.code === 'CP7');
      expect(cp7.targets).toEqual([
        expect.objectContaining({ period: '2023/24-Q1', value: 24.5, upper: null, comparison: 'at-least', text: "24.5% by the quarter's end" }),
        expect.objectContaining({ period: '2023/24-Q2' }),
        expect.objectContaining({ period: '2023/24-Q3' }),
        expect.objectContaining({ period: '2023/24', value: 98, upper: null, comparison: 'at-least', text: '98%' }),
      ]);
    });
  });

  describe('CP10 and CP11, "no more than 40 / 250 per 100,000": lower is better, at most', () => {
    beforeAll(async () => {
      await command({
        method: 'PATCH',
        url: `/v1/plans/${planId}/indicators/CP11`,
        as: 'editor',
        body: { toleranceAbsolute: 5, reason: 'Five missed bins per 100,000 either way, as the Serco contract allows' },
      });
      for (const [period, value] of [['2023/24-Q1', 40], ['2023/24-Q2', 41], ['2023/24-Q3', 42.01], ['2023/24-Q4', 45]] as const) {
        await record('CP10', period, value);
      }
      for (const [period, value] of [['2023/24-Q1', 250], ['2023/24-Q2', 255], ['2023/24-Q3', 255.5]] as const) {
        await record('CP11', period, value);
      }
    });

    it('rates 40 green, 41 amber within 5%, and beyond it (42.01, 45) red', async () => {
      expect(await reported('2023-24-Q1', 'CP10')).toMatchObject({
        actual: 40,
        target: { value: 40, comparison: 'at-most', text: hartIndicator('CP10').targets[0].text },
        rag: 'green',
        ragReason: 'At or below the target of 40 per 100,000',
      });
      expect(await reported('2023-24-Q2', 'CP10')).toMatchObject({ actual: 41, rag: 'amber' });
      expect(await reported('2023-24-Q3', 'CP10')).toMatchObject({ actual: 42.01, rag: 'red' });
      expect(await reported('2023-24-Q4', 'CP10')).toMatchObject({
        actual: 45,
        rag: 'red',
        ragReason: 'Above the target of 40 per 100,000 by more than the 5% tolerance',
      });
    });

    it('rates against an absolute tolerance in the unit: 255 amber, 255.5 red', async () => {
      expect(await reported('2023-24-Q1', 'CP11')).toMatchObject({ actual: 250, rag: 'green' });
      expect(await reported('2023-24-Q2', 'CP11')).toMatchObject({
        actual: 255,
        rag: 'amber',
        ragReason: 'Above the target of 250 per 100,000, within the tolerance of 5 per 100,000',
      });
      expect(await reported('2023-24-Q3', 'CP11')).toMatchObject({ actual: 255.5, rag: 'red' });
      const { body } = await api.send({ method: 'GET', url: `/v1/plans/${planId}/history?type=IndicatorRevised&waitFor=${lastPosition}`, as: 'auditor' });
      expect(body.items.map((item: { summary: string }) => item.summary)).toContain(
        'Indicator CP11 revised (tolerance 5% to ±5): Five missed bins per 100,000 either way, as the Serco contract allows',
      );
    });
  });

  describe('"Less than 18 days": strictly less', () => {
    beforeAll(async () => {
      for (const [period, value] of [['2023/24-Q1', 17.9], ['2023/24-Q2', 18], ['2023/24-Q3', 19]] as const) await record('DAYS', period, value);
    });

    it('rates 17.9 green, 18 not green (amber within 5%), 19 red', async () => {
      expect(await reported('2023-24-Q1', 'DAYS')).toMatchObject({
        rag: 'green',
        target: { value: 18, comparison: 'less-than', text: 'Less than 18 days' },
      });
      expect(await reported('2023-24-Q2', 'DAYS')).toMatchObject({
        actual: 18,
        rag: 'amber',
        ragReason: 'Not below the target of 18 days, within the 5% tolerance',
      });
      expect(await reported('2023-24-Q3', 'DAYS')).toMatchObject({ rag: 'red' });
      const view = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planId}/indicators?waitFor=${lastPosition}`, as: 'auditor' }), 200).body;
      const days = view.indicators.find((indicator: Indicator) => indicator.code === 'DAYS') as Indicator;
      expect(days.actuals.map(({ value, rag }) => [value, rag])).toEqual([[17.9, 'green'], [18, 'amber'], [19, 'red']]);
    });
  });

  describe('hostile targets: refused with a sentence, nothing written', () => {
    const putTarget = (code: string, body: object) =>
      refused({ method: 'PUT', url: `/v1/plans/${planId}/indicators/${code}/targets/2023-24-Q4`, as: 'editor', body });

    it.each([
      ['a comparison contradicting the polarity', 'CP10', { value: 40, comparison: 'at-least' }, /"at-least 40" for 2023\/24-Q4 contradicts the indicator's polarity \(lower is better\)/],
      ['a range without its upper figure', 'CP10', { value: 30, comparison: 'between' }, /needs its upper figure as well as its value/],
      ['a range whose upper figure is below its value', 'CP10', { value: 40, upper: 30, comparison: 'between' }, /upper figure cannot be below its value/],
      ['an upper figure on a one-sided target', 'CP10', { value: 30, upper: 40 }, /upper figure belongs only to a target between two figures/],
      ['words alone with a comparison', 'CP10', { text: 'TBA', comparison: 'at-most' }, /words but no value, so it cannot have a comparison/],
    ])('refuses %s with 422', async (_what, code, body, message) => {
      const answer = await putTarget(code, body);
      expect(answer.status).toBe(422);
      expect(answer.body.message).toMatch(message);
    });

    it('refuses a comparison it does not know, or an upper figure in words, with 400 naming the field', async () => {
      const unknown = await putTarget('CP10', { value: 40, comparison: 'roughly' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toEqual([expect.stringMatching(/^comparison: must be one of: at-least, more-than, at-most, less-than, between, equal/)]);
      const words = await putTarget('CP10', { value: 40, upper: 'fifty', comparison: 'between' });
      expect(words.status).toBe(400);
      expect(words.body.message).toEqual(['upper: must be a number, a date written YYYY-MM-DD (such as 2024-09-30), or true or false']);
    });

    it('refuses a tolerance given both as a percent and as an amount', async () => {
      const answer = await refused({
        method: 'PATCH',
        url: `/v1/plans/${planId}/indicators/CP10`,
        as: 'editor',
        body: { tolerance: 5, toleranceAbsolute: 2, reason: 'Both' },
      });
      expect(answer.status).toBe(422);
      expect(answer.body.message).toMatch(/not both/);
    });
  });

  describe("Three Rivers' \"TBA\" and \"New PI\": targets to be set", () => {
    const COUNCIL = THREE_RIVERS_COUNCIL;
    const GG: TestCaller = { role: 'editor', name: 'GG', sub: 'gg@three-rivers', council: COUNCIL };
    const OFFICER: TestCaller = { role: 'officer', name: 'EP', sub: 'ep@three-rivers', council: COUNCIL };
    const READER: TestCaller = { role: 'reporting', council: COUNCIL };
    const plan = `/v1/plans/${THREE_RIVERS_PLAN.planId}`;
    const newPi = (body: { indicators: Array<{ code: string }> }, code: string) => body.indicators.find((indicator) => indicator.code === code);

    beforeAll(async () => {
      await command({ method: 'POST', url: '/v1/plans', as: GG, body: THREE_RIVERS_PLAN });
      for (const indicator of THREE_RIVERS_INDICATORS) await command({ method: 'POST', url: `${plan}/indicators`, as: GG, body: indicator });
      // ILLUSTRATIVE: a visitor count returned before its target was set, then the target set.
      await command({ method: 'POST', url: `${plan}/indicators/New%20PI%201/actuals`, as: OFFICER, body: { period: '2020/21', value: 1_150_000 } });
      await command({
        method: 'PUT',
        url: `${plan}/indicators/New%20PI%201/targets/2020-21`,
        as: GG,
        body: { value: 1_000_000, text: 'One million visitors', reason: 'Set once the first count was in' },
      });
    }, 60_000);

    // The plan's 2019/20 column ("New PI") is before the plan and so not a target of it: the fixture holds its years' alone.
    it('keeps the words as the plan prints them, with no figure and no comparison', async () => {
      const view = expectStatus(await api.send({ method: 'GET', url: `${plan}/indicators?waitFor=${lastPosition}`, as: READER }), 200).body;
      expect(newPi(view, 'New PI 2')).toMatchObject({
        targets: [expect.objectContaining({ period: '2020/21', value: null, upper: null, comparison: null, text: 'TBA' })],
      });
    });

    it('reports a target in words alone as to be set, never rated', async () => {
      expect(newPi(await report('2020-21', THREE_RIVERS_PLAN.planId, READER), 'New PI 2')).toMatchObject({
        target: { period: '2020/21', value: null, comparison: null, text: 'TBA' },
        actual: null,
        rag: 'none',
        targetNote: 'Target to be set',
      });
    });

    it('keeps an actual recorded before its target unrated, and says the target came after it', async () => {
      expect(newPi(await report('2020-21', THREE_RIVERS_PLAN.planId, READER), 'New PI 1')).toMatchObject({
        actual: 1_150_000,
        target: { value: null, text: 'TBA' },
        rag: 'none',
        ragReason: 'Target to be set for 2020/21 ("TBA"), so the actual is not rated',
        targetNote: expect.stringMatching(
          /^Target 1,000,000 set on \d{4}-\d{2}-\d{2}, after this actual was recorded on \d{4}-\d{2}-\d{2}: the actual keeps the rating it was given then$/,
        ),
      });
    });
  });
});
