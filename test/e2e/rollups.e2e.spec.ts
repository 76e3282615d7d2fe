import { councilSettingsStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore, readStreamIfAny } from '@app/event-store';
import type { TestCaller } from '../support/tokens';
import { afterInstant, PlanApi } from './plan-queries.support';

/**
 * A council's printed roll-ups come out the same when its actions' progress is entered, whichever
 * rule it prints them by. The seeds print no roll-up table, so this one is a worked example
 * (ILLUSTRATIVE): two objectives of a 2023/24 plan, their actions' percentages at Q2 and, for each
 * rule a council may set, the objective and plan percentages it would print. Each rule changes a
 * printed figure: the rounding those of "Engaged residents" (62.5) and of the first objective with
 * its action without an entry counted (45.75), the rule for an action without an entry the first
 * objective's and the plan's.
 */
const COUNCIL = 'hart';
const EDITOR: TestCaller = { role: 'editor', council: COUNCIL };
const OFFICER: TestCaller = { role: 'officer', council: COUNCIL };
const ADMIN: TestCaller = { role: 'admin', council: COUNCIL, sub: 'performance-lead@hart' };
const READER: TestCaller = { role: 'reporting', council: COUNCIL };
const SETTINGS = '/v1/settings/rollups';
const PLAN = 'rollups-worked-example';
const plan = `/v1/plans/${PLAN}`;

const SOUND = 'A resilient and financially sound council';
const ENGAGED = 'Engaged residents';
/** Each action's progress at 2023/24 Q2; null: no entry made. */
const ACTIONS: Array<{ ref: string; objective: string; percentComplete: number | null }> = [
  { ref: 'A1', objective: SOUND, percentComplete: 33 },
  { ref: 'A2', objective: SOUND, percentComplete: 50 },
  { ref: 'A3', objective: SOUND, percentComplete: 100 },
  { ref: 'A4', objective: SOUND, percentComplete: null },
  { ref: 'B1', objective: ENGAGED, percentComplete: 50 },
  { ref: 'B2', objective: ENGAGED, percentComplete: 75 },
];

type Rounding = 'half-up' | 'half-even' | 'down';
type WithoutEntry = 'zero' | 'excluded';
/**
 * The council's printed table, worked by hand: with A4 at 0% the first objective is 183 / 4 = 45.75
 * and the plan 308 / 6 = 51.33; with A4 left out, 183 / 3 = 61 and 308 / 5 = 61.6; the second is
 * 125 / 2 = 62.5 either way.
 */
const PRINTED: Array<{ rounding: Rounding; milestoneWithoutEntry: WithoutEntry; sound: number; engaged: number; plan: number }> = [
  { rounding: 'half-up', milestoneWithoutEntry: 'zero', sound: 46, engaged: 63, plan: 51 },
  { rounding: 'half-even', milestoneWithoutEntry: 'zero', sound: 46, engaged: 62, plan: 51 },
  { rounding: 'down', milestoneWithoutEntry: 'zero', sound: 45, engaged: 62, plan: 51 },
  { rounding: 'half-up', milestoneWithoutEntry: 'excluded', sound: 61, engaged: 63, plan: 62 },
  { rounding: 'half-even', milestoneWithoutEntry: 'excluded', sound: 61, engaged: 62, plan: 62 },
  { rounding: 'down', milestoneWithoutEntry: 'excluded', sound: 61, engaged: 62, plan: 61 },
];

