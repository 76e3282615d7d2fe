import { councilSettingsStreamId, financialYearLabel, returnDeadline, ukDateOf } from '@app/domain';
import { EVENT_STORE, readStreamIfAny, type EventStore } from '@app/event-store';
import { BankHolidayCalendar } from '../../apps/api/src/returns/bank-holiday-calendar';
import type { TestCaller } from '../support/tokens';
import { INDICATOR_CP7 } from './access-matrix.routes';
import { PlanApi } from './plan-queries.support';

/**
 * Who owes which return by when: the council sets its deadlines in working days after each period
 * (with its nation's bank holidays), and `GET /v1/returns` says of each indicator's and priority's
 * return whether it is due, overdue, submitted or verified.
 */
const COUNCIL = 'fife';
const ADMIN: TestCaller = { role: 'admin', council: COUNCIL, sub: 'performance-lead@fife' };
const SETTINGS = '/v1/settings/collection';

describe("The council's return deadlines", () => {
  let api: PlanApi;
  let store: EventStore;
  const settingsEvents = () => readStreamIfAny(store, councilSettingsStreamId(COUNCIL));
  const put = (body: object, headers: Record<string, string> = {}) => api.send({ method: 'PUT', url: SETTINGS, as: ADMIN, body, headers });

  beforeAll(async () => {
    api = await PlanApi.start();
    store = api.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(() => api.close());

  it('are 10 working days after a month and 15 after a quarter or a year, in England and Wales, until the council sets its own', async () => {
    const rule = await api.send({ method: 'GET', url: SETTINGS, as: { role: 'reporting', council: COUNCIL } });
    expect(rule.status).toBe(200);
    expect(rule.body).toEqual({
      council: COUNCIL,
      unverifiedFigures: 'rated',
      source: 'default',
      reason: null,
      setAt: null,
      deadlineWorkingDays: { monthly: 10, quarterly: 15, annual: 15 },
      nation: 'england-and-wales',
      deadlines: { source: 'default', reason: null, setAt: null },
      revision: null,
    });
  });

  it('refuse bad days and nations naming each field, and a body setting nothing, writing nothing', async () => {
    const bad = await put({ deadlineWorkingDays: { monthly: 0, quarterly: '15', weekly: 5 }, nation: 'wales' });
    expect(bad.status).toBe(400);
    expect([...bad.body.message].sort()).toEqual([
      'deadlineWorkingDays.monthly: must be a whole number from 1 to 60',
      'deadlineWorkingDays.quarterly: must be a whole number from 1 to 60',
      'deadlineWorkingDays.weekly: should not exist',
      'nation: must be one of: england-and-wales, scotland, northern-ireland',
    ]);
    const notAnObject = await put({ deadlineWorkingDays: [15] });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.message).toEqual(['deadlineWorkingDays: must be an object']);
    const nothing = await put({ reason: 'Tidying up' });
    expect(nothing.status).toBe(422);
    expect(nothing.body.message).toBe('Say what to set of the data-collection rule: unverifiedFigures, deadlineWorkingDays or nation.');
    expect(await settingsEvents()).toEqual([]);
  });

  it('are set in part, keeping what is left out, with If-Match and Idempotency-Key honoured as for any setting', async () => {
    const set = await put({ deadlineWorkingDays: { quarterly: 20 }, nation: 'scotland', reason: 'Cabinet timetable' }, { 'idempotency-key': 'deadlines-1' });
    expect(set.status).toBe(200);
    expect(set.headers.etag).toBe('"0"');
    expect(set.body).toMatchObject({
      unverifiedFigures: 'rated',
      source: 'default',
      deadlineWorkingDays: { monthly: 10, quarterly: 20, annual: 15 },
      nation: 'scotland',
      deadlines: { source: 'council', reason: 'Cabinet timetable' },
      revision: 0,
    });
    const [recorded] = await settingsEvents();
    expect(recorded).toMatchObject({
      type: 'ReturnDeadlinesSet',
      data: { council: COUNCIL, deadlineWorkingDays: { monthly: 10, quarterly: 20, annual: 15 }, nation: 'scotland', reason: 'Cabinet timetable' },
    });
    expect(set.body.deadlines.setAt).toBe(recorded.recordedAt);

    const repeated = await put({ deadlineWorkingDays: { quarterly: 20 }, nation: 'scotland', reason: 'Cabinet timetable' }, { 'idempotency-key': 'deadlines-1' });
    expect(repeated.body).toEqual(set.body);
    const reused = await put({ deadlineWorkingDays: { quarterly: 25 } }, { 'idempotency-key': 'deadlines-1' });
    expect(reused.status).toBe(422);
    const stale = await put({ deadlineWorkingDays: { monthly: 5 } }, { 'if-match': '"3"' });
    expect(stale.status).toBe(412);
    const again = await put({ nation: 'scotland' }, { 'if-match': '"0"' });
    expect(again.status).toBe(200);
    expect(await settingsEvents()).toHaveLength(1);
  });
});

/**
 * Plans of 2023/24, whose returns are all past their deadlines, and a plan of a year still to come,
 * whose returns are not yet due: so the test holds whatever day it runs on.
 */
const HART = 'hart';
const EDITOR: TestCaller = { role: 'editor', council: HART };
const RECORDER: TestCaller = { role: 'officer', council: HART, sub: 'sam.reed@hart' };
const CHECKER: TestCaller = { role: 'officer', council: HART, sub: 'jo.hale@hart' };
const PERFORMANCE_TEAM: TestCaller = { role: 'reporting', council: HART, sub: 'performance@hart' };
const HART_ADMIN: TestCaller = { role: 'admin', council: HART, sub: 'performance-lead@hart' };
const PLACE_OFFICER: TestCaller = { role: 'officer', council: HART, services: ['Place'], sub: 'lee.ward@hart' };
const RUSHMOOR_TEAM: TestCaller = { role: 'reporting', council: 'rushmoor', sub: 'performance@rushmoor' };
const CORPORATE = 'returns-corporate-2023-24';
const PLACE = 'returns-place-2023-24';
const today = new Date();
const thisYear = today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
const COMING_YEAR = financialYearLabel(thisYear + 2);
const COMING = 'returns-corporate-coming';
// Without targets, which would have to be for the plan's own years.
const COLLECTION_RATE = { ...INDICATOR_CP7, targets: [] };
const MISSED_BINS = { ...COLLECTION_RATE, code: 'CP10', title: 'Missed collections per 100,000', unit: 'rate-per-100k', polarity: 'lower-is-better', basis: 'period' };
const SICKNESS = { ...COLLECTION_RATE, code: 'HR1', title: 'Days lost to sickness per employee', unit: 'days', polarity: 'lower-is-better', basis: 'period', frequency: 'monthly' };
const ACCOUNTS = { ref: '1', title: 'Publish the statement of accounts', themes: ['Resilient council'], outcomes: [] };
const FLY_TIPPING = { ...COLLECTION_RATE, code: 'PL1', title: 'Fly-tipping cleared within two days', frequency: 'quarterly' };

type Item = { planId: string; period: string; code: string | null; ref: string | null; status: string; deadline: string; [field: string]: unknown };

describe('Who owes which return by when', () => {
  let api: PlanApi;
  let lastPosition = 0;

  const command = async (as: TestCaller, method: 'POST' | 'PUT', url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position ?? lastPosition;
    return answer;
  };
  const returns = (as: TestCaller, query = '') => api.send({ method: 'GET', url: `/v1/returns?waitFor=${lastPosition}${query}`, as });
  const itemsOf = async (as: TestCaller, query: string): Promise<Item[]> => {
    const answer = await returns(as, query);
    if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text}`);
    return answer.body.items;
  };
  const statusOf = (items: Item[]) => items.map(({ planId, code, ref, status }) => `${planId} ${code ?? `priority ${ref}`} ${status}`);

  beforeAll(async () => {
    api = await PlanApi.start();
    for (const [planId, service, period, council] of [
      [CORPORATE, 'Corporate Services', '2023/24', HART],
      [PLACE, 'Place', '2023/24', HART],
      [COMING, 'Corporate Services', COMING_YEAR, HART],
      [CORPORATE, 'Corporate Services', '2023/24', 'rushmoor'],
    ]) {
      const as = { ...EDITOR, council };
      await command(as, 'POST', '/v1/plans', { planId, title: `Service Plan: ${service}`, service, period });
      if (service === 'Place') {
        await command(as, 'POST', `/v1/plans/${planId}/indicators`, FLY_TIPPING);
        continue;
      }
      await command(as, 'POST', `/v1/plans/${planId}/indicators`, COLLECTION_RATE);
      await command(as, 'POST', `/v1/plans/${planId}/indicators`, MISSED_BINS);
      await command(as, 'POST', `/v1/plans/${planId}/indicators`, SICKNESS);
      await command(as, 'POST', `/v1/plans/${planId}/priorities`, ACCOUNTS);
    }
  });

  afterAll(() => api.close());

  it("list a quarter's returns across the council, overdue 15 working days after the quarter, as returns arrive and are checked", async () => {
    const q1 = '&period=2023-24-Q1';
    const before = await returns(PERFORMANCE_TEAM, q1);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ council: HART, period: '2023/24-Q1', today: ukDateOf(today), mine: false, status: null });
    expect(statusOf(before.body.items)).toEqual([
      `${CORPORATE} CP7 overdue`,
      `${CORPORATE} CP10 overdue`,
      `${CORPORATE} priority 1 overdue`,
      `${PLACE} PL1 overdue`,
    ]);
    // 2023/24-Q1 ends on Friday 30 June 2023: three working weeks later.
    expect(before.body.items[0]).toMatchObject({
      planTitle: 'Service Plan: Corporate Services',
      service: 'Corporate Services',
      period: '2023/24-Q1',
      kind: 'indicator',
      title: INDICATOR_CP7.title,
      owner: null,
      approver: null,
      deadline: '2023-07-21',
      recordedAt: null,
      recordedBy: null,
      verifiedBy: null,
      verification: null,
    });
    expect(before.body.counts).toEqual({ due: 0, overdue: 4, submitted: 0, verified: 0 });

    await command(RECORDER, 'POST', `/v1/plans/${CORPORATE}/indicators/CP7/actuals`, { period: '2023/24-Q1', value: 28.1 });
    await command(RECORDER, 'POST', `/v1/plans/${CORPORATE}/indicators/CP10/actuals`, { period: '2023/24-Q1', value: 35 });
    await command(RECORDER, 'POST', `/v1/plans/${CORPORATE}/priorities/1/progress`, { period: '2023/24-Q1', percentComplete: 25, status: 'on-track' });
    let items = await itemsOf(PERFORMANCE_TEAM, q1);
    expect(statusOf(items)).toEqual([`${CORPORATE} CP7 submitted`, `${CORPORATE} CP10 submitted`, `${CORPORATE} priority 1 submitted`, `${PLACE} PL1 overdue`]);
    expect(items[0]).toMatchObject({ recordedBy: RECORDER.sub, verification: { state: 'unverified', by: null } });
    expect(items[0].recordedAt).toEqual(expect.any(String));

    await command(CHECKER, 'POST', `/v1/plans/${CORPORATE}/indicators/CP7/actuals/2023-24-Q1/verification`, { outcome: 'verified' });
    await command(CHECKER, 'POST', `/v1/plans/${CORPORATE}/indicators/CP10/actuals/2023-24-Q1/verification`, { outcome: 'rejected', reason: 'Two rounds counted twice' });
    items = await itemsOf(PERFORMANCE_TEAM, q1);
    // A rejected figure is owed again, and its deadline has passed.
    expect(statusOf(items)).toEqual([`${CORPORATE} CP7 verified`, `${CORPORATE} CP10 overdue`, `${CORPORATE} priority 1 submitted`, `${PLACE} PL1 overdue`]);
    expect(items[0]).toMatchObject({ verifiedBy: CHECKER.sub, verification: { state: 'verified', by: CHECKER.sub } });
    expect(items[1]).toMatchObject({ recordedBy: RECORDER.sub, verifiedBy: null, verification: { state: 'rejected', reason: 'Two rounds counted twice' } });

    const overdue = await returns(PERFORMANCE_TEAM, `${q1}&status=overdue`);
    expect(statusOf(overdue.body.items)).toEqual([`${CORPORATE} CP10 overdue`, `${PLACE} PL1 overdue`]);
    expect(overdue.body.counts).toEqual({ due: 0, overdue: 2, submitted: 1, verified: 1 });
  });

  it("hold each indicator to its frequency: a month's returns are the monthly indicator's, 10 working days after the month", async () => {
    const items = await itemsOf(PERFORMANCE_TEAM, '&period=2023-10');
    expect(items.map(({ planId, period, code, deadline }) => [planId, period, code, deadline])).toEqual([
      // October 2023 ends on Tuesday the 31st: two working weeks later.
      [CORPORATE, '2023/24-M07', 'HR1', '2023-11-14'],
    ]);
    expect(await itemsOf(PERFORMANCE_TEAM, '&period=2023-24')).toEqual([]);
  });

  it('without a period, list every period ended by today; a period still to come is due, not yet overdue', async () => {
    const ended = await itemsOf(PERFORMANCE_TEAM, '&status=overdue');
    expect(ended.filter(({ planId }) => planId === COMING)).toEqual([]);
    // Twelve months of HR1, four quarters of CP7, CP10 and priority 1 and of PL1, less what was recorded or verified.
    expect(ended).toHaveLength(12 + 4 * 4 - 2);
    const coming = await returns(PERFORMANCE_TEAM, `&period=${COMING_YEAR}-Q1`);
    expect(statusOf(coming.body.items)).toEqual([`${COMING} CP7 due`, `${COMING} CP10 due`, `${COMING} priority 1 due`]);
  });

  it("are the whole council's for the performance team, an officer's services only for them, and never another council's", async () => {
    const q1 = '&period=2023-24-Q1';
    expect(new Set((await itemsOf(PERFORMANCE_TEAM, q1)).map(({ planId }) => planId))).toEqual(new Set([CORPORATE, PLACE]));
    expect(statusOf(await itemsOf(PLACE_OFFICER, q1))).toEqual([`${PLACE} PL1 overdue`]);
    // Rushmoor has a plan of the same id: its returns are its own, none of Hart's figures among them.
    const rushmoor = await itemsOf(RUSHMOOR_TEAM, q1);
    expect(statusOf(rushmoor)).toEqual([`${CORPORATE} CP7 overdue`, `${CORPORATE} CP10 overdue`, `${CORPORATE} priority 1 overdue`]);
  });

  it("count a period's deadline by the council's deadlines in force on its last day, so a change moves no deadline already running", async () => {
    const comingQ1 = `&period=${COMING_YEAR}-Q1`;
    const calendar = new BankHolidayCalendar();
    const deadlines = (quarterly: number, nation: 'england-and-wales' | 'scotland') =>
      returnDeadline(`${COMING_YEAR}-Q1`, { deadlineWorkingDays: { monthly: 10, quarterly, annual: 15 }, nation }, calendar);
    expect((await itemsOf(PERFORMANCE_TEAM, comingQ1))[0].deadline).toBe(deadlines(15, 'england-and-wales'));

    await command(HART_ADMIN, 'PUT', SETTINGS, { deadlineWorkingDays: { quarterly: 25 }, nation: 'scotland', reason: 'Scrutiny panel timetable' });
    expect((await itemsOf(PERFORMANCE_TEAM, comingQ1)).map(({ deadline }) => deadline)).toEqual(Array(3).fill(deadlines(25, 'scotland')));
    expect(deadlines(25, 'scotland')).not.toBe(deadlines(15, 'england-and-wales'));
    // 2023/24-Q1 ended before the change: its returns are still due by 21 July 2023.
    expect((await itemsOf(PERFORMANCE_TEAM, '&period=2023-24-Q1')).map(({ deadline }) => deadline)).toEqual(Array(4).fill('2023-07-21'));
    // Rushmoor's deadlines are its own.
    expect((await itemsOf(RUSHMOOR_TEAM, '&period=2023-24-Q1'))[0].deadline).toBe('2023-07-21');
  });

  it('refuse a period or status it does not know, naming each, and a role that does not chase returns', async () => {
    const bad = await returns(PERFORMANCE_TEAM, '&period=2023-24-Q5&status=late&mine=yes');
    expect(bad.status).toBe(400);
    expect([...bad.body.message].sort()).toEqual([
      'mine: must be one of: true, false',
      "period: '2023-24-Q5' is not a quarter: quarters run from Q1 (April to June) to Q4 (January to March).",
      'status: must be one of: due, overdue, submitted, verified',
    ]);
    expect((await returns({ role: 'auditor', council: HART })).status).toBe(403);
    expect((await returns(HART_ADMIN)).status).toBe(403);
  });

  it("with mine=true, are what the officer owns and the figures awaiting their check as approver", async () => {
    const WASTE = 'returns-waste-2023-24';
    await command(EDITOR, 'POST', '/v1/plans', { planId: WASTE, title: 'Service Plan: Waste', service: 'Waste', period: '2023/24' });
    await command(EDITOR, 'POST', `/v1/plans/${WASTE}/indicators`, { ...MISSED_BINS, code: 'WS1', owner: RECORDER.sub, approver: CHECKER.sub });
    await command(EDITOR, 'POST', `/v1/plans/${WASTE}/indicators`, { ...MISSED_BINS, code: 'WS2', owner: CHECKER.sub });
    await command(EDITOR, 'POST', `/v1/plans/${WASTE}/priorities`, { ...ACCOUNTS, owner: RECORDER.sub, approver: CHECKER.sub });
    const mine = '&period=2023-24-Q1&mine=true';
    const recorders = await returns(RECORDER, mine);
    expect(recorders.body).toMatchObject({ mine: true, counts: { due: 0, overdue: 2, submitted: 0, verified: 0 } });
    expect(statusOf(recorders.body.items)).toEqual([`${WASTE} WS1 overdue`, `${WASTE} priority 1 overdue`]);
    expect(recorders.body.items[0]).toMatchObject({ owner: RECORDER.sub, approver: CHECKER.sub });
    expect(statusOf(await itemsOf(CHECKER, mine))).toEqual([`${WASTE} WS2 overdue`]);

    await command(RECORDER, 'POST', `/v1/plans/${WASTE}/indicators/WS1/actuals`, { period: '2023/24-Q1', value: 30 });
    expect(statusOf(await itemsOf(RECORDER, mine))).toEqual([`${WASTE} WS1 submitted`, `${WASTE} priority 1 overdue`]);
    // The approver now has WS1's figure to check, beside the return they owe.
    expect(statusOf(await itemsOf(CHECKER, mine))).toEqual([`${WASTE} WS1 submitted`, `${WASTE} WS2 overdue`]);

    await command(CHECKER, 'POST', `/v1/plans/${WASTE}/indicators/WS1/actuals/2023-24-Q1/verification`, { outcome: 'verified' });
    expect(statusOf(await itemsOf(CHECKER, mine))).toEqual([`${WASTE} WS2 overdue`]);
    expect(statusOf(await itemsOf(RECORDER, `${mine}&status=overdue`))).toEqual([`${WASTE} priority 1 overdue`]);
    // The performance team sees them all, owned or not.
    expect((await itemsOf(PERFORMANCE_TEAM, '&period=2023-24-Q1')).filter(({ planId }) => planId === WASTE)).toHaveLength(3);
  });

  it('keep nothing of a closed plan, which owes no more returns', async () => {
    await command(EDITOR, 'POST', `/v1/plans/${PLACE}/close`, { reason: 'Merged into the Corporate Services plan' });
    expect((await itemsOf(PERFORMANCE_TEAM, '&period=2023-24-Q1')).filter(({ planId }) => planId === PLACE)).toEqual([]);
  });
});
