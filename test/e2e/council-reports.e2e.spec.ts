import ExcelJS from 'exceljs';
import { HART_CORPORATE_PLAN } from '@app/domain/corporate-plan/testing/hart-corporate-plan.seed';
import type { Role } from '../../apps/api/src/auth/caller';
import { hartYear } from '../../scripts/demo/hart-year';
import { authHeader, type TestCaller } from '../support/tokens';
import { rewriteStoredEvent } from './plan-commands.support';
import { afterInstant, perform, PlanApi } from './plan-queries.support';
import { csvRows, workbookOf, XLSX } from './spreadsheets.support';

/**
 * Hart's council-wide report for 2023/24 Q2 over three plans: the Corporate Services plan of the
 * shared fixture (drafted, scrutinised, approved, two quarters of actuals and progress) and two small
 * plans of other services, ILLUSTRATIVE: Place (a late Q2 figure that turns red, a slipped priority
 * with an overdue milestone, a very high risk) and Communities (drafted after Place's figure was
 * recorded, an off-track priority). Rushmoor's plan of the same quarter is never in Hart's answers.
 */

const CORPORATE = 'hart-cs-2023-24';
const PLACE = 'hart-place-2023-24';
const COMMUNITIES = 'hart-communities-2023-24';
const RUSHMOOR_PLAN = 'rushmoor-cs-2023-24';
const RUSHMOOR: TestCaller = { role: 'editor', council: 'rushmoor' };
const QUARTER = '2023-24-Q2';

const percentIndicator = (code: string, title: string) => ({
  code,
  title,
  unit: 'percent',
  polarity: 'higher-is-better',
  basis: 'period',
  frequency: 'quarterly',
  targets: [{ period: '2023/24', value: 90 }],
});

type PlanRow = { planId: string; indicators: Array<{ code: string; rag: string }>; priorities: Array<{ ref: string }>; ragCounts: Record<string, number> };
type ExceptionRow = { kind: string; planId: string; service: string; ref: string; why: string };

