import { planKey, planStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { hartIndicator } from '../fixtures/hart-2023-24';
import type { TestCaller } from '../support/tokens';
import { PlanApi } from './plan-queries.support';

/**
 * Each indicator names the officer responsible for its returns and the one who checks them, as the
 * Audit Commission's data-quality standards ask: named when it is defined, changed with a reason,
 * shown in the plan, its history and its diff, never one person, and once an approver is named only
 * they (or the performance team) may verify its figures.
 */
const COUNCIL = 'hart';
const EDITOR: TestCaller = { role: 'editor', council: COUNCIL, sub: 'pat.kelly@hart' };
const OWNER: TestCaller = { role: 'officer', council: COUNCIL, sub: 'sam.reed@hart' };
const APPROVER: TestCaller = { role: 'officer', council: COUNCIL, sub: 'jo.hale@hart' };
const COLLEAGUE: TestCaller = { role: 'officer', council: COUNCIL, sub: 'alex.ward@hart' };
const PERFORMANCE_TEAM: TestCaller = { role: 'reporting', council: COUNCIL, sub: 'performance@hart' };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const PLAN = 'owners-worked-example';
const plan = `/v1/plans/${PLAN}`;
/** Hart's measure of missed bin collections, as its plan prints it: at most 40 per 100,000. */
const MISSED_COLLECTIONS = hartIndicator('CP10');
const verification = (period: string) => `${plan}/indicators/CP10/actuals/${period}/verification`;

describe('Owners and approvers of indicators and priorities', () => {
  let api: PlanApi;
  let store: EventStore;
  let lastPosition = 0;

  const send = async (as: TestCaller, method: 'POST' | 'PATCH', url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status < 300) lastPosition = answer.body.position ?? lastPosition;
    return answer;
  };
  const command = async (as: TestCaller, method: 'POST' | 'PATCH', url: string, body: object) => {
    const answer = await send(as, method, url, body);
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    return answer;
  };
  const read = async (path: string) => {
    const answer = await api.send({ method: 'GET', url: `${plan}${path}${path.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, as: AUDITOR });
    if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.text}`);
    return answer.body;
  };
  const planEvents = () => store.readStream(planStreamId(planKey(COUNCIL, PLAN)));
  const cp10 = async () => (await read('')).indicators.find((indicator: { code: string }) => indicator.code === 'CP10');

  beforeAll(async () => {
    api = await PlanApi.start();
    store = api.app.get<EventStore>(EVENT_STORE);
    await command(EDITOR, 'POST', '/v1/plans', { planId: PLAN, title: 'Service Plan 2023/24: Environment', service: 'Environment', period: '2023/24' });
    await command(EDITOR, 'POST', `${plan}/indicators`, { ...MISSED_COLLECTIONS, owner: COLLEAGUE.sub, approver: APPROVER.sub });
    await command(EDITOR, 'POST', `${plan}/priorities`, {
      ref: 'WD',
      kind: 'project',
      title: 'New waste depot',
      themes: [],
      outcomes: [],
      owner: OWNER.sub,
      approver: APPROVER.sub,
    });
    await command(EDITOR, 'POST', `${plan}/versions`, { label: '1', reason: 'Draft for O&S' });
    await command(EDITOR, 'PATCH', `${plan}/indicators/CP10`, { owner: OWNER.sub, reason: 'Mr Ward moved to Leisure' });
    await command(EDITOR, 'POST', `${plan}/versions`, { label: '2', reason: 'After the restructure' });
    await command(OWNER, 'POST', `${plan}/indicators/CP10/actuals`, { period: '2023/24-Q1', value: 35 });
  });

  afterAll(() => api.close());

  it('shows them in the plan view, on the indicator and the project', async () => {
    const view = await read('');
    expect(view.indicators[0]).toMatchObject({ code: 'CP10', owner: OWNER.sub, approver: APPROVER.sub });
    expect(view.priorities[0]).toMatchObject({ ref: 'WD', owner: OWNER.sub, approver: APPROVER.sub });
  });

  it('says in history who was named, who they replaced and why, and in the diff between versions', async () => {
    const history = await read('/history?type=IndicatorOwnershipAssigned');
    expect(history.items.map((item: { summary: string }) => item.summary).sort()).toEqual([
      'Responsibility for indicator CP10: owner alex.ward@hart to sam.reed@hart: Mr Ward moved to Leisure',
      'Responsibility for indicator CP10: owner alex.ward@hart, approver jo.hale@hart',
    ]);
    const project = await read('/history?type=PriorityOwnershipAssigned');
    expect(project.items.map((item: { summary: string }) => item.summary)).toEqual([
      'Responsibility for project WD: owner sam.reed@hart, approver jo.hale@hart',
    ]);
    const diff = await read('/versions/1/diff/2');
    expect(diff.changed).toEqual([
      expect.objectContaining({
        kind: 'indicator',
        key: 'CP10',
        before: expect.objectContaining({ owner: COLLEAGUE.sub, approver: APPROVER.sub }),
        after: expect.objectContaining({ owner: OWNER.sub, approver: APPROVER.sub }),
      }),
    ]);
  });

  it('refuses the owner as approver with a sentence (422), on a revision and a definition, writing nothing', async () => {
    const before = (await planEvents()).length;
    const revised = await send(EDITOR, 'PATCH', `${plan}/indicators/CP10`, { approver: OWNER.sub, reason: 'Posts merged' });
    expect(revised.status).toBe(422);
    expect(revised.body.message).toBe(
      'sam.reed@hart cannot be both the owner and the approver of indicator CP10: its returns are checked by someone other than the officer responsible for them, so name another approver.',
    );
    const defined = await send(EDITOR, 'POST', `${plan}/indicators`, { ...MISSED_COLLECTIONS, code: 'CP11', owner: OWNER.sub, approver: OWNER.sub });
    expect(defined.status).toBe(422);
    expect(defined.body.message).toMatch(/^sam\.reed@hart cannot be both the owner and the approver of indicator CP11/);
    expect(await planEvents()).toHaveLength(before);
  });

  it('refuses hostile input with 400 naming the field, writing nothing', async () => {
    const before = (await planEvents()).length;
    const notText = await send(EDITOR, 'PATCH', `${plan}/indicators/CP10`, { owner: 42, reason: 'Typed a number' });
    expect(notText.status).toBe(400);
    expect(notText.body.message).toEqual(['owner: must be text']);
    const tooLong = await send(EDITOR, 'POST', `${plan}/priorities`, { ref: 'X', title: 'X', themes: [], outcomes: [], approver: 'a'.repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toEqual(['approver: must be at most 200 characters']);
    expect(await planEvents()).toHaveLength(before);
  });

  it('refuses verification by an officer other than the approver, saying whom to ask, and writes nothing', async () => {
    const before = (await planEvents()).length;
    const refused = await send(COLLEAGUE, 'POST', verification('2023-24-Q1'), { outcome: 'verified' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe(
      'The actuals of CP10 are verified or rejected by its approver, jo.hale@hart, or by the performance team: ask them to check the actual for 2023/24-Q1.',
    );
    expect(await planEvents()).toHaveLength(before);
  });

  it('accepts the approver’s verification, and the performance team’s check of a restated figure', async () => {
    await command(APPROVER, 'POST', verification('2023-24-Q1'), { outcome: 'verified' });
    expect((await cp10()).actuals[0].verification).toMatchObject({ state: 'verified', by: APPROVER.sub });
    await command(OWNER, 'POST', `${plan}/indicators/CP10/actuals`, { period: '2023/24-Q1', value: 36, reason: 'One round counted late' });
    await command(PERFORMANCE_TEAM, 'POST', verification('2023-24-Q1'), { outcome: 'rejected', reason: 'The late round is Q2’s' });
    expect((await cp10()).actuals[0].verification).toMatchObject({ state: 'rejected', by: PERFORMANCE_TEAM.sub });
  });

  describe("an actual's data-quality notes", () => {
    const NOTES = {
      source: 'Bartec collection log, extracted 5 October',
      method: 'Missed collections reported ÷ collections scheduled × 100,000',
      caveats: '=Two rounds estimated after a system outage',
    };

    beforeAll(async () => {
      await command(OWNER, 'POST', `${plan}/indicators/CP10/actuals`, { period: '2023/24-Q2', value: 38, ...NOTES });
    });

    it('shows them on the actual in the plan view and on the report row, and says them in history', async () => {
      expect((await cp10()).actuals[1]).toMatchObject({ period: '2023/24-Q2', value: 38, ...NOTES });
      const report = await read('/reports/2023-24-Q2');
      expect(report.indicators[0]).toMatchObject({
        actual: 38,
        actualSource: NOTES.source,
        actualMethod: NOTES.method,
        actualCaveats: NOTES.caveats,
      });
      const history = await read('/history?type=ActualRecorded');
      expect(history.items.map((item: { summary: string }) => item.summary)).toContain(
        `Actual for CP10 2023/24-Q2 recorded: 38 per 100,000 (green against 40 per 100,000) [source: ${NOTES.source}; method: ${NOTES.method}; caveats: ${NOTES.caveats}]`,
      );
    });

    it("carries them in the report's CSV, a caveat a spreadsheet would take for a formula kept as text", async () => {
      const csv = await api.send({ method: 'GET', url: `${plan}/reports/2023-24-Q2?waitFor=${lastPosition}`, as: AUDITOR, headers: { accept: 'text/csv' } });
      expect(csv.status).toBe(200);
      const [header, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
      expect(header.split(',').slice(-3)).toEqual(['Source', 'Method', 'Caveats']);
      expect(row.endsWith(`,"${NOTES.source}","${NOTES.method}",'${NOTES.caveats}`)).toBe(true);
    });

    it('refuses an over-long caveat and a source that is not text with 400 naming each, writing nothing', async () => {
      const before = (await planEvents()).length;
      const refused = await send(OWNER, 'POST', `${plan}/indicators/CP10/actuals`, {
        period: '2023/24-Q3',
        value: 39,
        source: ['Bartec'],
        caveats: 'x'.repeat(1001),
      });
      expect(refused.status).toBe(400);
      expect([...refused.body.message].sort()).toEqual(['caveats: must be at most 1000 characters', 'source: must be text']);
      expect(await planEvents()).toHaveLength(before);
    });
  });
});
