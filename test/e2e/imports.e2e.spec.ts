import { EVENT_STORE, type EventStore } from '@app/event-store';
import { planKey, planStreamId } from '@app/domain';
import ExcelJS from 'exceljs';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { startTestApp, type TestApp } from '../support/test-app';
import { contentOf, download, enterHartWithProse, sendFile, XLSX } from './imports.support';
import { afterInstant } from './plan-queries.support';

const CSV = 'text/csv';
const JSON_TYPE = 'application/json';

/** A workbook's cell by its sheet, the row the spreadsheet shows and its column's header (in row 2, under the title). */
function cellAt(workbook: ExcelJS.Workbook, sheet: string, row: number, header: string): ExcelJS.Cell {
  const worksheet = workbook.getWorksheet(sheet)!;
  const headers = worksheet.getRow(2).values as unknown[];
  const column = headers.indexOf(header);
  if (column < 1) throw new Error(`${sheet} has no column ${header}`);
  return worksheet.getRow(row).getCell(column);
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const bytesOf = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

describe('A plan brought in from a spreadsheet, and taken out in the same layout', () => {
  let api: TestApp;
  let hartXlsx: Buffer;
  let originalContent: unknown;
  /** An instant after Hart was entered and before its baseline was recorded. */
  let beforeBaseline: string;
  const ORIGINAL = 'hart-original';

  const store = () => api.get<EventStore>(EVENT_STORE);
  const streamOf = async (planId: string) => {
    try {
      return await store().readStream(planStreamId(planKey(HART_PLAN.council, planId)));
    } catch {
      return [];
    }
  };
  const viewOf = async (planId: string, waitFor: number) =>
    (await api.send({ method: 'GET', url: `/v1/plans/${planId}?waitFor=${waitFor}`, as: 'editor' })).body;

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    await enterHartWithProse(api, ORIGINAL);
    await afterInstant(new Date());
    beforeBaseline = new Date().toISOString();
    await afterInstant(new Date(beforeBaseline));
    // A figure from before the plan, as Hart's 2022/23 outturn would be printed beside its target.
    const baseline = await api.send({
      method: 'POST',
      url: `/v1/plans/${ORIGINAL}/indicators/CP7/baselines`,
      as: 'editor',
      body: { period: '2022/23', value: 97.1, source: '2022/23 outturn' },
    });
    if (baseline.status !== 201) throw new Error(`baseline: ${baseline.status} ${baseline.text}`);
    // What CP7 measures, which the Indicators sheet carries so that the copy measures the same.
    const linked = await api.send({ method: 'PUT', url: `/v1/plans/${ORIGINAL}/indicators/CP7/priorities`, as: 'editor', body: { priorityRefs: ['4', '6'] } });
    if (linked.status !== 200) throw new Error(`link: ${linked.status} ${linked.text}`);
    // Who answers for a return and who checks it are the plan's too, and come back with it.
    const owners = { owner: 'sam.reed@hart', approver: 'jo.hale@hart', reason: 'Responsibilities named' };
    for (const url of [`/v1/plans/${ORIGINAL}/indicators/CP7`, `/v1/plans/${ORIGINAL}/priorities/8`]) {
      const named = await api.send({ method: 'PATCH', url, as: 'editor', body: owners });
      if (named.status !== 200) throw new Error(`owners: ${named.status} ${named.text}`);
    }
    const { position } = (await api.send({ method: 'PATCH', url: `/v1/plans/${ORIGINAL}/indicators/CP10`, as: 'editor', body: { ...owners, approver: null } })).body;
    hartXlsx = await download(api, `/v1/plans/${ORIGINAL}?waitFor=${position}`, XLSX);
    originalContent = contentOf(await viewOf(ORIGINAL, position));
  });

  afterAll(() => api.close());

  describe('the template, as the plan read answers it', () => {
    it('has a sheet per section, its title above frozen headers named as an officer would', async () => {
      const workbook = await workbookOf(hartXlsx);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Plan', 'Priorities', 'Outcomes', 'Indicators', 'Targets', 'Baselines', 'Budget', 'Budget totals', 'Risks', 'Contracts',
        'Workforce', 'Key posts', 'Skills', 'Narrative', 'Contributions',
      ]);
      const priorities = workbook.getWorksheet('Priorities')!;
      expect(priorities.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(priorities.getRow(2).values).toEqual([undefined, 'Ref', 'Kind (priority, project, action)', 'Priority', 'Objective', 'Themes (one per line)', 'Sponsor', 'Manager', 'Owner (user id)', 'Approver (user id)']);
      expect(priorities.rowCount).toBe(2 + 19);
      expect(cellAt(workbook, 'Plan', 3, 'Title').value).toBe(HART_PLAN.title);
      expect(cellAt(workbook, 'Targets', 3, 'Period').value).toBe('2023/24');
      expect(workbook.getWorksheet('Narrative')!.rowCount).toBe(2 + 2);
      expect(workbook.getWorksheet('Baselines')!.getRow(3).values).toEqual([undefined, 'CP7', '2022/23', 97.1, '2022/23 outturn']);
      const cp7Row = (workbook.getWorksheet('Indicators')!.getColumn(1).values as unknown[]).indexOf('CP7');
      expect(cellAt(workbook, 'Indicators', cp7Row, 'Owner (user id)').value).toBe('sam.reed@hart');
      expect(cellAt(workbook, 'Indicators', cp7Row, 'Approver (user id)').value).toBe('jo.hale@hart');
    });

    it('answers the plan as it stood asOf an instant, as the JSON read does, with its own ETag', async () => {
      const response = await api.inject({
        method: 'GET',
        url: `/v1/plans/${ORIGINAL}?asOf=${beforeBaseline}`,
        headers: { ...(await api.authFor('editor')), accept: XLSX },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers).toMatchObject({ 'x-integrity': 'ok', etag: '"34.xlsx"', vary: expect.stringContaining('Accept') });
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${ORIGINAL}.xlsx"`);
      const workbook = await workbookOf(response.rawPayload);
      expect(workbook.getWorksheet('Priorities')!.rowCount).toBe(2 + 19);
      expect(workbook.getWorksheet('Baselines')!.rowCount).toBe(2);
    });

    it('as CSV holds every sheet, each record starting with its sheet and each sheet with its headers', async () => {
      const csv = (await download(api, `/v1/plans/${ORIGINAL}`, CSV)).toString('utf8');
      const records = csv.replace(/^\uFEFF/, '').split('\r\n');
      expect(records[0]).toBe('Plan,Plan id,Title,Service,Period,Owner');
      expect(records[1]).toBe(`Plan,${ORIGINAL},Service Plan 2023/24: Corporate Services,Corporate Services,2023/24,Graeme Clark`);
      expect(records).toContain('Targets,Indicator code,Period,Comparison,Target,Upper figure (between),Relative to the baseline of (period),Target as worded');
    });
  });

  describe('the round trip', () => {
    it('brings Hart back from its XLSX export as a new plan with the same content, in one append', async () => {
      const imported = await sendFile(api, '/v1/imports?planId=hart-from-xlsx', hartXlsx, XLSX);

      expect(imported.status).toBe(201);
      expect(imported.body).toMatchObject({ dryRun: false, planId: 'hart-from-xlsx', importable: true, problems: [], commands: 1 + 19 + 13 + 1 + 2, events: 40 });
      expect(imported.headers.etag).toBe('"39"');
      const events = await streamOf('hart-from-xlsx');
      expect(events).toHaveLength(40);
      // One request decided them all at one instant, and one append wrote them.
      expect(new Set(events.map((event) => `${event.metadata.requestId} ${event.metadata.decidedAt}`)).size).toBe(1);
      expect(events[0].metadata.actor).toMatchObject({ role: 'editor' });
      const copy = await viewOf('hart-from-xlsx', imported.body.written.position);
      expect(copy.planId).toBe('hart-from-xlsx');
      expect(copy.priorities).toHaveLength(19);
      const copiedCp7 = copy.indicators.find((indicator: { code: string }) => indicator.code === 'CP7');
      expect(copiedCp7).toMatchObject({ priorityRefs: ['4', '6'], baselines: [expect.objectContaining({ period: '2022/23' })] });
      expect(contentOf(copy)).toEqual(originalContent);
    });

    it('brings it back from its CSV export and from its JSON the same', async () => {
      const csv = await download(api, `/v1/plans/${ORIGINAL}`, CSV);
      const fromCsv = await sendFile(api, '/v1/imports?planId=hart-from-csv', csv, `${CSV}; charset=utf-8`);
      expect({ status: fromCsv.status, problems: fromCsv.body.problems }).toEqual({ status: 201, problems: [] });
      expect(contentOf(await viewOf('hart-from-csv', fromCsv.body.written.position))).toEqual(originalContent);

      const json = await download(api, `/v1/plans/${ORIGINAL}`, JSON_TYPE);
      const fromJson = await sendFile(api, '/v1/imports?planId=hart-from-json', json, JSON_TYPE);
      expect(fromJson.status).toBe(201);
      expect(contentOf(await viewOf('hart-from-json', fromJson.body.written.position))).toEqual(originalContent);
    });
  });

  describe('problems', () => {
    /**
     * Hart's workbook with faults in five sheets: fields the routes' DTOs refuse, an indicator code
     * used twice (the plan's rule), rows naming an indicator no row holds, and a formula.
     */
    async function faultyWorkbook(): Promise<Buffer> {
      const workbook = await workbookOf(hartXlsx);
      cellAt(workbook, 'Priorities', 4, 'Priority').value = null;
      cellAt(workbook, 'Outcomes', 5, 'Due (period or date)').value = 'next spring';
      cellAt(workbook, 'Indicators', 3, 'Unit').value = 'furlongs';
      cellAt(workbook, 'Indicators', 5, 'Code').value = 'CP2';
      const targets = workbook.getWorksheet('Targets')!;
      const extra = targets.getRow(targets.rowCount + 1);
      ['CP99', '2023/24', 'at-least', 10].forEach((value, index) => {
        extra.getCell(index + 1).value = value;
      });
      workbook.getWorksheet('Narrative')!.getRow(3).getCell(4).value = { formula: 'CONCAT("a","b")', result: 'ab' };
      return bytesOf(workbook);
    }

    const EXPECTED = [
      { sheet: 'Priorities', row: 4, column: 'Priority', message: 'title: is required' },
      { sheet: 'Outcomes', row: 5, column: 'Due (period or date)', message: expect.stringMatching(/^outcomes\[2\]\.due: must be a period such as 2020\/21-Q1/) },
      { sheet: 'Indicators', row: 3, column: 'Unit', message: expect.stringMatching(/^unit: must be one of: percent, /) },
      { sheet: 'Indicators', row: 5, column: null, message: expect.stringMatching(/CP2/) },
      { sheet: 'Targets', row: 5, column: 'Indicator code', message: "names indicator 'CP3', which no row of its sheet holds" },
      { sheet: 'Targets', row: 16, column: 'Indicator code', message: "names indicator 'CP99', which no row of its sheet holds" },
      { sheet: 'Narrative', row: 3, column: 'Text (Markdown)', message: expect.stringMatching(/^holds a formula/) },
    ];

    it('a dry run names every problem by sheet, row, column and sentence, and writes nothing', async () => {
      const head = await store().headPosition();
      const answer = await sendFile(api, '/v1/imports?dryRun=true&planId=hart-faulty', await faultyWorkbook(), XLSX);

      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ dryRun: true, planId: 'hart-faulty', importable: false, written: null });
      expect(answer.body.problems).toEqual(EXPECTED);
      expect(await store().headPosition()).toBe(head);
    });

    it('the real run refuses the whole plan with the same problems (422), and writes nothing', async () => {
      const head = await store().headPosition();
      const answer = await sendFile(api, '/v1/imports?planId=hart-faulty', await faultyWorkbook(), XLSX);

      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ statusCode: 422, message: expect.stringMatching(/^The plan was not imported/) });
      expect(answer.body.problems).toEqual(expect.arrayContaining(EXPECTED.filter((problem) => problem.column !== null)));
      expect(await streamOf('hart-faulty')).toEqual([]);
      expect(await store().headPosition()).toBe(head);
    });

    it('a dry run of a sound workbook says what it would write, and writes nothing', async () => {
      const head = await store().headPosition();
      const answer = await sendFile(api, '/v1/imports?dryRun=true&planId=hart-dry', hartXlsx, XLSX);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ dryRun: true, planId: 'hart-dry', importable: true, commands: 36, events: 40, problems: [], written: null });
      expect(await store().headPosition()).toBe(head);
    });

    it('refuses to import over a plan that exists (409), the dry run too, and writes nothing', async () => {
      const head = await store().headPosition();
      for (const url of [`/v1/imports?planId=${ORIGINAL}`, `/v1/imports?dryRun=true&planId=${ORIGINAL}`]) {
        const answer = await sendFile(api, url, hartXlsx, XLSX);
        expect(answer.status).toBe(409);
        expect(answer.body.message).toMatch(/already exists/);
      }
      expect(await store().headPosition()).toBe(head);
    });
  });

  describe('idempotency', () => {
    it('answers an import sent again with its Idempotency-Key as the first time, writing it once; another file under the key is refused', async () => {
      const headers = { 'idempotency-key': 'import-hart-once' };
      const workbook = await workbookOf(hartXlsx);
      // Without an id of its own, the plan's id is derived from the key, as a keyed draft's is.
      cellAt(workbook, 'Plan', 3, 'Plan id').value = null;
      const file = await bytesOf(workbook);
      const first = await sendFile(api, '/v1/imports', file, XLSX, { headers });
      const again = await sendFile(api, '/v1/imports', file, XLSX, { headers });

      expect(first.status).toBe(201);
      expect(first.body.planId).toMatch(/^[0-9a-f-]{36}$/);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await streamOf(first.body.planId)).toHaveLength(40);

      cellAt(workbook, 'Plan', 3, 'Owner').value = 'Someone Else';
      const other = await sendFile(api, '/v1/imports', await bytesOf(workbook), XLSX, { headers });
      expect(other.status).toBe(422);
      expect(other.body.message).toMatch(/Idempotency-Key was already used/);
      expect(await streamOf(first.body.planId)).toHaveLength(40);
    });
  });

  describe('hostile input: a clear 4xx, and nothing written', () => {
    let head: number | null;

    beforeEach(async () => {
      head = await store().headPosition();
    });

    afterEach(async () => {
      expect(await store().headPosition()).toBe(head);
    });

    it('refuses a file that is not a workbook with 400', async () => {
      const answer = await sendFile(api, '/v1/imports', Buffer.from('Ref,Priority\r\n1,Not a workbook at all'), XLSX);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(/not an XLSX workbook/);
    });

    it('refuses, unopened, a workbook whose parts would open to far more than a plan needs (a zip bomb)', async () => {
      const bomb = Buffer.from(hartXlsx);
      // Every central-directory entry claims 100 MB once inflated: what a zip bomb's entries say of themselves.
      for (let offset = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); offset >= 0; offset = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), offset + 4)) {
        bomb.writeUInt32LE(100 * 1024 * 1024, offset + 24);
      }
      const answer = await sendFile(api, '/v1/imports?dryRun=true', bomb, XLSX);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(/would open to more than 32 MB/);
    });

    it('refuses a sheet of more rows than any plan holds with 400', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Outcomes');
      sheet.addRow(['Priority ref', 'Ref', 'Outcome or milestone']);
      for (let row = 0; row < 6_000; row++) sheet.addRow(['1', String(row), 'x']);
      const answer = await sendFile(api, '/v1/imports?dryRun=true', await bytesOf(workbook), XLSX);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe("Outcomes has 6001 rows; a plan's sheet holds at most 5000, so it was not read.");
    });

    it('refuses a file larger than the import limit with 413', async () => {
      const answer = await sendFile(api, '/v1/imports', Buffer.alloc(2 * 1024 * 1024 + 1, 'a'), CSV);
      expect(answer.status).toBe(413);
    });

    it.each([
      ['application/xml', '<plan/>'],
      ['application/pdf', '%PDF-1.7'],
      ['application/zip', 'PK'],
    ])('refuses a body sent as %s with 415', async (contentType, payload) => {
      const answer = await sendFile(api, '/v1/imports', payload, contentType);
      expect(answer.status).toBe(415);
      expect(answer.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    });

    it('refuses text sent as text/plain with 400, as every route refuses a body that is not JSON', async () => {
      const answer = await sendFile(api, '/v1/imports', 'a plan', 'text/plain');
      expect(answer.status).toBe(400);
    });

    it('refuses a CSV that does not parse with 400', async () => {
      const answer = await sendFile(api, '/v1/imports', 'Plan,"unclosed\r\nPlan,x"y"\r\n', CSV);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(/not a CSV that can be read/);
    });

    it('refuses a workbook sent to a route that reads JSON with 415', async () => {
      const answer = await sendFile(api, '/v1/plans', hartXlsx, XLSX);
      expect(answer.status).toBe(415);
      expect(answer.body.message).toMatch(/Only \/v1\/imports reads/);
    });

    it('refuses JSON that is not a plan with 400, and a workbook sent as JSON with 400', async () => {
      const notAPlan = await sendFile(api, '/v1/imports', JSON.stringify({ title: 'A plan', priorities: 'all of them' }), JSON_TYPE);
      expect(notAPlan.status).toBe(400);
      expect(notAPlan.body.message).toMatch(/not a plan as GET \/v1\/plans\/\{planId\} answers it/);
      const mislabelled = await sendFile(api, '/v1/imports', hartXlsx, JSON_TYPE);
      expect(mislabelled.status).toBe(400);
    });

    it('names the sheets of a CSV that are not the template\'s, and a cell that is a formula', async () => {
      const csv = '\uFEFFPlan,Title,Service,Period\r\nPlan,"=HYPERLINK(""http://evil.example"",""Click"")",Corporate Services,2023/24\r\nMacros,x\r\nMacros,y\r\n';
      const answer = await sendFile(api, '/v1/imports?dryRun=true', csv, CSV);
      expect(answer.status).toBe(200);
      expect(answer.body.problems).toEqual([
        { sheet: 'Plan', row: 2, column: 'Title', message: expect.stringMatching(/^holds a formula/) },
        { sheet: 'Macros', row: null, column: null, message: expect.stringMatching(/^is not a sheet of the plan template/) },
      ]);
    });

    it('refuses an officer, who may not shape plans, with 403', async () => {
      const answer = await sendFile(api, '/v1/imports?dryRun=true', hartXlsx, XLSX, { as: 'officer' });
      expect(answer.status).toBe(403);
    });
  });
});
