import ExcelJS from 'exceljs';
import { hartYear } from '../../scripts/demo/hart-year';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { authHeader, callerWithRole } from '../support/tokens';
import { rewriteStoredEvent } from './plan-commands.support';
import { csvRows, workbookOf, XLSX } from './spreadsheets.support';
import { perform, PlanApi } from './plan-queries.support';

const PLAN = 'hart-exports';

describe('Reports, the version table and the audit trail taken out as spreadsheets', () => {
  let api: PlanApi;
  let lastPosition = 0;

  const download = async (url: string, accept: string, role: 'reporting' | 'auditor' = 'auditor') => {
    const headers = { ...(await authHeader(api.dataDir, callerWithRole(role, HART_PLAN.council))), accept };
    return api.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, headers });
  };

  beforeAll(async () => {
    api = await PlanApi.start();
    for (const step of hartYear(PLAN)) lastPosition = (await perform(api, step)).position;
    // A restatement whose commentary a spreadsheet would otherwise run as a formula.
    const hostile = await api.send({
      method: 'POST',
      url: `/v1/plans/${PLAN}/indicators/CP3/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q4', value: 91, commentary: '=HYPERLINK("http://attacker.example","click")', reason: 'Commentary added' },
    });
    expect(hostile.status).toBe(201);
    lastPosition = hostile.body.position;
  }, 60_000);

  afterAll(() => api.close());

  it('answers a report as CSV: a header row, one row per indicator, periods as the plan prints them', async () => {
    const answer = await download(`/v1/plans/${PLAN}/reports/2023-24-Q2`, 'text/csv', 'reporting');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="${PLAN}-report-2023-24-Q2.csv"`);
    expect(answer.headers.vary).toMatch(/Accept/);
    expect(answer.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRows(answer.body.slice(1));
    expect(header.slice(0, 8)).toEqual(['Code', 'Indicator', 'Unit', 'Polarity', 'Target', 'Target as worded', 'Target for', 'Actual']);
    const json = await api.get(`/v1/plans/${PLAN}/reports/2023-24-Q2`, 'reporting');
    expect(rows.map((row) => row[0])).toEqual(json.body.indicators.map((indicator: { code: string }) => indicator.code));
    const rated = json.body.indicators.filter((indicator: { target: unknown; actual: unknown }) => indicator.target && indicator.actual !== null);
    expect(rated.length).toBeGreaterThan(0);
    for (const indicator of rated as Array<{ code: string; target: { period: string }; actual: number; rag: string }>) {
      const row = rows.find((line) => line[0] === indicator.code);
      expect(row?.[header.indexOf('Target for')]).toBe(indicator.target.period.replace('-', ' '));
      expect(row?.[header.indexOf('Actual')]).toBe(String(indicator.actual));
      expect(row?.[header.indexOf('RAG')]).toBe(indicator.rag);
    }
  });

  it('answers another table of the report as CSV when asked with `sheet`, and refuses a sheet it does not have', async () => {
    const priorities = await download(`/v1/plans/${PLAN}/reports/2023-24-Q2?sheet=priorities`, 'text/csv', 'reporting');
    const [header, ...rows] = csvRows(priorities.body.slice(1));
    expect(header.slice(0, 6)).toEqual(['Ref', 'Priority', 'Objective', 'Complete', 'Complete from', 'Status']);
    expect(rows).toHaveLength(19);
    const unknown = await download(`/v1/plans/${PLAN}/reports/2023-24-Q2?sheet=budgets`, 'text/csv', 'reporting');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message.join(' ')).toMatch(/sheet/);
  });

  it('answers a report as XLSX: every table, frozen headers, figures in their unit and RAG as cell colours', async () => {
    const answer = await download(`/v1/plans/${PLAN}/reports/2023-24-Q2`, XLSX, 'reporting');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe(XLSX);
    const workbook = await workbookOf(answer.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['indicators', 'priorities', 'milestones', 'rollups', 'budget', 'risks']);
    const indicators = workbook.getWorksheet('indicators')!;
    expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(String(indicators.getCell('A1').value)).toMatch(/Corporate Services: .*performance indicators, 2023\/24 Q2/);
    const headers = (indicators.getRow(2).values as unknown[]).slice(1);
    const column = (name: string) => headers.indexOf(name) + 1;
    const rowOf = (code: string) => {
      for (let line = 3; line <= indicators.rowCount; line += 1) {
        if (indicators.getRow(line).getCell(1).value === code) return indicators.getRow(line);
      }
      throw new Error(`no row for ${code}`);
    };
    const json = (await api.get(`/v1/plans/${PLAN}/reports/2023-24-Q2`, 'reporting')).body;
    for (const indicator of json.indicators as Array<{ code: string; rag: string; actual: number | null; unit: string }>) {
      const rag = rowOf(indicator.code).getCell(column('RAG'));
      expect(rag.value).toBe(indicator.rag);
      const fill = rag.fill as ExcelJS.FillPattern | undefined;
      const colour = { green: 'FF00B050', amber: 'FFFFC000', red: 'FFFF0000' }[indicator.rag];
      expect(fill?.fgColor?.argb).toBe(colour);
      const actual = rowOf(indicator.code).getCell(column('Actual'));
      expect(actual.value).toBe(indicator.actual ?? null);
      if (indicator.actual !== null && indicator.unit === 'percent') expect(actual.numFmt).toMatch(/%/);
    }
    expect(json.indicators.some((indicator: { rag: string }) => indicator.rag !== 'none')).toBe(true);
  });

  it('lists each milestone with the day it falls due and whether it is overdue at the end of the period', async () => {
    const json = (await api.get(`/v1/plans/${PLAN}/reports/2023-24-Q3`, 'reporting')).body;
    const milestones = json.priorities.flatMap((priority: { ref: string; milestones: Array<{ ref: string; due: string | null; overdue: boolean }> }) =>
      priority.milestones.map((milestone) => ({ priority: priority.ref, ...milestone })),
    );
    expect(milestones.some((milestone: { overdue: boolean }) => milestone.overdue)).toBe(true);
    const workbook = await workbookOf((await download(`/v1/plans/${PLAN}/reports/2023-24-Q3`, XLSX, 'reporting')).rawPayload);
    const sheet = workbook.getWorksheet('milestones')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Priority', 'Milestone', 'Description', 'Due', 'Complete', 'Status', 'Overdue']);
    milestones.forEach((milestone: { priority: string; ref: string; due: string | null; overdue: boolean }, index: number) => {
      const row = sheet.getRow(3 + index);
      expect([row.getCell(1).value, row.getCell(2).value]).toEqual([milestone.priority, milestone.ref]);
      expect(row.getCell(4).value).toEqual(milestone.due === null ? null : new Date(`${milestone.due}T00:00:00Z`));
      expect(row.getCell(7).value).toBe(milestone.overdue ? 'overdue' : null);
    });
  });

  it('keeps an officer’s text that looks like a formula as text, in CSV and XLSX alike', async () => {
    const csv = await download(`/v1/plans/${PLAN}/reports/2023-24-Q4`, 'text/csv', 'reporting');
    const [header, ...rows] = csvRows(csv.body.slice(1));
    const cp3 = rows.find((row) => row[0] === 'CP3');
    expect(cp3?.[header.indexOf('Commentary')]).toBe(`'=HYPERLINK("http://attacker.example","click")`);
    const workbook = await workbookOf((await download(`/v1/plans/${PLAN}/reports/2023-24-Q4`, XLSX, 'reporting')).rawPayload);
    const sheet = workbook.getWorksheet('indicators')!;
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain(`'=HYPERLINK("http://attacker.example","click")`);
    expect(cells.some((value) => typeof value === 'object' && value !== null && 'formula' in value)).toBe(false);
  });

  it('answers the version table as a spreadsheet with its dates as date cells', async () => {
    const json = (await api.get(`/v1/plans/${PLAN}/versions`)).body;
    expect(json.rows.length).toBeGreaterThan(0);
    const workbook = await workbookOf((await download(`/v1/plans/${PLAN}/versions`, XLSX)).rawPayload);
    const sheet = workbook.getWorksheet('versions')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['Version No.', 'Date', 'Reason for Update / Significant Changes', 'Made By']);
    json.rows.forEach((row: { label: string; date: string; reason: string; madeBy: string; changes: { summary: string } }, index: number) => {
      const line = sheet.getRow(3 + index);
      expect(line.getCell(1).value).toBe(row.label);
      expect(line.getCell(2).value).toEqual(new Date(`${row.date}T00:00:00Z`));
      expect(line.getCell(2).numFmt).toBe('dd/mm/yyyy');
      expect(line.getCell(3).value).toBe(row.reason);
      expect(line.getCell(4).value).toBe(row.madeBy);
      expect(line.getCell(5).value).toBe(row.changes.summary);
    });
    const csv = await download(`/v1/plans/${PLAN}/versions`, 'text/csv');
    expect(csvRows(csv.body.slice(1)).slice(1).map((row) => row[0])).toEqual(json.rows.map((row: { label: string }) => row.label));
  });

  it('answers the whole audit trail as a spreadsheet, every entry the filters select rather than one page', async () => {
    const csv = await download(`/v1/plans/${PLAN}/history?limit=5`, 'text/csv');
    const [header, ...rows] = csvRows(csv.body.slice(1));
    expect(header.slice(0, 6)).toEqual(['Position', 'Revision', 'Recorded (UTC)', 'Event', 'Summary', 'Who']);
    expect(rows.map((row) => Number(row[1]))).toEqual(rows.map((_, index) => index));
    const everything = await api.get(`/v1/plans/${PLAN}/history?limit=200&waitFor=${lastPosition}`);
    expect(everything.body.next).toBeNull();
    expect(rows).toHaveLength(everything.body.items.length);
    expect(rows.length).toBeGreaterThan(5);
    const targets = await download(`/v1/plans/${PLAN}/history?type=TargetChanged`, 'text/csv');
    const targetRows = csvRows(targets.body.slice(1)).slice(1);
    expect(targetRows.length).toBeGreaterThan(0);
    expect(targetRows.every((row) => row[3] === 'TargetChanged')).toBe(true);
  });

  it('keeps answering JSON to clients that ask for it or for anything, and says 406 to one that accepts none of its formats', async () => {
    const json = await download(`/v1/plans/${PLAN}/versions`, 'application/json');
    expect(json.headers['content-type']).toMatch(/application\/json/);
    const anything = await download(`/v1/plans/${PLAN}/versions`, '*/*');
    expect(anything.headers['content-type']).toMatch(/application\/json/);
    const refused = await download(`/v1/plans/${PLAN}/versions`, 'application/pdf');
    expect(refused.statusCode).toBe(406);
    expect(refused.json().message).toMatch(/text\/csv/);
  });

  it('answers 304 to a client holding the same spreadsheet, and never confuses it with the JSON answer', async () => {
    const first = await download(`/v1/plans/${PLAN}/reports/2023-24-Q2`, 'text/csv', 'reporting');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"\d+\.csv"$/);
    const headers = { ...(await authHeader(api.dataDir, callerWithRole('reporting', HART_PLAN.council))) };
    const again = await api.app.inject({
      method: 'GET',
      url: `/v1/plans/${PLAN}/reports/2023-24-Q2`,
      headers: { ...headers, accept: 'text/csv', 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const asJson = await api.app.inject({
      method: 'GET',
      url: `/v1/plans/${PLAN}/reports/2023-24-Q2`,
      headers: { ...headers, 'if-none-match': etag },
    });
    expect(asJson.statusCode).toBe(200);
    expect(asJson.json().period).toBe('2023/24-Q2');
  });

  it('puts the year’s budget in a report’s workbook: a column per kind, income negative, the computed total', async () => {
    const lines = [
      { code: 'CS01', title: 'Corporate Services management', amounts: [{ year: '2023/24', kind: 'original', value: 412_300 }, { year: '2023/24', kind: 'latest', value: 405_120.5 }] },
      { code: 'CS02', title: 'Land charges income', amounts: [{ year: '2023/24', kind: 'original', value: -98_000 }, { year: '2023/24', kind: 'latest', value: -101_250 }] },
    ];
    for (const body of lines) {
      const added = await api.send({ method: 'POST', url: `/v1/plans/${PLAN}/budget-lines`, as: 'editor', body });
      expect(added.status).toBe(201);
      lastPosition = added.body.position;
    }
    const workbook = await workbookOf((await download(`/v1/plans/${PLAN}/reports/2023-24-Q2`, XLSX, 'reporting')).rawPayload);
    const sheet = workbook.getWorksheet('budget')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/budget 2023\/24$/);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Code', 'Cost centre or service', 'Original £', 'Latest £', 'Forecast £', 'Outturn £', 'Note']);
    const values = (line: number) => (sheet.getRow(line).values as unknown[]).slice(1, 6);
    expect(values(3)).toEqual(['CS01', 'Corporate Services management', 412_300, 405_120.5, undefined]);
    expect(values(4)).toEqual(['CS02', 'Land charges income', -98_000, -101_250, undefined]);
    expect(values(5)).toEqual([undefined, 'Total', 314_300, 303_870.5, undefined]);
    expect(sheet.getRow(5).getCell(3).numFmt).toMatch(/£/);
    const csv = await download(`/v1/plans/${PLAN}/reports/2023-24-Q2?sheet=budget`, 'text/csv', 'reporting');
    expect(csvRows(csv.body.slice(1)).at(-1)).toEqual(['', 'Total', '314300', '303870.5', '', '', '']);
  });

  it('says in a report’s spreadsheet what a target note says, where the previous figure comes from and each action’s measures', async () => {
    const commands: Array<{ as: 'editor' | 'officer'; method: 'POST' | 'PUT'; url: string; body: object }> = [
      { as: 'editor', method: 'PUT', url: `/v1/plans/${PLAN}/indicators/CP7/priorities`, body: { priorityRefs: ['1', '2'] } },
      {
        as: 'editor',
        method: 'POST',
        url: `/v1/plans/${PLAN}/indicators`,
        body: { code: 'CP90', title: 'Garden waste subscribers', unit: 'count', polarity: 'higher-is-better', basis: 'period', frequency: 'quarterly', targets: [{ period: '2023/24', text: 'New PI' }] },
      },
      { as: 'officer', method: 'POST', url: `/v1/plans/${PLAN}/indicators/CP90/actuals`, body: { period: '2023/24-Q2', value: 1200 } },
    ];
    for (const { as, method, url, body } of commands) {
      const answer = await api.send({ method, url, as, body });
      expect(answer.status).toBeLessThan(300);
      lastPosition = answer.body.position;
    }
    const json = (await api.get(`/v1/plans/${PLAN}/reports/2023-24-Q2?waitFor=${lastPosition}`, 'reporting')).body;
    const [header, ...rows] = csvRows((await download(`/v1/plans/${PLAN}/reports/2023-24-Q2`, 'text/csv', 'reporting')).body.slice(1));
    const cellOf = (code: string, column: string) => rows.find((row) => row[0] === code)?.[header.indexOf(column)];
    expect(cellOf('CP90', 'Target note')).toBe('Target to be set');
    for (const indicator of json.indicators as Array<{ code: string; targetNote: string | null; previousFrom: string | null }>) {
      expect(cellOf(indicator.code, 'Target note')).toBe(indicator.targetNote ?? '');
      expect(cellOf(indicator.code, 'Previous figure from')).toBe({ actual: 'this plan', baseline: 'baseline' }[indicator.previousFrom ?? ''] ?? '');
    }
    expect(json.indicators.some((indicator: { previousFrom: string | null }) => indicator.previousFrom === 'actual')).toBe(true);

    const cp7 = json.indicators.find((indicator: { code: string }) => indicator.code === 'CP7');
    const workbook = await workbookOf((await download(`/v1/plans/${PLAN}/reports/2023-24-Q2`, XLSX, 'reporting')).rawPayload);
    const priorities = workbook.getWorksheet('priorities')!;
    const measures = (priorities.getRow(2).values as unknown[]).indexOf('Measures (RAG for the period)');
    expect(measures).toBeGreaterThan(0);
    expect([priorities.getRow(3).getCell(1).value, priorities.getRow(3).getCell(measures).value]).toEqual(['1', `CP7 ${cp7.rag}`]);
    expect(priorities.getRow(5).getCell(measures).value).toBeNull();
  });

  it('does not make a spreadsheet of figures whose events fail their check, and JSON still names the failure', async () => {
    // The latest actual: events after the last snapshot are the ones a rebuild re-reads.
    const actuals = await api.get(`/v1/plans/${PLAN}/history?type=ActualRecorded&limit=200&waitFor=${lastPosition}`);
    const altered = actuals.body.items.at(-1).revision as number;
    rewriteStoredEvent(api, PLAN, altered, (row) => {
      row.data.value = 99.9;
    });
    const asOf = new Date(Date.now() + 1000).toISOString();
    for (const accept of ['text/csv', XLSX]) {
      const refused = await download(`/v1/plans/${PLAN}/reports/2023-24-Q2?asOf=${asOf}`, accept, 'reporting');
      expect(refused.statusCode).toBe(422);
      expect(refused.headers['x-integrity']).toBe('failed');
      expect(refused.json().message).toMatch(/fail their integrity check.*read it as JSON/);
    }
    const json = await api.get(`/v1/plans/${PLAN}/reports/2023-24-Q2?asOf=${asOf}`, 'reporting');
    expect(json.status).toBe(200);
    expect(json.body.integrity).toMatchObject({ ok: false, firstFailure: { revision: altered } });
  });
});