describe('The council-wide report and its exceptions for a quarter', () => {
  let api: PlanApi;
  let lastPosition = 0;
  /** Hart's answers as served before Place's Q2 figure was recorded, and the instant just after. */
  let servedBefore: { report: { text: string; etag: unknown }; exceptions: { text: string; etag: unknown } };
  let beforeRed: string;

  const command = async (as: Role | TestCaller, method: 'POST' | 'PUT' | 'PATCH', url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
  };
  const get = async (url: string, as: Role | TestCaller = 'reporting', headers: Record<string, string> = {}) =>
    api.send({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as, headers });
  const ok = async (url: string, as: Role | TestCaller = 'reporting') => {
    const answer = await get(url, as);
    if (answer.status !== 200) throw new Error(`GET ${url}: ${answer.status} ${answer.text}`);
    return answer;
  };
  const download = async (url: string, accept: string) => {
    const headers = { ...(await authHeader(api.dataDir, { role: 'reporting', council: 'hart' })), accept };
    return api.app.inject({ method: 'GET', url, headers });
  };
  const planIds = (body: { plans: Array<{ planId: string }> }) => body.plans.map((plan) => plan.planId);
  /** A plan's own report as the council report shows it: without the period, budget and risks it leaves to the plan's. */
  const asInCouncilReport = ({ period: _period, budget: _budget, risks: _risks, asOf: _asOf, ...report }: Record<string, unknown>) => report;

  beforeAll(async () => {
    api = await PlanApi.start();
    const year = hartYear(CORPORATE);
    const q3 = year.findIndex((step) => step.stage.startsWith('2023/24-Q3'));
    for (const step of year.slice(0, q3)) lastPosition = (await perform(api, step)).position;

    const place = `/v1/plans/${PLACE}`;
    await command('editor', 'POST', '/v1/plans', { planId: PLACE, title: 'Service Plan 2023/24: Place', service: 'Place', period: '2023/24' });
    await command('editor', 'POST', `${place}/priorities`, {
      ref: 'P1',
      title: 'Adopt the Local Plan review',
      themes: ['Place', 'Planet'],
      outcomes: [{ ref: 'a', description: 'Local Plan consultation closed', targetDate: 'July 2023' }],
    });
    await command('editor', 'POST', `${place}/indicators`, percentIndicator('PL1', 'Major planning applications decided in time'));
    await command('editor', 'POST', `${place}/risks`, { ref: 'R1', title: 'Five-year land supply lost', residual: { likelihood: 4, impact: 4 } });
    await command('officer', 'POST', `${place}/indicators/PL1/actuals`, { period: '2023/24-Q1', value: 93 });
    await command('officer', 'POST', `${place}/priorities/P1/progress`, {
      period: '2023/24-Q2',
      milestone: 'a',
      percentComplete: 40,
      status: 'slipped',
      commentary: "Inspector's report delayed",
    });
    await command('officer', 'POST', `${place}/priorities/P1/progress`, {
      period: '2023/24-Q2',
      percentComplete: 40,
      status: 'slipped',
      commentary: "Inspector's report delayed",
    });

    await command(RUSHMOOR, 'POST', '/v1/plans', { planId: RUSHMOOR_PLAN, title: 'Corporate Services 2023/24', service: 'Corporate Services', period: '2023/24' });
    await command(RUSHMOOR, 'POST', `/v1/plans/${RUSHMOOR_PLAN}/indicators`, percentIndicator('RC1', 'Invoices paid on time'));
    await command({ role: 'officer', council: 'rushmoor' }, 'POST', `/v1/plans/${RUSHMOOR_PLAN}/indicators/RC1/actuals`, { period: '2023/24-Q2', value: 50 });

    const report = await ok(`/v1/reports/${QUARTER}`);
    const exceptions = await ok(`/v1/reports/${QUARTER}/exceptions`);
    servedBefore = {
      report: { text: report.text, etag: report.headers.etag },
      exceptions: { text: exceptions.text, etag: exceptions.headers.etag },
    };
    beforeRed = new Date().toISOString();
    await afterInstant(new Date(beforeRed));

    await command('officer', 'POST', `${place}/indicators/PL1/actuals`, { period: '2023/24-Q2', value: 70 });
    const communities = `/v1/plans/${COMMUNITIES}`;
    await command('editor', 'POST', '/v1/plans', { planId: COMMUNITIES, title: 'Service Plan 2023/24: Communities', service: 'Communities', period: '2023/24' });
    await command('editor', 'POST', `${communities}/priorities`, { ref: 'C1', title: 'Open the Fleet community hub', themes: ['People'], outcomes: [] });
    await command('editor', 'POST', `${communities}/indicators`, percentIndicator('CM1', 'Residents satisfied with community grants'));
    await command('officer', 'POST', `${communities}/indicators/CM1/actuals`, { period: '2023/24-Q2', value: 95 });
    await command('officer', 'POST', `${communities}/priorities/C1/progress`, {
      period: '2023/24-Q2',
      percentComplete: 30,
      status: 'off-track',
      commentary: 'Lease not yet signed',
    });
  }, 120_000);

  afterAll(() => api?.close());

  it("holds every plan of the council covering the quarter, each exactly as its own report shows it, and counts the council's RAG", async () => {
    const { body } = await ok(`/v1/reports/${QUARTER}`);

    expect(body).toMatchObject({ council: 'hart', period: '2023/24-Q2', filters: { service: null, theme: null }, note: null });
    expect(planIds(body)).toEqual([COMMUNITIES, CORPORATE, PLACE]);
    for (const plan of body.plans as PlanRow[]) {
      const own = (await ok(`/v1/plans/${plan.planId}/reports/${QUARTER}`)).body;
      const { ragCounts, ...shown } = plan;
      expect(shown).toEqual(asInCouncilReport(own));
      const counted = { green: 0, amber: 0, red: 0, none: 0 } as Record<string, number>;
      for (const { rag } of plan.indicators) counted[rag] += 1;
      expect(ragCounts).toEqual(counted);
    }
    const sum = (colour: string) => (body.plans as PlanRow[]).reduce((total, plan) => total + plan.ragCounts[colour], 0);
    expect(body.ragCounts).toEqual({ green: sum('green'), amber: sum('amber'), red: sum('red'), none: sum('none') });
    expect(body.plans[2].indicators).toEqual([expect.objectContaining({ code: 'PL1', rag: 'red', actual: 70 })]);
    expect(body.byService.map((row: { service: string; plans: number }) => [row.service, row.plans])).toEqual([
      ['Communities', 1],
      ['Corporate Services', 1],
      ['Place', 1],
    ]);
    expect(body.byTheme.map((row: { theme: string }) => row.theme)).toEqual(
      expect.arrayContaining(['People', 'Place', 'Planet', 'Resilient and financially sound council']),
    );
    expect(body.byService.find((row: { service: string }) => row.service === 'Communities').progress).toEqual({ percentComplete: 30, items: 1, withoutEntry: 0 });
    expect(body.rounding).toMatch(/half up/i);
  });

  it('lists the exceptions of every plan, each with its plan, service and why, and none of another council', async () => {
    const { body } = await ok(`/v1/reports/${QUARTER}/exceptions`);
    const items = body.items as ExceptionRow[];
    const of = (planId: string, kind: string, ref: string) => items.find((item) => item.planId === planId && item.kind === kind && item.ref === ref);

    expect(of(PLACE, 'red-indicator', 'PL1')).toMatchObject({
      service: 'Place',
      why: 'Red: 70% for 2023/24-Q2, below the target of 90% by more than the 5% tolerance.',
    });
    expect(of(PLACE, 'slipped-priority', 'P1')?.why).toBe("Reported slipped at 40% for 2023/24-Q2: Inspector's report delayed.");
    expect(of(PLACE, 'overdue-milestone', 'P1/a')?.why).toBe('Due 2023-07-31 and not complete by the end of 2023/24-Q2: 40%, slipped.');
    expect(of(PLACE, 'top-band-risk', 'R1')?.why).toBe('Scored 4 × 4 = 16, very high, as its residual score in the register.');
    expect(of(COMMUNITIES, 'off-track-priority', 'C1')?.why).toBe('Reported off-track at 30% for 2023/24-Q2: Lease not yet signed.');
    // Hart's illustrative Q2: missed bins at 45 against at most 40, internal audit satisfaction at 88% against 90%.
    expect(of(CORPORATE, 'red-indicator', 'CP10')?.service).toBe('Corporate Services');
    expect(of(CORPORATE, 'amber-indicator', 'CP2')).toBeDefined();
    expect(items.every((item) => item.planId !== RUSHMOOR_PLAN)).toBe(true);
    expect(planIds(body)).toEqual([COMMUNITIES, CORPORATE, PLACE]);
    for (const kind of Object.keys(body.counts)) expect(body.counts[kind]).toBe(items.filter((item) => item.kind === kind).length);
  });

  it('answers as of an earlier instant exactly what was served then: before the red figure, and before a plan was drafted', async () => {
    for (const [path, served] of [
      [`/v1/reports/${QUARTER}`, servedBefore.report],
      [`/v1/reports/${QUARTER}/exceptions`, servedBefore.exceptions],
    ] as const) {
      const past = await ok(`${path}?asOf=${encodeURIComponent(beforeRed)}`);
      expect(past.headers['x-integrity']).toBe('ok');
      const { asOf, ...then } = past.body;
      expect(asOf).toBe(beforeRed);
      expect(JSON.stringify(then)).toBe(served.text);
      expect(past.headers.etag).toBe(served.etag);
    }
    const { body } = await ok(`/v1/reports/${QUARTER}?asOf=${encodeURIComponent(beforeRed)}`);
    expect(planIds(body)).toEqual([CORPORATE, PLACE]);
    expect(body.plans[1].indicators[0]).toMatchObject({ code: 'PL1', rag: 'none', ragReason: 'No actual recorded for 2023/24-Q2' });
    const placeThen = (await ok(`/v1/plans/${PLACE}/reports/${QUARTER}?asOf=${encodeURIComponent(beforeRed)}`)).body;
    expect(body.plans[1]).toEqual({ ...asInCouncilReport(placeThen), ragCounts: { green: 0, amber: 0, red: 0, none: 1 } });
    const exceptions = (await ok(`/v1/reports/${QUARTER}/exceptions?asOf=${encodeURIComponent(beforeRed)}`)).body.items as ExceptionRow[];
    expect(exceptions.filter((item) => item.planId === PLACE).map((item) => item.kind)).toEqual(['slipped-priority', 'overdue-milestone', 'top-band-risk']);
  });

  it("narrows to a service, or to a theme's priorities, and says so in a sentence when nothing is left", async () => {
    const place = (await ok(`/v1/reports/${QUARTER}?service=Place`)).body;
    expect(planIds(place)).toEqual([PLACE]);
    expect(place.filters).toEqual({ service: 'Place', theme: null });

    const people = (await ok(`/v1/reports/${QUARTER}?theme=People`)).body;
    expect(planIds(people)).toEqual([COMMUNITIES, CORPORATE]);
    for (const plan of people.plans as Array<PlanRow & { priorities: Array<{ ref: string }> }>) {
      expect(plan.indicators).toEqual([]);
      expect(plan.priorities.length).toBeGreaterThan(0);
    }
    const corporatePeople = (await ok(`/v1/plans/${CORPORATE}/priorities`)).body.priorities
      .filter((priority: { themes: string[] }) => priority.themes.includes('People'))
      .map((priority: { ref: string }) => priority.ref);
    expect(people.plans[1].priorities.map((priority: { ref: string }) => priority.ref)).toEqual(corporatePeople);

    const both = (await ok(`/v1/reports/${QUARTER}?service=${encodeURIComponent('Corporate Services')}&theme=People`)).body;
    expect(planIds(both)).toEqual([CORPORATE]);

    const parks = (await ok(`/v1/reports/${QUARTER}?theme=Parks`)).body;
    expect(parks).toMatchObject({ plans: [], note: "No plan of hart covering 2023/24-Q2 has a priority or an indicator under the theme 'Parks'." });
    // A theme in words is its priorities' and their milestones': indicators link to a theme only by id, and risks to none.
    const planet = (await ok(`/v1/reports/${QUARTER}/exceptions?theme=Planet`)).body.items as ExceptionRow[];
    expect(planet.filter((item) => item.planId === PLACE).map((item) => item.kind)).toEqual(['slipped-priority', 'overdue-milestone']);
    expect(new Set(planet.map((item) => item.kind))).toEqual(new Set(['slipped-priority', 'overdue-milestone']));
    expect(planet.some((item) => item.planId === CORPORATE)).toBe(true);
  });

  it("shows each council only its own plans, and an officer only their services' plans", async () => {
    const rushmoor = (await ok(`/v1/reports/${QUARTER}`, { role: 'reporting', council: 'rushmoor' })).body;
    expect(planIds(rushmoor)).toEqual([RUSHMOOR_PLAN]);
    const rushmoorExceptions = (await ok(`/v1/reports/${QUARTER}/exceptions`, { role: 'auditor', council: 'rushmoor' })).body;
    expect(rushmoorExceptions.items.map((item: ExceptionRow) => [item.planId, item.kind])).toEqual([[RUSHMOOR_PLAN, 'red-indicator']]);

    const placeOfficer: TestCaller = { role: 'officer', council: 'hart', services: ['Place'] };
    expect(planIds((await ok(`/v1/reports/${QUARTER}`, placeOfficer)).body)).toEqual([PLACE]);
    const theirs = (await ok(`/v1/reports/${QUARTER}/exceptions`, placeOfficer)).body.items as ExceptionRow[];
    expect(new Set(theirs.map((item) => item.planId))).toEqual(new Set([PLACE]));
    const notTheirs = (await ok(`/v1/reports/${QUARTER}?service=${encodeURIComponent('Corporate Services')}`, placeOfficer)).body;
    expect(notTheirs).toMatchObject({ plans: [], note: 'No plan of hart in Place covers 2023/24-Q2 of Corporate Services.' });
  });

  it('answers a period outside every plan with no plan and a sentence naming the periods the plans cover', async () => {
    const answer = await ok('/v1/reports/2030-31-Q1');
    expect(answer.body).toMatchObject({ period: '2030/31-Q1', plans: [], note: 'No plan of hart covers 2030/31-Q1: they cover 2023/24.' });
    const exceptions = await ok('/v1/reports/2030-31-Q1/exceptions');
    expect(exceptions.body).toMatchObject({ plans: [], items: [], note: 'No plan of hart covers 2030/31-Q1: they cover 2023/24.' });
    const officer = await ok('/v1/reports/2030-31-Q1', { role: 'officer', council: 'hart', services: ['Waste'] });
    expect(officer.body.note).toBe('No plan of hart in Waste covers 2030/31-Q1: there are none yet.');
  });

  it('refuses what it cannot answer: a bad period, filter, sheet or instant (400), the past to an officer (403), a format it does not offer (406)', async () => {
    const refusals: Array<[string, Role | TestCaller, number, RegExp]> = [
      ['/v1/reports/Q2', 'reporting', 400, /period/],
      [`/v1/reports/${QUARTER}?service=`, 'reporting', 400, /service/],
      [`/v1/reports/${QUARTER}?theme=${'x'.repeat(201)}`, 'reporting', 400, /theme/],
      [`/v1/reports/${QUARTER}?sheet=budget`, 'reporting', 400, /sheet/],
      [`/v1/reports/${QUARTER}/exceptions?asOf=yesterday`, 'reporting', 400, /asOf/],
      [`/v1/reports/${QUARTER}?asOf=${encodeURIComponent(beforeRed)}`, 'officer', 403, /reporting/],
      [`/v1/reports/${QUARTER}/exceptions`, 'admin', 403, /role/],
    ];
    for (const [url, as, status, message] of refusals) {
      const answer = await get(url, as);
      expect([url, answer.status]).toEqual([url, status]);
      expect(JSON.stringify(answer.body.message)).toMatch(message);
    }
    expect((await get(`/v1/reports/${QUARTER}`, 'reporting', { accept: 'image/png' })).status).toBe(406);
  });

  it("answers CSV and XLSX by Accept: every plan's rows led by its service and plan, RAG as cell colours, frozen headers", async () => {
    const json = (await ok(`/v1/reports/${QUARTER}`)).body;
    const csv = await download(`/v1/reports/${QUARTER}`, 'text/csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="hart-report-2023-24-Q2.csv"');
    expect(csv.headers.etag).toMatch(/^"plans-[0-9a-f]+\.csv"$/);
    const [header, ...rows] = csvRows(csv.body.slice(1));
    expect(header.slice(0, 4)).toEqual(['Service', 'Plan', 'Code', 'Indicator']);
    const expected = (json.plans as PlanRow[]).flatMap((plan) => plan.indicators.map((indicator) => [plan.planId, indicator.code, indicator.rag]));
    expect(rows.map((row) => [row[1], row[2], row[header.indexOf('RAG')]])).toEqual(expected);
    const priorities = csvRows((await download(`/v1/reports/${QUARTER}?sheet=priorities`, 'text/csv')).body.slice(1));
    expect(priorities[0].slice(0, 4)).toEqual(['Service', 'Plan', 'Ref', 'Priority']);
    expect(priorities).toHaveLength(1 + (json.plans as PlanRow[]).reduce((sum, plan) => sum + plan.priorities.length, 0));

    const xlsx = await download(`/v1/reports/${QUARTER}`, XLSX);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const workbook = await workbookOf(xlsx.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['indicators', 'priorities', 'plans', 'services', 'themes']);
    const indicators = workbook.getWorksheet('indicators')!;
    expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(String(indicators.getCell('A1').value)).toBe('hart: performance indicators of every plan, 2023/24 Q2');
    const ragColumn = (indicators.getRow(2).values as unknown[]).indexOf('RAG');
    const pl1 = indicators.getRows(3, indicators.rowCount - 2)!.find((row) => row.getCell(3).value === 'PL1')!;
    expect(pl1.getCell(2).value).toBe(PLACE);
    expect((pl1.getCell(ragColumn).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFF0000');

    const exceptions = await workbookOf((await download(`/v1/reports/${QUARTER}/exceptions`, XLSX)).rawPayload);
    const sheet = exceptions.getWorksheet('exceptions')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual(['Service', 'Plan', 'Exception', 'RAG', 'Ref', 'Item', 'Why']);
    const red = sheet.getRows(3, sheet.rowCount - 2)!.find((row) => row.getCell(5).value === 'PL1')!;
    expect([red.getCell(3).value, red.getCell(4).value]).toEqual(['red indicator', 'red']);
    expect((red.getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFF0000');
    const exceptionsCsv = csvRows((await download(`/v1/reports/${QUARTER}/exceptions`, 'text/csv')).body.slice(1));
    expect(exceptionsCsv.length - 1).toBe((await ok(`/v1/reports/${QUARTER}/exceptions`)).body.items.length);
  });

  it('answers 304 to the ETag it gave while no plan of the answer changed, and a new one once one did', async () => {
    const first = await ok(`/v1/reports/${QUARTER}?service=Communities`);
    const etag = String(first.headers.etag);
    expect((await get(`/v1/reports/${QUARTER}?service=Communities`, 'reporting', { 'if-none-match': etag })).status).toBe(304);
    await command('officer', 'POST', `/v1/plans/${COMMUNITIES}/indicators/CM1/actuals`, { period: '2023/24-Q3', value: 96 });
    const changed = await get(`/v1/reports/${QUARTER}?service=Communities`, 'reporting', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("narrows to a corporate theme by its id, keeping the priorities and indicators linked to it, and rolls up per theme under the corporate plan's title", async () => {
    await command('governance', 'POST', '/v1/corporate-plans', HART_CORPORATE_PLAN);
    const communities = `/v1/plans/${COMMUNITIES}`;
    await command('editor', 'PATCH', `${communities}/priorities/C1`, { themeIds: ['people'], reason: 'Linked to the corporate plan 2023/2027' });
    await command('editor', 'PATCH', `${communities}/indicators/CM1`, { themeId: 'people', reason: 'Linked to the corporate plan 2023/2027' });

    const answer = await ok(`/v1/reports/${QUARTER}?theme=people`);
    // The titles come from the corporate plans, so their revision is in the ETag: a renamed theme is a new answer.
    expect(answer.headers.etag).toMatch(/^"plans-[0-9a-f]+\.themes-0"$/);
    const people = answer.body;
    expect(people.filters).toEqual({ service: null, theme: 'people' });
    expect(people.plans.map((plan: PlanRow) => [plan.planId, plan.priorities.map((priority) => priority.ref), plan.indicators.map((indicator) => indicator.code)])).toEqual([
      [COMMUNITIES, ['C1'], ['CM1']],
    ]);
    expect(people.ragCounts).toEqual({ green: 1, amber: 0, red: 0, none: 0 });
    const linked = people.byTheme.find((row: { theme: string }) => row.theme === 'people');
    expect(linked).toMatchObject({ themeId: 'people', title: 'People', plans: 1, priorities: 1, indicators: 1, ragCounts: { green: 1 }, progress: { percentComplete: 30 } });

    // The words the plans print still narrow as before; the id, in any capitals, brings its linked indicator with them.
    const inWords = (await ok(`/v1/reports/${QUARTER}?theme=People`)).body;
    expect(planIds(inWords)).toEqual([COMMUNITIES, CORPORATE]);
    expect(inWords.plans[0].indicators.map((indicator: { code: string }) => indicator.code)).toEqual(['CM1']);
    expect(inWords.plans[1].indicators).toEqual([]);
    const exceptions = (await ok(`/v1/reports/${QUARTER}/exceptions?theme=people`)).body.items as ExceptionRow[];
    expect(exceptions.map((item) => [item.planId, item.kind, item.ref])).toEqual([[COMMUNITIES, 'off-track-priority', 'C1']]);
  });

  it('says when a plan of an answer rebuilt as of an instant has altered events, names it, and makes no spreadsheet of it', async () => {
    rewriteStoredEvent(api, PLACE, 1, (row) => {
      row.data.title = 'Something the committee never saw';
    });
    const asOf = encodeURIComponent(new Date(Date.now() + 1000).toISOString());
    const answer = await ok(`/v1/reports/${QUARTER}?asOf=${asOf}`);
    expect(answer.headers['x-integrity']).toBe('failed');
    expect(answer.headers.etag).toBeUndefined();
    expect(answer.body.integrity).toMatchObject({ ok: false, failures: [{ planId: PLACE, ok: false, firstFailure: { revision: 1 } }] });
    const refused = await download(`/v1/reports/${QUARTER}/exceptions?asOf=${asOf}`, XLSX);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['x-integrity']).toBe('failed');
    expect((await ok(`/v1/reports/${QUARTER}`)).headers['x-integrity']).toBeUndefined();
  });
});
