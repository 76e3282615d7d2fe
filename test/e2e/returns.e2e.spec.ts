import { councilSettingsStreamId } from '@app/domain';
import { EVENT_STORE, readStreamIfAny, type EventStore } from '@app/event-store';
import type { TestCaller } from '../support/tokens';
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
