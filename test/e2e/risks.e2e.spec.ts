import { councilSettingsStreamId, planKey, planStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore, readStreamIfAny } from '@app/event-store';
import { THREE_RIVERS_COUNCIL, THREE_RIVERS_PLAN } from '../fixtures/three-rivers/plan';
import { THREE_RIVERS_MATRIX_CELLS, THREE_RIVERS_PRINTED_SCORES, THREE_RIVERS_RISKS } from '../fixtures/three-rivers/risks';
import { authHeader, type TestCaller } from '../support/tokens';
import { afterInstant, PlanApi } from './plan-queries.support';

/**
 * Three Rivers' risk register (its Corporate Services plan 2020-2023, section 2.4) entered through
 * the API in full, read back in the plan view, on its own, at a version and an instant, in the audit
 * trail, the version table and the diff; reviews, the report for a period, and the council's matrix.
 * The revision of R2, the removal of R8 and the reviews after version 2.0 are ILLUSTRATIVE: the plan
 * prints its register once.
 */
const COUNCIL = THREE_RIVERS_COUNCIL;
const PK: TestCaller = { role: 'editor', name: 'PK', sub: 'pk@three-rivers', council: COUNCIL };
const GG: TestCaller = { role: 'editor', name: 'GG', sub: 'gg@three-rivers', council: COUNCIL };
const OFFICER: TestCaller = { role: 'officer', name: 'Emergency Planning and Risk Manager', council: COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const ADMIN: TestCaller = { role: 'admin', council: COUNCIL };
const PLAN = THREE_RIVERS_PLAN.planId;
const RISKS = `/v1/plans/${PLAN}/risks`;

type RiskAnswer = { ref: string; title: string; residual: { likelihood: number; impact: number; score: number; band: string } };

describe("Three Rivers' risk register, entered in full and read back", () => {
  let api: PlanApi;
  let store: EventStore;
  let lastPosition = 0;
  /** An instant after version 2.0 and before R2 was revised. */
  let between: string;

  const command = async (as: TestCaller, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: object, status = method === 'POST' ? 201 : 200) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status !== status) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    if (typeof answer.body.position === 'number') lastPosition = answer.body.position;
    return answer;
  };
  /** Reads as an auditor, once the projections hold every write so far. */
  const read = (url: string, as: TestCaller = AUDITOR) =>
    api.send({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as });
  const planEvents = async () => store.readStream(planStreamId(planKey(COUNCIL, PLAN)));
  const scores = (risks: RiskAnswer[]) => Object.fromEntries(risks.map(({ ref, residual }) => [ref, { score: residual.score, band: residual.band }]));

  beforeAll(async () => {
    api = await PlanApi.start();
    store = api.app.get<EventStore>(EVENT_STORE);
    await command(PK, 'POST', '/v1/plans', THREE_RIVERS_PLAN);
    for (const risk of THREE_RIVERS_RISKS) await command(PK, 'POST', RISKS, risk);
    await command(PK, 'POST', `/v1/plans/${PLAN}/versions`, { label: '1.0', reason: 'First draft', effectiveDate: '2019-10-02' });
    await command(GG, 'POST', `/v1/plans/${PLAN}/indicators`, {
      code: 'CO02',
      title: 'To what extent do you know what services Three Rivers District Council provides in your local area',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'annual',
      frequency: 'annual',
      targets: ['2020/21', '2021/22', '2022/23'].map((period) => ({ period, value: 70, text: '70%' })),
    });
    await command(GG, 'POST', `/v1/plans/${PLAN}/versions`, {
      label: '2.0',
      reason: 'Corporate Objectives, Performance Indicators and Budgets added',
      effectiveDate: '2020-02-25',
    });
    const published = new Date();
    await afterInstant(published);
    between = published.toISOString();
    await afterInstant(new Date(published.getTime() + 1));
    await command(GG, 'PATCH', `${RISKS}/R2`, {
      residual: { likelihood: 3, impact: 2 },
      owner: 'ICT Manager',
      reason: 'Ageing servers after the hosting contract lapsed',
    });
    await command(GG, 'DELETE', `${RISKS}/R8`, { reason: 'Moved to the Communications service plan' });
    await command(GG, 'POST', `/v1/plans/${PLAN}/versions`, { label: '2.1', reason: 'Risk register reviewed' });
  });

  afterAll(() => api.close());

  it('holds the nine risks with the scores the plan prints, banded as its matrix prints them', async () => {
    const plan = await read(`/v1/plans/${PLAN}?version=1.0`);
    expect(plan.status).toBe(200);
    expect(plan.body.risks.map((risk: RiskAnswer) => [risk.ref, risk.title])).toEqual(THREE_RIVERS_RISKS.map((risk) => [risk.ref, risk.title]));
    expect(scores(plan.body.risks)).toEqual(THREE_RIVERS_PRINTED_SCORES);
    expect(plan.body.risks[0]).toEqual({
      ref: 'R1',
      title: 'Insufficient staff',
      owner: null,
      inherent: null,
      residual: { likelihood: 2, impact: 2, score: 4, band: 'low' },
      controls: null,
      reviewDate: null,
      reviews: [],
    });
  });

  it('reads the register on its own as the plan view has it, now, at a version and as of an instant, with ETag and 304', async () => {
    const plan = await read(`/v1/plans/${PLAN}`);
    const section = await read(RISKS);
    expect(section.status).toBe(200);
    expect(section.body).toEqual({ planId: PLAN, revision: plan.body.revision, version: '2.1', risks: plan.body.risks });
    expect(section.headers.etag).toBe(`"${plan.body.revision}"`);
    expect(section.body.risks.map((risk: RiskAnswer) => risk.ref)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R9']);
    expect(section.body.risks[1]).toMatchObject({ owner: 'ICT Manager', residual: { likelihood: 3, impact: 2, score: 6, band: 'medium' } });

    const unchanged = await api.send({ method: 'GET', url: RISKS, as: AUDITOR, headers: { 'if-none-match': section.headers.etag as string } });
    expect(unchanged.status).toBe(304);

    const atVersion = await read(`${RISKS}?version=1.0`);
    expect(atVersion.headers['x-integrity']).toBe('ok');
    expect(atVersion.body.version).toBe('1.0');
    expect(scores(atVersion.body.risks)).toEqual(THREE_RIVERS_PRINTED_SCORES);

    const asOf = await read(`${RISKS}?asOf=${encodeURIComponent(between)}`);
    expect(asOf.body).toMatchObject({ asOf: between, version: '2.0' });
    expect(asOf.body.risks).toHaveLength(9);
    expect(asOf.body.risks[1]).toMatchObject({ ref: 'R2', owner: null, residual: { score: 4, band: 'low' } });

    const officer = await read(`${RISKS}?version=1.0`, OFFICER);
    expect(officer.status).toBe(403);
    expect((await read(RISKS, { role: 'auditor', council: 'hart' })).status).toBe(404);
  });

  it('says in the audit trail each score and band as recorded', async () => {
    const added = await read(`/v1/plans/${PLAN}/history?type=RiskAdded&limit=20`);
    expect(added.body.items.map((entry: { summary: string }) => entry.summary)).toEqual([
      'Risk R1 added: Insufficient staff (residual 2 × 2 = 4, low)',
      'Risk R2 added: Total failure of ICT systems (residual 2 × 2 = 4, low)',
      'Risk R3 added: Loss of accommodation (residual 2 × 2 = 4, low)',
      'Risk R4 added: Fraudulent activity (residual 1 × 2 = 2, low)',
      'Risk R5 added: Tests reveal that the Business Continuity Plan is not workable (residual 2 × 2 = 4, low)',
      'Risk R6 added: The Council fails to manage its principle risks and that the likelihood of them… (residual 2 × 2 = 4, low)',
      'Risk R7 added: Non-compliance with data protection and Freedom of Information legislation (residual 2 × 2 = 4, low)',
      'Risk R8 added: Failure to tell residents about improvements (residual 2 × 2 = 4, low)',
      'Risk R9 added: Loss of key staff (residual 2 × 2 = 4, low)',
    ]);
    const r2 = await read(`/v1/plans/${PLAN}/history?ref=R2`);
    expect(r2.body.items.map((entry: { summary: string }) => entry.summary)).toEqual([
      'Risk R2 added: Total failure of ICT systems (residual 2 × 2 = 4, low)',
      'Risk R2 revised (owner; residual 2 × 2 = 4, low to 3 × 2 = 6, medium): Ageing servers after the hosting contract lapsed',
    ]);
    const removed = await read(`/v1/plans/${PLAN}/history?ref=R8`);
    expect(removed.body.items.at(-1)).toMatchObject({
      summary: 'Risk R8 removed: Moved to the Communications service plan',
      actor: { name: 'GG', role: 'editor' },
      reason: 'Moved to the Communications service plan',
    });
  });

  it('counts risks per version in committee words', async () => {
    const table = await read(`/v1/plans/${PLAN}/versions`);
    expect(table.body.rows.map((row: { label: string; changes: { summary: string } }) => [row.label, row.changes.summary])).toEqual([
      ['1.0', '9 risks added'],
      ['2.0', '1 indicator added'],
      ['2.1', '1 risk revised, 1 risk removed'],
    ]);
    expect(table.body.rows[0].changes.counts).toMatchObject({ risksAdded: 9, risksRevised: 0, risksRemoved: 0 });
  });

  it('diffs the register between versions, each risk with its before and after', async () => {
    const diff = await read(`/v1/plans/${PLAN}/versions/2.0/diff/2.1`);
    expect(diff.body.added).toEqual([]);
    expect(diff.body.removed).toEqual([
      { kind: 'risk', key: 'R8', before: expect.objectContaining({ title: 'Failure to tell residents about improvements' }), after: null },
    ]);
    expect(diff.body.changed).toEqual([
      {
        kind: 'risk',
        key: 'R2',
        before: expect.objectContaining({ owner: null, residual: { likelihood: 2, impact: 2, score: 4, band: 'low' } }),
        after: expect.objectContaining({ owner: 'ICT Manager', residual: { likelihood: 3, impact: 2, score: 6, band: 'medium' } }),
      },
    ]);
    const first = await read(`/v1/plans/${PLAN}/versions/1.0/diff/2.0`);
    const riskItems = (items: Array<{ kind: string }>) => items.filter((item) => item.kind === 'risk');
    expect([...riskItems(first.body.added), ...riskItems(first.body.removed), ...riskItems(first.body.changed)]).toEqual([]);
  });

  it('takes quarterly reviews from officers, which re-score without counting as a change to the plan', async () => {
    await command(OFFICER, 'POST', `${RISKS}/R1/reviews`, {
      period: '2020/21-Q1',
      residual: { likelihood: 3, impact: 3 },
      commentary: 'Two vacancies in the team',
    });
    await command(OFFICER, 'POST', `${RISKS}/R1/reviews`, { period: '2020-21-Q3', residual: { likelihood: 2, impact: 2 } });
    const editor = await api.send({ method: 'POST', url: `${RISKS}/R1/reviews`, as: PK, body: { period: '2020/21-Q2', residual: { likelihood: 1, impact: 1 } } });
    expect(editor.status).toBe(403);

    const reviews = (await read(RISKS)).body.risks[0].reviews;
    expect(reviews.map((review: { period: string; residual: { score: number; band: string }; commentary: string | null }) => [review.period, review.residual.score, review.residual.band, review.commentary])).toEqual([
      ['2020/21-Q1', 9, 'high', 'Two vacancies in the team'],
      ['2020/21-Q3', 4, 'low', null],
    ]);
    const history = await read(`/v1/plans/${PLAN}/history?type=RiskReviewed`);
    expect(history.body.items[0].summary).toBe('Risk R1 reviewed for 2020/21-Q1: residual 3 × 3 = 9, high');
    expect((await read(`/v1/plans/${PLAN}/versions`)).body.unpublished).toEqual([]);

    const standing = async (period: string) =>
      (await read(`/v1/plans/${PLAN}/reports/${period}`)).body.risks
        .filter((risk: { ref: string }) => risk.ref === 'R1' || risk.ref === 'R2')
        .map((risk: { ref: string; standing: { score: number; band: string }; standingFrom: string; latestReview: { period: string } | null }) => [
          risk.ref,
          risk.standing.score,
          risk.standing.band,
          risk.standingFrom,
          risk.latestReview?.period ?? null,
        ]);
    expect(await standing('2020-21-Q2')).toEqual([
      ['R1', 9, 'high', 'review', '2020/21-Q1'],
      ['R2', 6, 'medium', 'register', null],
    ]);
    expect(await standing('2020-21-Q4')).toEqual([
      ['R1', 4, 'low', 'review', '2020/21-Q3'],
      ['R2', 6, 'medium', 'register', null],
    ]);

    const csv = await api.app.inject({
      method: 'GET',
      url: `/v1/plans/${PLAN}/reports/2020-21-Q2?sheet=risks`,
      headers: { ...(await authHeader(api.dataDir, AUDITOR)), accept: 'text/csv' },
    });
    expect(csv.statusCode).toBe(200);
    // The CSV starts with a byte-order mark, so that spreadsheet programs read it as UTF-8.
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n').slice(0, 3)).toEqual([
      'Ref,Risk,Owner,Likelihood,Impact,Score,Band,Reviewed for,Review commentary',
      'R1,Insufficient staff,,3,3,9,high,2020/21 Q1,Two vacancies in the team',
      'R2,Total failure of ICT systems,ICT Manager,3,2,6,medium,,',
    ]);
  });

  it('refuses bad fields with 400 naming each, and broken rules with 422, writing nothing', async () => {
    const before = (await planEvents()).length;
    const bad = await api.send({
      method: 'POST',
      url: RISKS,
      as: PK,
      body: { ref: 'R10', residual: { likelihood: 5, impact: 'high' }, inherent: [2, 2], reviewDate: '30/09/2020' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      [
        'title: is required',
        'inherent: must be an object',
        'residual.likelihood: must be a whole number from 1 to 4',
        'residual.impact: must be a whole number from 1 to 4',
        'reviewDate: must be a date written YYYY-MM-DD, such as 2024-03-19',
      ],
    );
    const noScore = await api.send({ method: 'POST', url: RISKS, as: PK, body: { ref: 'R10', title: 'Pandemic' } });
    expect(noScore.status).toBe(400);
    expect(noScore.body.message).toEqual(['residual: is required']);
    const listed = await api.send({ method: 'POST', url: RISKS, as: PK, body: { ref: 'R10', title: 'Pandemic', residual: 'high' } });
    expect(listed.body.message).toEqual(['residual: must be an object']);

    const taken = await api.send({ method: 'POST', url: RISKS, as: PK, body: THREE_RIVERS_RISKS[0] });
    expect(taken.status).toBe(422);
    expect(taken.body.message).toBe("Risk 'R1' is already in this plan: choose another reference, or revise it.");
    const unchanged = await api.send({ method: 'PATCH', url: `${RISKS}/R3`, as: PK, body: { title: 'Loss of accommodation', reason: 'Check' } });
    expect(unchanged.status).toBe(422);
    expect(unchanged.body.message).toBe('Nothing would change: risk R3 already says that.');
    const noReason = await api.send({ method: 'DELETE', url: `${RISKS}/R3`, as: PK, body: {} });
    expect(noReason.status).toBe(400);
    const outside = await api.send({ method: 'POST', url: `${RISKS}/R3/reviews`, as: OFFICER, body: { period: '2023/24-Q1', residual: { likelihood: 1, impact: 1 } } });
    expect(outside.status).toBe(422);
    expect(outside.body.message).toMatch(/^2023\/24-Q1 is outside this plan's period/);
    const missing = await api.send({ method: 'PATCH', url: `${RISKS}/R8`, as: PK, body: { title: 'Back', reason: 'Restored' } });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe("Risk 'R8' is not in this plan.");

    expect((await planEvents()).length).toBe(before);
  });
});

describe("A council's risk matrix", () => {
  let api: PlanApi;
  let store: EventStore;
  const MATRIX = '/v1/settings/risk-matrix';
  /** Three Rivers' matrix, but likelihood 2 × impact 2 (score 4) is medium rather than low. */
  const stricter = THREE_RIVERS_MATRIX_CELLS.map((cell) => (cell.likelihood === 2 && cell.impact === 2 ? { ...cell, band: 'medium' } : cell));

  const settingsEvents = async (council = COUNCIL) => {
    return readStreamIfAny(store, councilSettingsStreamId(council));
  };

  beforeAll(async () => {
    api = await PlanApi.start();
    store = api.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(() => api.close());

  it("is Three Rivers' printed matrix for a council that never set one", async () => {
    const answer = await api.send({ method: 'GET', url: MATRIX, as: PK });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ council: COUNCIL, source: 'default', cells: THREE_RIVERS_MATRIX_CELLS, reason: null, setAt: null, revision: null });
  });

  it('refuses a matrix that is not whole or whose bands fall, and callers who are not its admin, writing nothing', async () => {
    const falling = await api.send({
      method: 'PUT',
      url: MATRIX,
      as: ADMIN,
      body: { cells: THREE_RIVERS_MATRIX_CELLS.map((cell) => (cell.likelihood === 4 && cell.impact === 4 ? { ...cell, band: 'medium' } : cell)), reason: 'Softer' },
    });
    expect(falling.status).toBe(422);
    expect(falling.body.message).toBe(
      'A band cannot fall as likelihood grows: likelihood 3 × impact 4 is very-high but likelihood 4 × impact 4 is medium.',
    );
    const short = await api.send({ method: 'PUT', url: MATRIX, as: ADMIN, body: { cells: THREE_RIVERS_MATRIX_CELLS.slice(0, 15), reason: 'Short' } });
    expect(short.status).toBe(422);
    expect(short.body.message).toBe('The risk matrix needs all 16 cells: likelihood 4 × impact 4 is missing.');
    const bad = await api.send({ method: 'PUT', url: MATRIX, as: ADMIN, body: { cells: [{ likelihood: 0, impact: 1, band: 'severe' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'cells[0].likelihood: must be a whole number from 1 to 4',
        'cells[0].band: must be one of: low, medium, high, very-high',
        'reason: is required',
      ]),
    );
    const editor = await api.send({ method: 'PUT', url: MATRIX, as: PK, body: { cells: stricter, reason: 'Stricter' } });
    expect(editor.status).toBe(403);
    expect(await settingsEvents()).toEqual([]);
  });

  it("bands the council's risks recorded from then on, and never re-bands those recorded before", async () => {
    const planId = 'three-rivers-matrix-plan';
    const plan = `/v1/plans/${planId}`;
    const draft = await api.send({ method: 'POST', url: '/v1/plans', as: PK, body: { planId, title: 'Matrix plan', service: 'Corporate Services', period: '2020/21' } });
    expect(draft.status).toBe(201);
    expect((await api.send({ method: 'POST', url: `${plan}/risks`, as: PK, body: THREE_RIVERS_RISKS[0] })).status).toBe(201);

    const set = await api.send({ method: 'PUT', url: MATRIX, as: ADMIN, body: { cells: [...stricter].reverse(), reason: 'Adopted by the Audit Committee' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ council: COUNCIL, source: 'council', cells: stricter, reason: 'Adopted by the Audit Committee' });
    expect((await api.send({ method: 'GET', url: MATRIX, as: { role: 'officer', council: COUNCIL } })).body).toEqual(set.body);
    expect(await settingsEvents()).toHaveLength(1);
    expect((await settingsEvents())[0].metadata.actor).toMatchObject({ role: 'admin' });

    const again = await api.send({ method: 'PUT', url: MATRIX, as: ADMIN, body: { cells: stricter, reason: 'Sent twice' } });
    expect(again.status).toBe(200);
    expect(await settingsEvents()).toHaveLength(1);

    const added = await api.send({ method: 'POST', url: `${plan}/risks`, as: PK, body: THREE_RIVERS_RISKS[1] });
    expect(added.status).toBe(201);
    const register = await api.send({ method: 'GET', url: `${plan}/risks?waitFor=${added.body.position}`, as: AUDITOR });
    expect(register.body.risks.map((risk: RiskAnswer) => [risk.ref, risk.residual.score, risk.residual.band])).toEqual([
      ['R1', 4, 'low'],
      ['R2', 4, 'medium'],
    ]);

    const other = await api.send({ method: 'GET', url: MATRIX, as: { role: 'editor', council: 'hart' } });
    expect(other.body).toMatchObject({ council: 'hart', source: 'default', cells: THREE_RIVERS_MATRIX_CELLS });
  });
});
