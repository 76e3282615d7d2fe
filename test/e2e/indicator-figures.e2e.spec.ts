import { EVENT_STORE, type EventStore } from '@app/event-store';
import { planKey, planStreamId } from '@app/domain';
import { startTestApp, type Answer, type Send, type TestApp } from '../support/test-app';
import { download, sendFile, XLSX } from './imports.support';
import { csvRows, workbookOf } from './spreadsheets.support';

/**
 * Dates, yes/no results and targets relative to a baseline, over HTTP, in an ILLUSTRATIVE 2024/25
 * plan of Hart's Corporate Services: the statement of accounts published "by September 2024", the
 * pay policy statement published (yes/no), and residents' satisfaction "more than the 2023/24
 * baseline", once with the baseline recorded before the actual and once after it.
 */
const COUNCIL = 'hart';
const PLAN = 'hart-corporate-services-2024-25';
const plan = `/v1/plans/${PLAN}`;

const annual = { basis: 'annual', frequency: 'annual' } as const;
const INDICATORS = [
  {
    code: 'ACC',
    title: 'Statement of accounts published',
    unit: 'date',
    polarity: 'lower-is-better',
    ...annual,
    toleranceAbsolute: 7,
    targets: [{ period: '2024/25', value: '2024-09-30', text: 'By September 2024' }],
  },
  { code: 'PAY', title: 'Pay policy statement published', unit: 'yes-no', polarity: 'higher-is-better', ...annual, targets: [{ period: '2024/25', value: true }] },
  ...['SATB', 'SATA'].map((code) => ({
    code,
    title: `Residents satisfied with the way the Council runs things (${code === 'SATB' ? 'baseline first' : 'baseline later'})`,
    unit: 'percent',
    polarity: 'higher-is-better',
    ...annual,
    toleranceAbsolute: 2,
    targets: [{ period: '2024/25', comparison: 'more-than', baseline: '2023/24', text: 'Above the 2023/24 baseline' }],
  })),
];

type ReportedIndicator = { code: string; [field: string]: unknown };

