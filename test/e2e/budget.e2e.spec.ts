import type { TestCaller } from '../support/tokens';
import { THREE_RIVERS_BUDGET_LINES } from '../fixtures/three-rivers/budget';
import { THREE_RIVERS_COUNCIL, THREE_RIVERS_PLAN } from '../fixtures/three-rivers/plan';
import { CommandApi, expectStatus, type Send } from './plan-commands.support';
import { afterInstant } from './plan-queries.support';

/**
 * The Three Rivers plan's budgets entered over HTTP: version 1.0 (the first draft) had none, version
 * 2.0 added them ("Corporate Objectives, Performance Indicators and Budgets added"). Read back in the
 * plan, alone, at each version and at an instant between them, in history, the version table, the
 * diff and a period's report; then changed and removed with reasons, and refused writing nothing.
 */
const COUNCIL = THREE_RIVERS_COUNCIL;
const PK: TestCaller = { role: 'editor', name: 'PK', sub: 'pk@three-rivers', council: COUNCIL };
const GG: TestCaller = { role: 'editor', name: 'GG', sub: 'gg@three-rivers', council: COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const OFFICER: TestCaller = { role: 'officer', council: COUNCIL };
const PLAN = THREE_RIVERS_PLAN.planId;
const NET_COST = THREE_RIVERS_BUDGET_LINES[0];

const printedLine = { code: 'CS-NET', title: NET_COST.title, note: null, amounts: NET_COST.amounts };
const printedTotals = NET_COST.amounts.map(({ year, kind, value }) => ({ year, kind, value, lines: 1, printed: null, difference: null }));

describe('The budget section, for the Three Rivers plan', () => {
  let api: CommandApi;
  let lastPosition = 0;
  /** An instant after version 1.0 and before the budgets were added. */
  let betweenVersions: string;

  const command = async (as: TestCaller, method: Send['method'], url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
    return answer;
  };
  /** Reads once the projections hold every write so far. */
  const read = (url: string, as: TestCaller = AUDITOR, headers?: Record<string, string>) =>
    api.send({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as, headers });
  /** Sends the request and checks it wrote nothing to the plan's stream. */
  const refused = async (planId: string, request: Send) => {
    const before = await api.eventCount(planId, COUNCIL);
    const answer = await api.send(request);
    expect(await api.eventCount(planId, COUNCIL)).toBe(before);
    return answer;
  };

  beforeAll(async () => {
    api = await CommandApi.start();
    const plan = `/v1/plans/${PLAN}`;
    await command(PK, 'POST', '/v1/plans', THREE_RIVERS_PLAN);
    await command(PK, 'POST', `${plan}/versions`, { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });
    const published = new Date();
    await afterInstant(published);
    betweenVersions = new Date().toISOString();
    await afterInstant(new Date(betweenVersions));
    for (const line of THREE_RIVERS_BUDGET_LINES) {
      expectStatus(await command(GG, 'POST', `${plan}/budget-lines`, line), 201);
    }
    await command(GG, 'POST', `${plan}/versions`, {
      label: '2.0',
      reason: 'Corporate Objectives, Performance Indicators and Budgets added',
      effectiveDate: '2020-02-25',
    });
  });

  afterAll(() => api.close());

  it('shows the printed line in the plan, with the totals per year and kind computed from it', async () => {
    const answer = expectStatus(await read(`/v1/plans/${PLAN}`, OFFICER), 200);
    expect(answer.body.budget).toEqual({ lines: [printedLine], totals: printedTotals });
  });

  it('reads the budget alone, with the plan\'s ETag, and answers 304 to a client holding it', async () => {
    const plan = expectStatus(await read(`/v1/plans/${PLAN}`, OFFICER), 200);
    const answer = expectStatus(await read(`/v1/plans/${PLAN}/budget-lines`, OFFICER), 200);
    expect(answer.body).toEqual({
      planId: PLAN,
      revision: plan.body.revision,
      version: '2.0',
      budget: { lines: [printedLine], totals: printedTotals },
    });
    expect(answer.headers.etag).toBe(`"${plan.body.revision}"`);
    const again = await read(`/v1/plans/${PLAN}/budget-lines`, OFFICER, { 'if-none-match': answer.headers.etag as string });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('gives the budget as published at each version, in the plan and alone', async () => {
    const atFirst = expectStatus(await read(`/v1/plans/${PLAN}/budget-lines?version=1.0`), 200);
    expect(atFirst.body.budget).toEqual({ lines: [], totals: [] });
    expect(atFirst.headers['x-integrity']).toBe('ok');
    const atSecond = expectStatus(await read(`/v1/plans/${PLAN}?version=2.0`), 200);
    expect(atSecond.body.budget).toEqual({ lines: [printedLine], totals: printedTotals });
    expect(expectStatus(await read(`/v1/plans/${PLAN}/budget-lines?version=2.0`), 200).body.budget).toEqual(atSecond.body.budget);
  });

  it('gives the budget as it stood at an instant between the versions: none yet', async () => {
    const plan = expectStatus(await read(`/v1/plans/${PLAN}?asOf=${betweenVersions}`), 200);
    expect(plan.body).toMatchObject({ asOf: betweenVersions, version: '1.0', budget: { lines: [], totals: [] } });
    const alone = expectStatus(await read(`/v1/plans/${PLAN}/budget-lines?asOf=${betweenVersions}`), 200);
    expect(alone.body).toEqual({ asOf: betweenVersions, planId: PLAN, revision: 1, version: '1.0', budget: { lines: [], totals: [] } });
    expect(alone.headers['x-integrity']).toBe('ok');
  });

  it('refuses a past budget to a role that may read the plan now only', async () => {
    const answer = await read(`/v1/plans/${PLAN}/budget-lines?version=1.0`, OFFICER);
    expect(answer.status).toBe(403);
  });

  it('writes the addition in history, found by the line\'s code in any capitals', async () => {
    const answer = expectStatus(await read(`/v1/plans/${PLAN}/history?ref=cs-net`), 200);
    expect(answer.body.items.map((entry: { summary: string; ref: string }) => [entry.summary, entry.ref])).toEqual([
      [`Budget line CS-NET added: ${NET_COST.title} (3 amounts)`, 'CS-NET'],
    ]);
  });

  it('says in the version table that version 2.0 added a budget line', async () => {
    const answer = expectStatus(await read(`/v1/plans/${PLAN}/versions`), 200);
    expect(answer.body.rows.map((row: { label: string; changes: { summary: string } }) => [row.label, row.changes.summary])).toEqual([
      ['1.0', 'No changes to the plan’s content'],
      ['2.0', '1 budget line added'],
    ]);
    expect(answer.body.rows[1].changes.counts).toMatchObject({ budgetLinesAdded: 1, budgetLinesRevised: 0, budgetLinesRemoved: 0 });
  });

  it('shows the line and each of its amounts as added in the diff from 1.0 to 2.0', async () => {
    const answer = expectStatus(await read(`/v1/plans/${PLAN}/versions/1.0/diff/2.0`), 200);
    expect(answer.body.added).toEqual([
      { kind: 'budgetLine', key: 'CS-NET', before: null, after: { code: 'CS-NET', title: NET_COST.title, note: null } },
      ...NET_COST.amounts.map((amount) => ({
        kind: 'budgetAmount',
        key: `CS-NET ${amount.year} ${amount.kind}`,
        before: null,
        after: amount,
      })),
    ]);
    expect(answer.body.removed).toEqual([]);
    expect(answer.body.changed).toEqual([]);
  });

  it('carries the budget of the period\'s year in the report', async () => {
    const answer = expectStatus(await read(`/v1/plans/${PLAN}/reports/2021-22-Q2`, OFFICER), 200);
    expect(answer.body.budget).toEqual({
      year: '2021/22',
      lines: [{ code: 'CS-NET', title: NET_COST.title, note: null, amounts: [{ year: '2021/22', kind: 'latest', value: 1_768_881 }] }],
      totals: [{ year: '2021/22', kind: 'latest', value: 1_768_881, lines: 1, printed: null, difference: null }],
    });
  });

  describe('changed with reasons', () => {
    const PLAN_B = 'three-rivers-budget-changes';
    const plan = `/v1/plans/${PLAN_B}`;
    /** Illustrative, not from the seed: an income line beside the printed one. */
    const landCharges = {
      code: 'LAND',
      title: 'Land charges',
      note: 'Income',
      amounts: [{ year: '2020-21', kind: 'original', value: -120_000 }],
    };

    beforeAll(async () => {
      await command(PK, 'POST', '/v1/plans', { ...THREE_RIVERS_PLAN, planId: PLAN_B });
      await command(PK, 'POST', `${plan}/budget-lines`, THREE_RIVERS_BUDGET_LINES[0]);
      await command(PK, 'POST', `${plan}/budget-lines`, landCharges);
      await command(PK, 'POST', `${plan}/versions`, { label: '1', reason: 'Budgets agreed at Council' });
      const revised = await command(GG, 'PATCH', `${plan}/budget-lines/cs-net`, {
        amounts: [...NET_COST.amounts, { year: '2020/21', kind: 'outturn', value: 1_790_112.4 }],
        reason: 'Outturn for 2020/21',
      });
      expect(revised.status).toBe(200);
      expect((await command(GG, 'DELETE', `${plan}/budget-lines/LAND`, { reason: 'Shown under Planning' })).status).toBe(200);
      const printed = await command(GG, 'PUT', `${plan}/budget-printed-totals`, {
        totals: [{ year: '2020-21', kind: 'latest', value: 1_824_937 }],
      });
      expect(printed.status).toBe(200);
      await command(GG, 'POST', `${plan}/versions`, { label: '2', reason: 'Outturn added' });
    });

    it('counts additions, revisions and removals in committee words', async () => {
      const answer = expectStatus(await read(`${plan}/versions`), 200);
      expect(answer.body.rows.map((row: { changes: { summary: string } }) => row.changes.summary)).toEqual([
        '2 budget lines added',
        '1 budget line revised, 1 budget line removed, 1 printed budget total set',
      ]);
    });

    it('writes each change in history with what moved and why', async () => {
      const answer = expectStatus(await read(`${plan}/history?type=BudgetLineRevised`), 200);
      expect(answer.body.items[0]).toMatchObject({
        summary: 'Budget line CS-NET revised (2020/21 outturn £1,790,112.40 added): Outturn for 2020/21',
        reason: 'Outturn for 2020/21',
        actor: expect.objectContaining({ name: 'GG' }),
      });
      const removed = expectStatus(await read(`${plan}/history?type=BudgetLineRemoved`), 200);
      expect(removed.body.items.map((entry: { summary: string }) => entry.summary)).toEqual(['Budget line LAND removed: Shown under Planning']);
    });

    it('shows before and after in the diff, and the totals that follow beside the printed one, with the difference', async () => {
      const diff = expectStatus(await read(`${plan}/versions/1/diff/2`), 200);
      expect(diff.body.added).toEqual([
        { kind: 'budgetAmount', key: 'CS-NET 2020/21 outturn', before: null, after: { year: '2020/21', kind: 'outturn', value: 1_790_112.4 } },
        { kind: 'budgetPrintedTotal', key: '2020/21 latest', before: null, after: { year: '2020/21', kind: 'latest', value: 1_824_937 } },
      ]);
      expect(diff.body.removed).toEqual([
        { kind: 'budgetLine', key: 'LAND', before: { code: 'LAND', title: 'Land charges', note: 'Income' }, after: null },
        { kind: 'budgetAmount', key: 'LAND 2020/21 original', before: { year: '2020/21', kind: 'original', value: -120_000 }, after: null },
      ]);
      const atFirst = expectStatus(await read(`${plan}/budget-lines?version=1`), 200);
      expect(atFirst.body.budget.totals).toContainEqual({ year: '2020/21', kind: 'original', value: -120_000, lines: 1, printed: null, difference: null });
      const now = expectStatus(await read(`${plan}/budget-lines`), 200);
      expect(now.body.budget.totals).toEqual([
        { year: '2020/21', kind: 'latest', value: 1_824_973, lines: 1, printed: 1_824_937, difference: 36 },
        { year: '2020/21', kind: 'outturn', value: 1_790_112.4, lines: 1, printed: null, difference: null },
        { year: '2021/22', kind: 'latest', value: 1_768_881, lines: 1, printed: null, difference: null },
        { year: '2022/23', kind: 'latest', value: 1_840_221, lines: 1, printed: null, difference: null },
      ]);
    });
  });

  describe('refused, writing nothing', () => {
    it('refuses printed totals that are not a list with 400, and changed without a reason with 422', async () => {
      const notAList = await refused(PLAN, { method: 'PUT', url: `/v1/plans/${PLAN}/budget-printed-totals`, as: GG, body: { totals: 'all' } });
      expect([notAList.status, notAList.body.message]).toEqual([400, ['totals: must be a list of objects']]);
      const url = '/v1/plans/three-rivers-budget-changes/budget-printed-totals';
      const noReason = await refused('three-rivers-budget-changes', { method: 'PUT', url, as: GG, body: { totals: [] } });
      expect([noReason.status, noReason.body.message]).toEqual([422, 'Give a reason for changing the printed budget totals.']);
    });


    const lines = `/v1/plans/${PLAN}/budget-lines`;

    it('names each bad field with 400', async () => {
      const answer = await refused(PLAN, {
        method: 'POST',
        url: lines,
        as: GG,
        body: {
          code: 'CS\u200BNET',
          title: 5,
          amounts: [{ year: 'next year', kind: 'planned', value: '12' }, { year: '2020/21', kind: 'latest', value: 1e11 }],
          note: 'Nul\u0000',
          colour: 'red',
        },
      });
      expect(answer.status).toBe(400);
      expect([...answer.body.message].sort()).toEqual([
        'amounts[0].kind: must be one of: original, latest, forecast, outturn',
        'amounts[0].value: must be a number',
        expect.stringMatching(/^amounts\[0\]\.year: 'next year' is not a period/),
        'amounts[1].value: must be at most 10000000000',
        expect.stringMatching(/^code: must use only the letters A-Z, the digits 0-9, spaces and \. - _ \/ \( \), not U\+200B/),
        'colour: should not exist',
        expect.stringMatching(/^note: must not contain control characters/),
        'title: must be text',
      ]);
    });

    it('refuses a code in use, in any capitals, with 422 and the reason', async () => {
      const answer = await refused(PLAN, { method: 'POST', url: lines, as: GG, body: { ...NET_COST, code: 'cs-net' } });
      expect(answer.status).toBe(422);
      expect(answer.body.message).toBe("Budget line 'cs-net' is already in this plan: choose another reference, or revise it.");
    });

    it('refuses broken rules with 422 in a sentence', async () => {
      const cases: Array<[object, string]> = [
        [
          { code: 'X', title: 'Twice', amounts: [{ year: '2020/21', kind: 'latest', value: 1 }, { year: '2020-21', kind: 'latest', value: 2 }] },
          'Budget line X gives two latest amounts for 2020/21: give one amount per year and kind.',
        ],
        [
          { code: 'X', title: 'Quarter', amounts: [{ year: '2020/21-Q3', kind: 'forecast', value: 1 }] },
          'Budget line X gives 2020/21-Q3, a quarter: budgets are set per financial year, so write 2020/21.',
        ],
        [
          { code: 'X', title: 'Far', amounts: [{ year: '2030/31', kind: 'forecast', value: 1 }] },
          "Budget line X gives an amount for 2030/31, too far from this plan's period, 2020-2023: its budget may name the years 2018/19 to 2025/26.",
        ],
        [
          { code: 'X', title: 'Tenths of a penny', amounts: [{ year: '2020/21', kind: 'latest', value: 0.001 }] },
          'Budget line X gives £0.001: amounts are in pounds and pence, with at most two decimal places.',
        ],
      ];
      for (const [body, message] of cases) {
        const answer = await refused(PLAN, { method: 'POST', url: lines, as: GG, body });
        expect([answer.status, answer.body.message]).toEqual([422, message]);
      }
    });

    it('refuses a revision without a reason or changing nothing, and a line not in the plan', async () => {
      const noReason = await refused(PLAN, { method: 'PATCH', url: `${lines}/CS-NET`, as: GG, body: { title: 'Net cost' } });
      expect([noReason.status, noReason.body.message]).toEqual([400, ['reason: is required']]);
      const same = await refused(PLAN, { method: 'PATCH', url: `${lines}/CS-NET`, as: GG, body: { amounts: [...NET_COST.amounts].reverse(), reason: 'Same' } });
      expect([same.status, same.body.message]).toEqual([422, 'Nothing would change: budget line CS-NET already says that.']);
      const missing = await refused(PLAN, { method: 'DELETE', url: `${lines}/NOPE`, as: GG, body: { reason: 'Gone' } });
      expect([missing.status, missing.body.message]).toEqual([404, "Budget line 'NOPE' is not in this plan."]);
    });

    it('leaves shaping the budget to editors', async () => {
      const answer = await refused(PLAN, { method: 'POST', url: lines, as: OFFICER, body: { code: 'X', title: 'Officer line' } });
      expect(answer.status).toBe(403);
    });
  });
});