describe("A council's roll-up rule, and its printed roll-ups reproduced", () => {
  let api: PlanApi;
  let store: EventStore;
  let lastPosition = 0;

  const command = async (as: TestCaller, method: 'POST' | 'PUT', url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
  };
  const report = (query = '') =>
    api.send({ method: 'GET', url: `${plan}/reports/2023-24-Q2?waitFor=${lastPosition}${query}`, as: READER });
  const printedBy = ({ body }: { body: { rollups: { objectives: Array<{ percentComplete: number }>; plan: { percentComplete: number } } } }) => ({
    sound: body.rollups.objectives[0].percentComplete,
    engaged: body.rollups.objectives[1].percentComplete,
    plan: body.rollups.plan.percentComplete,
  });
  const settingsEvents = async () => {
    return readStreamIfAny(store, councilSettingsStreamId(COUNCIL));
  };

  beforeAll(async () => {
    api = await PlanApi.start();
    store = api.app.get<EventStore>(EVENT_STORE);
    await command(EDITOR, 'POST', '/v1/plans', { planId: PLAN, title: 'Service Plan 2023/24: Corporate Services', service: 'Corporate Services', period: '2023/24' });
    for (const { ref, objective } of ACTIONS) {
      await command(EDITOR, 'POST', `${plan}/priorities`, { ref, kind: 'action', title: `Action ${ref}`, themes: [], objective, outcomes: [] });
    }
    for (const { ref, percentComplete } of ACTIONS) {
      if (percentComplete === null) continue;
      const status = percentComplete === 100 ? 'completed' : 'on-track';
      await command(OFFICER, 'POST', `${plan}/priorities/${ref}/progress`, { period: '2023/24-Q2', percentComplete, status });
    }
  });

  afterAll(() => api.close());

  it('is half up with an action without an entry at 0% for a council that never set one, and says so', async () => {
    const answer = await api.send({ method: 'GET', url: SETTINGS, as: READER });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      council: COUNCIL,
      rounding: 'half-up',
      milestoneWithoutEntry: 'zero',
      source: 'default',
      reason: null,
      setAt: null,
      stated: {
        rounding: 'Half up to whole percent after averaging unrounded values',
        method: expect.stringContaining('a milestone without one counts as 0%'),
      },
      revision: null,
    });
    expect(answer.headers.etag).toBeUndefined();
    const q2 = await report();
    expect(printedBy(q2)).toEqual({ sound: 46, engaged: 63, plan: 51 });
    expect(q2.body.rollups.rule).toEqual({ rounding: 'half-up', milestoneWithoutEntry: 'zero', source: 'default', reason: null, setAt: null, settingsRevision: null });
    expect(q2.headers.etag).toBe(`"${q2.body.revision}"`);
  });

  it('refuses a rule it does not know and a caller who is not the admin, writing nothing', async () => {
    const unknown = await api.send({ method: 'PUT', url: SETTINGS, as: ADMIN, body: { rounding: 'nearest', milestoneWithoutEntry: 'ignored', colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect([...unknown.body.message].sort()).toEqual([
      'colour: should not exist',
      'milestoneWithoutEntry: must be one of: zero, excluded',
      'rounding: must be one of: half-up, half-even, down',
    ]);
    const missing = await api.send({ method: 'PUT', url: SETTINGS, as: ADMIN, body: {} });
    expect(missing.status).toBe(400);
    expect([...missing.body.message].sort()).toEqual([
      'milestoneWithoutEntry: must be one of: zero, excluded',
      'rounding: must be one of: half-up, half-even, down',
    ]);
    for (const role of ['officer', 'editor', 'reporting'] as const) {
      const refused = await api.send({ method: 'PUT', url: SETTINGS, as: { role, council: COUNCIL }, body: { rounding: 'down', milestoneWithoutEntry: 'zero' } });
      expect(refused.status).toBe(403);
    }
    expect(await settingsEvents()).toEqual([]);
  });

  it("reproduces the council's printed objective and plan percentages under every rule, each roll-up stating its rule", async () => {
    for (const printed of PRINTED) {
      const { rounding, milestoneWithoutEntry } = printed;
      const set = await api.send({ method: 'PUT', url: SETTINGS, as: ADMIN, body: { rounding, milestoneWithoutEntry, reason: 'As printed' } });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ council: COUNCIL, rounding, milestoneWithoutEntry });
      const q2 = await report();
      expect({ rule: `${rounding}, ${milestoneWithoutEntry}`, ...printedBy(q2) }).toEqual({
        rule: `${rounding}, ${milestoneWithoutEntry}`,
        sound: printed.sound,
        engaged: printed.engaged,
        plan: printed.plan,
      });
      expect(q2.body.rollups.rule).toMatchObject({ rounding, milestoneWithoutEntry });
      expect(q2.body.rollups.rounding).toBe(set.body.stated.rounding);
      expect(q2.body.rollups.method).toBe(set.body.stated.method);
      expect(q2.body.rollups.objectives[0]).toMatchObject({ objective: SOUND, items: milestoneWithoutEntry === 'zero' ? 4 : 3, withoutEntry: 1 });
      // The action's own percentage follows the same rule; A4 has none to state.
      expect(q2.body.priorities.find((priority: { ref: string }) => priority.ref === 'A4')).toMatchObject({ percentComplete: null, percentFrom: null });
    }
    // The first rule was the default already, so it recorded nothing: five changes of rule.
    expect((await settingsEvents()).map((event) => [event.type, event.data.rounding, event.data.milestoneWithoutEntry])).toEqual(
      PRINTED.slice(1).map(({ rounding, milestoneWithoutEntry }) => ['RollupRuleSet', rounding, milestoneWithoutEntry]),
    );
  });

  it('is in force from when it is recorded: a report as of an earlier instant rolls up with the rule in force then', async () => {
    const beforeChange = new Date();
    await afterInstant(beforeChange);
    const set = await api.send({ method: 'PUT', url: SETTINGS, as: ADMIN, body: { rounding: 'half-up', milestoneWithoutEntry: 'zero', reason: 'Back to the default' } });
    expect(set.body).toMatchObject({ source: 'council', reason: 'Back to the default', setAt: expect.any(String), revision: 5 });

    const now = await report();
    expect(printedBy(now)).toEqual({ sound: 46, engaged: 63, plan: 51 });
    const then = await report(`&asOf=${beforeChange.toISOString()}`);
    expect(then.status).toBe(200);
    // Down, left out: the rule set last before that instant.
    expect(printedBy(then)).toEqual({ sound: 61, engaged: 62, plan: 61 });
    expect(then.body.rollups.rule).toMatchObject({ rounding: 'down', milestoneWithoutEntry: 'excluded', settingsRevision: 4 });

    const history = await settingsEvents();
    const firstSet = new Date(Date.parse(history[0].recordedAt) - 1).toISOString();
    const beforeAny = await report(`&asOf=${firstSet}`);
    expect(printedBy(beforeAny)).toEqual({ sound: 46, engaged: 63, plan: 51 });
    expect(beforeAny.body.rollups.rule).toMatchObject({ source: 'default', settingsRevision: null });
  });

  it("gives a report a new ETag when the rule changes, so a copy made with the old rule is not 'not modified'", async () => {
    const before = await report();
    expect(before.headers.etag).toBe(`"${before.body.revision}.rollups-5"`);
    expect((await api.send({ method: 'GET', url: `${plan}/reports/2023-24-Q2`, as: READER, headers: { 'if-none-match': String(before.headers.etag) } })).status).toBe(304);

    await command(ADMIN, 'PUT', SETTINGS, { rounding: 'down', milestoneWithoutEntry: 'zero' });
    const after = await api.send({ method: 'GET', url: `${plan}/reports/2023-24-Q2`, as: READER, headers: { 'if-none-match': String(before.headers.etag) } });
    expect(after.status).toBe(200);
    expect(after.body.revision).toBe(before.body.revision);
    expect(after.headers.etag).toBe(`"${after.body.revision}.rollups-6"`);
    expect(printedBy(after)).toEqual({ sound: 45, engaged: 62, plan: 51 });
    const csv = await api.send({ method: 'GET', url: `${plan}/reports/2023-24-Q2?sheet=rollups`, as: READER, headers: { accept: 'text/csv' } });
    expect(csv.headers.etag).toBe(`"${after.body.revision}.rollups-6.csv"`);
  });

  it('honours If-Match on the settings revision and Idempotency-Key as a plan command does, writing nothing when refused or repeated', async () => {
    const current = await api.send({ method: 'GET', url: SETTINGS, as: ADMIN });
    expect(current.headers.etag).toBe('"6"');
    const count = (await settingsEvents()).length;

    const stale = await api.send({ method: 'PUT', url: SETTINGS, as: ADMIN, headers: { 'if-match': '"5"' }, body: { rounding: 'half-even', milestoneWithoutEntry: 'zero' } });
    expect(stale.status).toBe(412);
    expect(stale.body.message).toBe("The council's settings are at revision 6, not revision 5 as If-Match says; reload them and try again");
    expect(stale.headers.etag).toBe('"6"');
    expect(await settingsEvents()).toHaveLength(count);

    const keyed = { 'idempotency-key': 'rollups-2023-q2', 'if-match': '"6"' };
    const first = await api.send({ method: 'PUT', url: SETTINGS, as: ADMIN, headers: keyed, body: { rounding: 'half-even', milestoneWithoutEntry: 'zero' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rounding: 'half-even', revision: 7 });
    expect(first.headers.etag).toBe('"7"');
    const repeated = await api.send({ method: 'PUT', url: SETTINGS, as: ADMIN, headers: keyed, body: { rounding: 'half-even', milestoneWithoutEntry: 'zero' } });
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(first.body);
    const otherBody = await api.send({
      method: 'PUT',
      url: SETTINGS,
      as: ADMIN,
      headers: { 'idempotency-key': 'rollups-2023-q2' },
      body: { rounding: 'down', milestoneWithoutEntry: 'excluded' },
    });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.message).toBe('This Idempotency-Key was already used for a different request');
    // The risk matrix is a setting of the same stream, and its PUT honours If-Match the same way.
    const matrix = await api.send({ method: 'GET', url: '/v1/settings/risk-matrix', as: ADMIN });
    expect(matrix.body.revision).toBe(7);
    const staleMatrix = await api.send({
      method: 'PUT',
      url: '/v1/settings/risk-matrix',
      as: ADMIN,
      headers: { 'if-match': '"6"' },
      body: { cells: matrix.body.cells, reason: 'Stale' },
    });
    expect(staleMatrix.status).toBe(412);
    expect(await settingsEvents()).toHaveLength(count + 1);
    expect((await settingsEvents()).at(-1)?.metadata).toMatchObject({ actor: { id: 'performance-lead@hart', role: 'admin' }, idempotencyKey: 'rollups-2023-q2' });
  });

  it("is each council's own", async () => {
    const other = await api.send({ method: 'GET', url: SETTINGS, as: { role: 'reporting', council: 'rushmoor' } });
    expect(other.body).toMatchObject({ council: 'rushmoor', source: 'default', rounding: 'half-up', milestoneWithoutEntry: 'zero' });
  });
});