describe('Dates, yes/no results and targets relative to a baseline, through the API', () => {
  let api: TestApp;
  let lastPosition = 0;

  const streamLength = async (planId = PLAN) => {
    try {
      return (await api.get<EventStore>(EVENT_STORE).readStream(planStreamId(planKey(COUNCIL, planId)))).length;
    } catch {
      return 0;
    }
  };
  const command = async (request: Send): Promise<Answer> => {
    const answer = await api.send(request);
    if (answer.status >= 300) throw new Error(`${request.method} ${request.url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  const record = (code: string, value: unknown) =>
    command({ method: 'POST', url: `${plan}/indicators/${code}/actuals`, as: 'officer', body: { period: '2024/25', value } });
  const baseline = (code: string, value: number, reason?: string) =>
    command({ method: 'POST', url: `${plan}/indicators/${code}/baselines`, as: 'editor', body: { period: '2023/24', value, source: 'Residents survey 2023', reason } });
  const read = async (path: string) => (await api.send({ method: 'GET', url: `${plan}${path}?waitFor=${lastPosition}`, as: 'reporting' })).body;
  const reported = async (code: string): Promise<ReportedIndicator> =>
    (await read('/reports/2024-25')).indicators.find((indicator: ReportedIndicator) => indicator.code === code);
  /** Sends a request that must be refused, and checks that nothing was written. */
  const refused = async (request: Send): Promise<Answer> => {
    const before = await streamLength();
    const answer = await api.send(request);
    expect(await streamLength()).toBe(before);
    return answer;
  };

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    await command({
      method: 'POST',
      url: '/v1/plans',
      as: 'editor',
      body: { planId: PLAN, title: 'Service Plan 2024/25: Corporate Services', service: 'Corporate Services', period: '2024/25' },
    });
    for (const indicator of INDICATORS) await command({ method: 'POST', url: `${plan}/indicators`, as: 'editor', body: indicator });
    await baseline('SATB', 61);
    await record('ACC', '2024-10-04');
    await record('PAY', false);
    await record('SATB', 64);
    await record('SATA', 64);
    await baseline('SATA', 61);
  }, 60_000);

  afterAll(() => api.close());

  it('rates a date "by September 2024" by the day, with its tolerance in days', async () => {
    expect(await reported('ACC')).toMatchObject({
      unit: 'date',
      target: { value: '2024-09-30', comparison: 'at-most', text: 'By September 2024' },
      actual: '2024-10-04',
      rag: 'amber',
      ragReason: 'After the target date of 30 September 2024, within the tolerance of 7 days',
    });
  });

  it('rates a yes/no result as met or not, and its direction against the year before', async () => {
    expect(await reported('PAY')).toMatchObject({
      unit: 'yes-no',
      target: { value: true, comparison: 'equal' },
      actual: false,
      rag: 'red',
      ragReason: 'Not the target of yes: a yes/no result is met or not',
      direction: 'none',
    });
    await command({ method: 'POST', url: `${plan}/indicators/PAY/baselines`, as: 'editor', body: { period: '2023/24', value: true } });
    expect(await reported('PAY')).toMatchObject({ previousActual: true, previousFrom: 'baseline', direction: 'declined' });
  });

  it('resolves "more than the 2023/24 baseline" against the baseline recorded before the actual', async () => {
    expect(await reported('SATB')).toMatchObject({
      actual: 64,
      target: { value: null, baseline: '2023/24', baselineFigure: 61, comparison: 'more-than', text: 'Above the 2023/24 baseline' },
      rag: 'green',
      ragReason: 'Above the 2023/24 baseline of 61%',
      targetNote: null,
    });
  });

  it('says plainly that an actual recorded before its baseline is not rated, and a later baseline does not recolour it', async () => {
    expect(await reported('SATA')).toMatchObject({
      target: { baseline: '2023/24', baselineFigure: null },
      rag: 'none',
      ragReason: 'Not rated: baseline 2023/24 not recorded when the actual was recorded',
      targetNote: 'Baseline 2023/24 not recorded when the actual was recorded',
    });
    const view = await read('');
    const sata = view.indicators.find((indicator: { code: string }) => indicator.code === 'SATA');
    expect(sata.targets).toEqual([expect.objectContaining({ baseline: '2023/24', value: null, baselineFigure: 61, text: 'Above the 2023/24 baseline' })]);
  });

  it('keeps the rating a baseline gave when the baseline is corrected later', async () => {
    await baseline('SATB', 66, 'Survey reweighted');
    expect(await reported('SATB')).toMatchObject({ rag: 'green', target: { baselineFigure: 61 } });
    const view = await read('');
    expect(view.indicators.find((indicator: { code: string }) => indicator.code === 'SATB').targets[0]).toMatchObject({ baselineFigure: 66 });
  });

  describe('hostile input: a 4xx naming the problem, and nothing written', () => {
    it('refuses a target with both a value and a baseline (422)', async () => {
      const answer = await refused({
        method: 'PUT',
        url: `${plan}/indicators/SATB/targets/2024-25`,
        as: 'editor',
        body: { value: 60, baseline: '2023/24', comparison: 'more-than', reason: 'Both' },
      });
      expect(answer.status).toBe(422);
      expect(answer.body.message).toMatch(/gives both a value \(60\) and a baseline \(2023\/24\): hold it to its own figure or to the baseline's, not both/);
    });

    it('refuses words for a figure with 400 naming the value, and a date on a number indicator with 422', async () => {
      const words = await refused({ method: 'POST', url: `${plan}/indicators/SATB/actuals`, as: 'officer', body: { period: '2024/25', value: 'sixty', reason: 'x' } });
      expect(words.status).toBe(400);
      expect(words.body.message).toEqual([expect.stringMatching(/^value: must be a number, a date written YYYY-MM-DD/)]);
      const date = await refused({ method: 'POST', url: `${plan}/indicators/SATB/actuals`, as: 'officer', body: { period: '2024/25', value: '2024-10-04', reason: 'x' } });
      expect(date.status).toBe(422);
      expect(date.body.message).toMatch(/actual for SATB in 2024\/25 must be a number, as its figures are numbers: "2024-10-04" is not/);
    });

    it('refuses a date indicator an actual that is not a date (400), or a number (422)', async () => {
      const words = await refused({ method: 'POST', url: `${plan}/indicators/ACC/actuals`, as: 'officer', body: { period: '2024/25', value: 'early October', reason: 'x' } });
      expect(words.status).toBe(400);
      expect(words.body.message).toEqual([expect.stringMatching(/^value: must be a number, a date written YYYY-MM-DD/)]);
      const number = await refused({ method: 'POST', url: `${plan}/indicators/ACC/actuals`, as: 'officer', body: { period: '2024/25', value: 45_568, reason: 'x' } });
      expect(number.status).toBe(422);
      expect(number.body.message).toMatch(/must be a date written YYYY-MM-DD/);
    });

    it('refuses a number on a yes/no indicator, as actual or as target (422)', async () => {
      const actual = await refused({ method: 'POST', url: `${plan}/indicators/PAY/actuals`, as: 'officer', body: { period: '2024/25', value: 1, reason: 'x' } });
      expect(actual.status).toBe(422);
      expect(actual.body.message).toMatch(/actual for PAY in 2024\/25 must be true or false, as it is a yes\/no indicator: 1 is not/);
      const target = await refused({ method: 'PUT', url: `${plan}/indicators/PAY/targets/2024-25`, as: 'editor', body: { value: 100, reason: 'x' } });
      expect(target.status).toBe(422);
      expect(target.body.message).toMatch(/target's value for 2024\/25 must be true or false/);
    });
  });

  it('takes the figures out in a report’s spreadsheet: the date as a date, yes/no as words, the baseline beside the target', async () => {
    const headers = { ...(await api.authFor('reporting')) };
    const csv = await api.inject({ method: 'GET', url: `${plan}/reports/2024-25?waitFor=${lastPosition}`, headers: { ...headers, accept: 'text/csv' } });
    const [header, ...rows] = csvRows(csv.body.slice(1));
    const cell = (code: string, column: string) => rows.find((row) => row[0] === code)?.[header.indexOf(column)];
    expect([cell('ACC', 'Target'), cell('ACC', 'Actual'), cell('ACC', 'RAG')]).toEqual(['2024-09-30', '2024-10-04', 'amber']);
    expect([cell('PAY', 'Target'), cell('PAY', 'Actual'), cell('PAY', 'RAG')]).toEqual(['yes', 'no', 'red']);
    expect([cell('SATB', 'Target'), cell('SATB', 'Target relative to baseline')]).toEqual(['61', '2023/24']);
    expect(cell('SATA', 'Target note')).toBe('Baseline 2023/24 not recorded when the actual was recorded');

    const xlsx = await api.inject({ method: 'GET', url: `${plan}/reports/2024-25?waitFor=${lastPosition}`, headers: { ...headers, accept: XLSX } });
    const sheet = (await workbookOf(xlsx.rawPayload)).getWorksheet('indicators')!;
    const columns = (sheet.getRow(2).values as unknown[]).slice(1);
    const acc = sheet.getRow(3);
    expect(acc.getCell(1).value).toBe('ACC');
    expect(acc.getCell(columns.indexOf('Actual') + 1).value).toEqual(new Date('2024-10-04T00:00:00Z'));
    expect(sheet.getRow(4).getCell(columns.indexOf('Actual') + 1).value).toBe('no');
  });

  it('brings the date, yes/no and baseline targets and the baselines back through the import template', async () => {
    const workbook = await download(api, `${plan}?waitFor=${lastPosition}`, XLSX);
    const imported = await sendFile(api, '/v1/imports?planId=hart-2024-25-copy', workbook, XLSX);
    expect({ status: imported.status, problems: imported.body.problems }).toEqual({ status: 201, problems: [] });
    const copy = (await api.send({ method: 'GET', url: `/v1/plans/hart-2024-25-copy?waitFor=${imported.body.written.position}`, as: 'editor' })).body;
    const original = await read('');
    const definitions = (view: { indicators: Array<Record<string, unknown>> }): Array<Record<string, unknown>> =>
      view.indicators.map(({ actuals: _actuals, targets, baselines, ...definition }) => ({
        ...definition,
        targets: (targets as Array<Record<string, unknown>>).map(({ setAt: _setAt, ...target }) => target),
        baselines: (baselines as Array<Record<string, unknown>>).map(({ recordedAt: _recordedAt, ...figure }) => figure),
      }));
    expect(definitions(copy)).toEqual(definitions(original));
    expect(definitions(copy).find((indicator) => indicator.code === 'PAY')).toMatchObject({ targets: [{ value: true }], baselines: [{ value: true }] });
  });
});
