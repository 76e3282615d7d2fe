import { councilSettingsStreamId, planKey, planStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { TestCaller } from '../support/tokens';
import { afterInstant, PlanApi } from './plan-queries.support';

/**
 * Four eyes on every figure a committee sees: an officer enters it, another verifies or rejects it,
 * a restatement is checked afresh, and the report says of each figure whether, when and by whom it
 * was checked, rated or held back as the council's rule for unverified figures says.
 */
const COUNCIL = 'hart';
const EDITOR: TestCaller = { role: 'editor', council: COUNCIL };
const RECORDER: TestCaller = { role: 'officer', council: COUNCIL, sub: 'sam.reed@hart' };
const CHECKER: TestCaller = { role: 'officer', council: COUNCIL, sub: 'jo.hale@hart' };
const PERFORMANCE_TEAM: TestCaller = { role: 'reporting', council: COUNCIL, sub: 'performance@hart' };
const ADMIN: TestCaller = { role: 'admin', council: COUNCIL, sub: 'performance-lead@hart' };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const PLAN = 'verification-worked-example';
const plan = `/v1/plans/${PLAN}`;
const MISSED_COLLECTIONS = {
  code: 'CP10',
  title: 'Number of missed collections excluding garden waste (per 100,000)',
  unit: 'rate-per-100k',
  polarity: 'lower-is-better',
  basis: 'period',
  frequency: 'quarterly',
  targets: [{ period: '2023/24', value: 40 }],
};
const verification = (period: string) => `${plan}/indicators/CP10/actuals/${period}/verification`;

describe('Verification of actuals by a second officer', () => {
  let api: PlanApi;
  let store: EventStore;
  let lastPosition = 0;

  const send = async (as: TestCaller, method: 'POST' | 'PUT', url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status < 300) lastPosition = answer.body.position ?? lastPosition;
    return answer;
  };
  const command = async (as: TestCaller, method: 'POST' | 'PUT', url: string, body: object) => {
    const answer = await send(as, method, url, body);
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    return answer;
  };
  const report = (period: string, query = '') =>
    api.send({ method: 'GET', url: `${plan}/reports/${period}?waitFor=${lastPosition}${query}`, as: AUDITOR });
  const cp10In = async (period: string, query = '') => (await report(period, query)).body.indicators[0];
  const planEvents = () => store.readStream(planStreamId(planKey(COUNCIL, PLAN)));

  beforeAll(async () => {
    api = await PlanApi.start();
    store = api.app.get<EventStore>(EVENT_STORE);
    await command(EDITOR, 'POST', '/v1/plans', { planId: PLAN, title: 'Service Plan 2023/24: Corporate Services', service: 'Corporate Services', period: '2023/24' });
    await command(EDITOR, 'POST', `${plan}/indicators`, MISSED_COLLECTIONS);
    await command(RECORDER, 'POST', `${plan}/indicators/CP10/actuals`, { period: '2023/24-Q1', value: 35 });
    await command(RECORDER, 'POST', `${plan}/indicators/CP10/actuals`, { period: '2023/24-Q2', value: 41 });
    await command(RECORDER, 'POST', `${plan}/indicators/CP10/actuals`, { period: '2023/24-Q3', value: 38 });
  });

  afterAll(() => api.close());

  it('refuses the officer who entered the figure, with a sentence, and writes nothing', async () => {
    const before = (await planEvents()).length;
    const refused = await send(RECORDER, 'POST', verification('2023-24-Q1'), { outcome: 'verified' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('You entered the actual for CP10 in 2023/24-Q1: it must be verified or rejected by someone else.');
    expect(await planEvents()).toHaveLength(before);
  });

  it('refuses a rejection without a reason and an outcome it does not know, writing nothing', async () => {
    const before = (await planEvents()).length;
    const withoutReason = await send(CHECKER, 'POST', verification('2023-24-Q2'), { outcome: 'rejected' });
    expect(withoutReason.status).toBe(422);
    expect(withoutReason.body.message).toBe('Give a reason for rejecting the actual for CP10 in 2023/24-Q2.');
    const unknown = await send(CHECKER, 'POST', verification('2023-24-Q2'), { outcome: 'approved', colour: 'red' });
    expect(unknown.status).toBe(400);
    expect([...unknown.body.message].sort()).toEqual(['colour: should not exist', 'outcome: must be one of: verified, rejected']);
    const noFigure = await send(CHECKER, 'POST', verification('2023-24-Q4'), { outcome: 'verified' });
    expect(noFigure.status).toBe(422);
    expect(noFigure.body.message).toBe('No actual is recorded for CP10 in 2023/24-Q4: there is nothing to verify.');
    expect(await planEvents()).toHaveLength(before);
  });

  it('records a verification and a rejection by others, each in the report with who, when and why', async () => {
    await command(CHECKER, 'POST', verification('2023-24-Q1'), { outcome: 'verified' });
    await command(PERFORMANCE_TEAM, 'POST', verification('2023-24-Q2'), { outcome: 'rejected', reason: 'Two rounds counted twice' });
    const events = await planEvents();
    const [verifiedAt, rejectedAt] = events.slice(-2).map((event) => event.recordedAt);

    expect(await cp10In('2023-24-Q1')).toMatchObject({
      actual: 35,
      actualRecordedBy: RECORDER.sub,
      verification: { state: 'verified', by: CHECKER.sub, at: verifiedAt, reason: null },
      rag: 'green',
    });
    expect(await cp10In('2023-24-Q2')).toMatchObject({
      actual: 41,
      verification: { state: 'rejected', by: PERFORMANCE_TEAM.sub, at: rejectedAt, reason: 'Two rounds counted twice' },
      rag: 'none',
      ragReason: `Not rated: the figure was rejected on ${rejectedAt.slice(0, 10)} (Two rounds counted twice)`,
    });
    expect(await cp10In('2023-24-Q3')).toMatchObject({ verification: { state: 'unverified', by: null }, rag: 'green' });
    const csv = await api.send({ method: 'GET', url: `${plan}/reports/2023-24-Q2?sheet=indicators`, as: AUDITOR, headers: { accept: 'text/csv' } });
    expect(csv.text).toContain('Restated,Verification,Checked by,Checked at,Rejected because,Commentary');
    expect(csv.text).toContain(`,no,rejected,${PERFORMANCE_TEAM.sub},${rejectedAt},Two rounds counted twice,`);

    const history = await api.send({ method: 'GET', url: `${plan}/history?waitFor=${lastPosition}`, as: AUDITOR });
    const summaries = history.body.items.map((item: { summary: string }) => item.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Actual for CP10 2023/24-Q1 (35 per 100,000) verified',
        'Actual for CP10 2023/24-Q2 (41 per 100,000) rejected: Two rounds counted twice',
      ]),
    );
  });

  it('needs a restated figure verified again, and refuses to verify a rejected one before it is restated', async () => {
    const early = await send(CHECKER, 'POST', verification('2023-24-Q2'), { outcome: 'verified' });
    expect(early.status).toBe(422);
    expect(early.body.message).toBe('The actual for CP10 in 2023/24-Q2, 41, was rejected: it is verified once it has been restated.');

    await command(RECORDER, 'POST', `${plan}/indicators/CP10/actuals`, { period: '2023/24-Q2', value: 39, reason: 'Double count removed' });
    expect(await cp10In('2023-24-Q2')).toMatchObject({ actual: 39, restated: true, verification: { state: 'unverified' }, rag: 'green' });
    await command(CHECKER, 'POST', verification('2023-24-Q2'), { outcome: 'verified' });
    expect(await cp10In('2023-24-Q2')).toMatchObject({ actual: 39, verification: { state: 'verified', by: CHECKER.sub } });
  });

  it("rates unverified figures by default, and holds them back as awaiting verification once the council says so", async () => {
    const initial = await api.send({ method: 'GET', url: '/v1/settings/collection', as: PERFORMANCE_TEAM });
    expect(initial.body).toMatchObject({ council: COUNCIL, unverifiedFigures: 'rated', source: 'default', reason: null, setAt: null, revision: null });
    const refused = await api.send({ method: 'PUT', url: '/v1/settings/collection', as: PERFORMANCE_TEAM, body: { unverifiedFigures: 'awaiting-verification' } });
    expect(refused.status).toBe(403);
    const bad = await api.send({ method: 'PUT', url: '/v1/settings/collection', as: ADMIN, body: { unverifiedFigures: 'hidden' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['unverifiedFigures: must be one of: rated, awaiting-verification']);
    await expect(store.readStream(councilSettingsStreamId(COUNCIL))).rejects.toThrow();

    const beforeRule = new Date();
    await afterInstant(beforeRule);
    const set = await api.send({
      method: 'PUT',
      url: '/v1/settings/collection',
      as: ADMIN,
      body: { unverifiedFigures: 'awaiting-verification', reason: 'Committee papers carry checked figures only' },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ unverifiedFigures: 'awaiting-verification', source: 'council', revision: 0 });

    const q3 = await report('2023-24-Q3');
    expect(q3.body.indicators[0]).toMatchObject({ actual: 38, rag: 'none', ragReason: 'Not rated: the figure is awaiting verification' });
    expect(q3.body.unverifiedFigures).toMatchObject({ unverifiedFigures: 'awaiting-verification', settingsRevision: 0 });
    expect(q3.headers.etag).toBe(`"${q3.body.revision}.unverified-0"`);
    expect(await cp10In('2023-24-Q1')).toMatchObject({ verification: { state: 'verified' }, rag: 'green' });
    // A report as of before the rule rates the figure as it did then.
    expect(await cp10In('2023-24-Q3', `&asOf=${beforeRule.toISOString()}`)).toMatchObject({ rag: 'green' });
  });

  it('shows, as of an instant, what had been verified by then', async () => {
    const events = await planEvents();
    const verifiedQ2 = events.filter((event) => event.type === 'ActualVerified').at(-1)!;
    const justBefore = new Date(Date.parse(verifiedQ2.recordedAt) - 1).toISOString();
    expect(await cp10In('2023-24-Q2', `&asOf=${justBefore}`)).toMatchObject({ actual: 39, verification: { state: 'unverified', by: null } });
    expect(await cp10In('2023-24-Q2', `&asOf=${verifiedQ2.recordedAt}`)).toMatchObject({ verification: { state: 'verified', by: CHECKER.sub } });
  });
});
