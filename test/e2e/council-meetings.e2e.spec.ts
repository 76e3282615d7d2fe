import { DECISION_STREAM_PREFIX, MEETING_STREAM_PREFIX, PLAN_STREAM_PREFIX, planKey, planStreamId } from '@app/domain';
import { rmSync } from 'node:fs';
import { EVENT_STORE, type EventStore, readStreamIfAny, type StoredEvent } from '@app/event-store';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { CABINET_4_APRIL_2024, HART_SERVICES_2024_25, O_AND_S_MINUTE_126, PLACE_COMMENT, Q1_SERVICE_PANEL } from '../fixtures/hart-2024-25-service-plans';
import { StoppingEventStore } from '../support/stopping-event-store';
import { startTestApp, type Answer, type Send, type TestApp } from '../support/test-app';

const COUNCIL = HART_PLAN.council;

function expectStatus(answer: Answer, status: number): Answer {
  if (answer.status !== status) throw new Error(`Expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
}

async function streamOf(store: EventStore, streamId: string): Promise<StoredEvent[]> {
  return readStreamIfAny(store, streamId);
}

const planEvents = (api: TestApp, planId: string) => streamOf(api.get<EventStore>(EVENT_STORE), planStreamId(planKey(COUNCIL, planId)));

/** Every event of the council records and the plans in the store, to show that a refusal wrote none. */
async function everyEventCount(api: TestApp): Promise<number> {
  const store = api.get<EventStore>(EVENT_STORE);
  return (await store.readAll({ filter: { streamPrefixes: [PLAN_STREAM_PREFIX, MEETING_STREAM_PREFIX, DECISION_STREAM_PREFIX] } })).length;
}

/** The three 2024/25 drafts, each with its priority and version 1, submitted to O&S; the ids suffixed to keep each test's plans apart. */
async function draftThreePlans(send: (request: Send) => Promise<Answer>, suffix: string): Promise<string[]> {
  const ids: string[] = [];
  for (const { planId, service, owner, theme } of HART_SERVICES_2024_25) {
    const id = `${planId}${suffix}`;
    expectStatus(await send({ method: 'POST', url: '/v1/plans', as: 'editor', body: { planId: id, title: `Service Plan 2024/25: ${service}`, service, period: '2024/25', owner } }), 201);
    const priority = { ref: '1', title: `${service} priorities for 2024/25`, themes: [theme], outcomes: [{ description: 'Delivered as the plan says', targetDate: 'March 2025' }] };
    expectStatus(await send({ method: 'POST', url: `/v1/plans/${id}/priorities`, as: 'editor', body: priority }), 201);
    expectStatus(await send({ method: 'POST', url: `/v1/plans/${id}/versions`, as: 'editor', body: { reason: 'Version to be considered by O&S Committee', effectiveDate: '2024-03-01' } }), 201);
    expectStatus(await send({ method: 'POST', url: `/v1/plans/${id}/submission`, as: 'editor', body: { committee: O_AND_S_MINUTE_126.committee, meetingDate: O_AND_S_MINUTE_126.meetingDate } }), 200);
    ids.push(id);
  }
  return ids;
}

const minute126 = (planIds: string[]) => ({
  ...O_AND_S_MINUTE_126,
  plans: planIds.map((planId, index) => ({ planId, comments: index === 0 ? [PLACE_COMMENT] : [] })),
});

const cabinet = (planIds: string[], decisionRef = CABINET_4_APRIL_2024.decisionRef) => ({
  ...CABINET_4_APRIL_2024,
  decisionRef,
  plans: planIds.map((planId) => ({ planId })),
});

describe("Hart's 2024/25 cycle: one O&S meeting and one Cabinet decision for three service plans", () => {
  let api: TestApp;
  let planIds: string[];
  let meeting: Answer;
  let decision: Answer;

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    planIds = await draftThreePlans(api.send, '');
  });

  afterAll(() => api?.close());

  it('records the O&S meeting of 19 March 2024 once, as each plan\'s scrutiny naming it, comments or none', async () => {
    meeting = expectStatus(await api.send({ method: 'POST', url: '/v1/meetings', as: 'governance', body: minute126(planIds) }), 201);
    expect(meeting.body).toMatchObject({
      meetingId: expect.any(String),
      committee: 'Overview and Scrutiny Committee',
      meetingDate: '2024-03-19',
      minuteRef: 'minute 126',
      status: 'entered',
      recordedBy: expect.any(String),
    });
    expect(meeting.body.plans.map((plan: { planId: string; kind: string; comments: string[] }) => [plan.planId, plan.kind, plan.comments])).toEqual([
      [planIds[0], 'scrutiny', [PLACE_COMMENT]],
      [planIds[1], 'scrutiny', []],
      [planIds[2], 'scrutiny', []],
    ]);
    for (const planId of planIds) {
      const scrutiny = (await planEvents(api, planId)).filter((event) => event.type === 'ScrutinyCommentsRecorded');
      expect(scrutiny.map((event) => event.data)).toEqual([expect.objectContaining({ meetingId: meeting.body.meetingId, minuteRef: 'minute 126' })]);
      expect(scrutiny[0].metadata.actor).toMatchObject({ role: 'governance' });
    }
    const read = expectStatus(await api.send({ method: 'GET', url: `/v1/meetings/${meeting.body.meetingId}`, as: 'reporting' }), 200);
    expect(read.body).toEqual(meeting.body);
  });

  it("shows the meeting in every plan's history", async () => {
    for (const planId of planIds) {
      const history = expectStatus(
        await api.send({ method: 'GET', url: `/v1/plans/${planId}/history?type=ScrutinyCommentsRecorded&waitFor=${meeting.body.position}`, as: 'auditor' }),
        200,
      );
      expect(history.body.items).toEqual([
        expect.objectContaining({ summary: expect.stringContaining('Overview and Scrutiny Committee comments of 2024-03-19 recorded'), data: expect.objectContaining({ meetingId: meeting.body.meetingId }) }),
      ]);
    }
  });

  it('approves all three plans in one Cabinet decision of 4 April 2024, each at its latest version', async () => {
    const place = planIds[0];
    expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${place}/priorities`, as: 'editor', body: { ref: '2', title: 'Resource the Local Plan review', themes: ['Place'], outcomes: [] } }), 201);
    expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${place}/versions`, as: 'editor', body: { reason: 'Version updated to reflect O&S comments', effectiveDate: '2024-03-26' } }), 201);

    decision = expectStatus(await api.send({ method: 'POST', url: '/v1/decisions', as: 'governance', body: cabinet(planIds) }), 201);
    expect(decision.body).toMatchObject({ ...CABINET_4_APRIL_2024, decisionId: expect.any(String), status: 'entered' });
    expect(decision.body.plans.map((plan: { planId: string; versionLabel: string; entry: unknown }) => [plan.planId, plan.versionLabel, plan.entry])).toEqual([
      [planIds[0], '2', { revision: expect.any(Number), position: expect.any(Number) }],
      [planIds[1], '1', { revision: expect.any(Number), position: expect.any(Number) }],
      [planIds[2], '1', { revision: expect.any(Number), position: expect.any(Number) }],
    ]);
    for (const planId of planIds) {
      const approvals = (await planEvents(api, planId)).filter((event) => event.type === 'PlanApproved');
      expect(approvals.map((event) => event.data)).toEqual([expect.objectContaining({ body: 'Cabinet', meetingDate: '2024-04-04', decisionRef: CABINET_4_APRIL_2024.decisionRef })]);
    }
    expect(expectStatus(await api.send({ method: 'GET', url: `/v1/decisions/${decision.body.decisionId}`, as: 'auditor' }), 200).body).toEqual(decision.body);
  });

  it('marks the approved version in each version table, and the plan list shows each plan\'s decision', async () => {
    const approvedBy = { body: 'Cabinet', date: '2024-04-04', decisionRef: CABINET_4_APRIL_2024.decisionRef };
    const tables = [];
    for (const planId of planIds) {
      const table = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planId}/versions?waitFor=${decision.body.position}`, as: 'reporting' }), 200);
      tables.push(table.body.rows.map((row: { label: string; approvedBy: unknown }) => [row.label, row.approvedBy]));
    }
    expect(tables).toEqual([
      [['1', null], ['2', approvedBy]],
      [['1', approvedBy]],
      [['1', approvedBy]],
    ]);
    const sheet = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planIds[1]}/versions`, as: 'reporting', headers: { accept: 'text/csv' } }), 200);
    expect(sheet.text.split('\n')[0]).toContain('Approved by');
    expect(sheet.text.split('\n')[1]).toContain(`Cabinet, 2024-04-04: ${CABINET_4_APRIL_2024.decisionRef}`);
    const list = expectStatus(await api.send({ method: 'GET', url: '/v1/plans?period=2024-25', as: 'reporting' }), 200);
    const listed = Object.fromEntries(list.body.items.map((item: { planId: string; status: string; approvedBy: unknown }) => [item.planId, [item.status, item.approvedBy]]));
    expect(planIds.map((planId) => listed[planId])).toEqual(planIds.map(() => ['approved', approvedBy]));
  });

  it('answers the same decisionRef again as the first time, writing nothing', async () => {
    const before = await everyEventCount(api);
    const again = expectStatus(await api.send({ method: 'POST', url: '/v1/decisions', as: 'governance', body: cabinet(planIds) }), 201);
    expect(again.body).toEqual(decision.body);
    expect(await everyEventCount(api)).toBe(before);
  });

  it('refuses the decisionRef given to another decision, writing nothing', async () => {
    const before = await everyEventCount(api);
    const other = expectStatus(
      await api.send({ method: 'POST', url: '/v1/decisions', as: 'governance', body: { ...cabinet(planIds.slice(1)), title: 'Another report' } }),
      422,
    );
    expect(other.body.message).toMatch(/^The decision Cabinet 4 April 2024: Service Plans 2024-25 is already recorded as "Service Plans 2024-25" of 2024-04-04/);
    expect(await everyEventCount(api)).toBe(before);
  });

  it("records a quarterly service panel's review of an approved plan without reopening it", async () => {
    const body = { ...Q1_SERVICE_PANEL, plans: [{ planId: planIds[0], comments: ['Q1 on track'] }, { planId: planIds[1], comments: [] }] };
    const review = expectStatus(await api.send({ method: 'POST', url: '/v1/meetings', as: 'governance', body }), 201);
    expect(review.body.plans.map((plan: { kind: string }) => plan.kind)).toEqual(['review', 'review']);
    const reviewed = (await planEvents(api, planIds[0])).at(-1)!;
    expect(reviewed).toMatchObject({ type: 'ProgressReviewed', data: { committee: Q1_SERVICE_PANEL.committee, meetingDate: '2024-07-16', comments: ['Q1 on track'], meetingId: review.body.meetingId } });
    const plan = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planIds[0]}?waitFor=${review.body.position}`, as: 'reporting' }), 200);
    expect(plan.body.status).toBe('approved');
    expect(plan.body.scrutiny.at(-1)).toMatchObject({ kind: 'review', committee: Q1_SERVICE_PANEL.committee, meetingId: review.body.meetingId });
    expect((await planEvents(api, planIds[0])).some((event) => event.type === 'PlanReopenedForRevision')).toBe(false);
    const versions = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planIds[0]}/versions`, as: 'reporting' }), 200);
    expect(versions.body.unpublished).toEqual([]);
  });

  it('refuses a decision when one plan is not ready, approving none and naming it and why', async () => {
    const ids = await draftThreePlans(api.send, '-refused');
    expectStatus(await api.send({ method: 'POST', url: '/v1/meetings', as: 'governance', body: minute126(ids) }), 201);
    // Communities changed its plan after version 1 and published nothing since.
    expectStatus(await api.send({ method: 'POST', url: `/v1/plans/${ids[1]}/priorities`, as: 'editor', body: { ref: '2', title: 'Added late', themes: ['People'], outcomes: [] } }), 201);
    const before = await everyEventCount(api);
    const refused = expectStatus(await api.send({ method: 'POST', url: '/v1/decisions', as: 'governance', body: cabinet(ids, 'Cabinet 4 April 2024: refused') }), 422);
    expect(refused.body.message).toBe(
      `No plan was approved, because one plan cannot take it: plan '${ids[1]}': The plan has changed since version 1 was published: publish the version to be approved first.`,
    );
    expect(await everyEventCount(api)).toBe(before);

    const early = expectStatus(
      await api.send({ method: 'POST', url: '/v1/decisions', as: 'governance', body: { ...cabinet([ids[0], ids[2]], 'Cabinet early'), meetingDate: '2024-03-01' } }),
      422,
    );
    expect(early.body.message).toMatch(/^No plan was approved, because 2 plans cannot take it:/);
    expect(early.body.message).toContain(`plan '${ids[0]}': The decision of 2024-03-01 would come before the plan's scrutiny`);
    expect(await everyEventCount(api)).toBe(before);
  });

  it('refuses hostile input with a clear 4xx, writing nothing', async () => {
    const before = await everyEventCount(api);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[unknown, number, RegExp]> = [
      [{ ...cabinet(planIds, 'No plans'), plans: [] }, 422, /^Name at least one plan this decision covers\.$/],
      [{ ...cabinet(planIds, 'Twice'), plans: [{ planId: planIds[0] }, { planId: planIds[0] }] }, 422, /is named more than once/],
      [{ ...cabinet(planIds), meetingDate: tomorrow, decisionRef: 'Future' }, 422, /is in the future/],
      [{ ...cabinet(planIds, 'All'), plans: 'all' }, 400, /^plans: must be a list of objects$/],
      [{ ...cabinet(['no-such-plan']), decisionRef: 'Unknown plan' }, 422, /plan 'no-such-plan': Plan no-such-plan was not found/],
    ];
    for (const [body, status, message] of cases) {
      const answer = expectStatus(await api.send({ method: 'POST', url: '/v1/decisions', as: 'governance', body }), status);
      expect(String(answer.body.message)).toMatch(message);
    }
    const noDate = expectStatus(await api.send({ method: 'POST', url: '/v1/meetings', as: 'governance', body: { ...minute126(planIds), meetingDate: '19/03/2024' } }), 400);
    expect(noDate.body.message).toEqual([expect.stringContaining('meetingDate')]);
    expect(await everyEventCount(api)).toBe(before);
  });

  it('lets governance alone record meetings and decisions, and each council see only its own', async () => {
    const before = await everyEventCount(api);
    expectStatus(await api.send({ method: 'POST', url: '/v1/meetings', as: 'editor', body: minute126(planIds) }), 403);
    expectStatus(await api.send({ method: 'POST', url: '/v1/decisions', as: 'officer', body: cabinet(planIds, 'By an officer') }), 403);
    const rushmoor = { role: 'governance' as const, council: 'rushmoor' };
    expectStatus(await api.send({ method: 'GET', url: `/v1/decisions/${decision.body.decisionId}`, as: rushmoor }), 404);
    expectStatus(await api.send({ method: 'GET', url: `/v1/meetings/${meeting.body.meetingId}`, as: rushmoor }), 404);
    const theirs = expectStatus(await api.send({ method: 'POST', url: '/v1/decisions', as: rushmoor, body: cabinet(planIds, 'Rushmoor Cabinet') }), 422);
    expect(theirs.body.message).toContain(`plan '${planIds[0]}': Plan ${planIds[0]} was not found`);
    expect(await everyEventCount(api)).toBe(before);
  });
});

describe('A meeting or a Cabinet decision interrupted part-way', () => {
  /** A process that stops once the record (of this prefix) and the first plan's event after it are written. */
  const stopsAfterTheFirstPlan = (prefix: string) => (opened: EventStore) =>
    new StoppingEventStore(opened, (appended) => {
      const recordAt = appended.findIndex((streamId) => streamId.startsWith(prefix));
      return recordAt >= 0 && appended.length > recordAt + 1;
    });

  it("is completed when the application starts again: the meeting entered on every plan's stream exactly once", async () => {
    const first = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' }, wrapEventStore: stopsAfterTheFirstPlan(MEETING_STREAM_PREFIX) });
    const planIds = await draftThreePlans(first.send, '');
    expect((await first.send({ method: 'POST', url: '/v1/meetings', as: 'governance', body: minute126(planIds) })).status).toBe(500);
    const scrutinyOf = async (api: TestApp) =>
      Promise.all(planIds.map(async (planId) => (await planEvents(api, planId)).filter((event) => event.type === 'ScrutinyCommentsRecorded').map((event) => event.data.meetingId)));
    const [[meetingId], ...others] = await scrutinyOf(first);
    expect(others).toEqual([[], []]);
    await first.close({ keepData: true });

    const restarted = await startTestApp({ dataDir: first.dataDir, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    try {
      expect(await scrutinyOf(restarted)).toEqual([[meetingId], [meetingId], [meetingId]]);
      const read = expectStatus(await restarted.send({ method: 'GET', url: `/v1/meetings/${meetingId}`, as: 'auditor' }), 200);
      expect(read.body).toMatchObject({ status: 'entered', minuteRef: 'minute 126', plans: planIds.map((planId) => ({ planId, kind: 'scrutiny', entry: expect.any(Object) })) });
    } finally {
      await restarted.close();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });

  it('is completed when the application starts again: every plan of the decision approved exactly once', async () => {
    let stopping: StoppingEventStore | undefined;
    const first = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000' },
      wrapEventStore: (opened) => (stopping = stopsAfterTheFirstPlan(DECISION_STREAM_PREFIX)(opened)),
    });
    const planIds = await draftThreePlans(first.send, '');
    const interrupted = await first.send({ method: 'POST', url: '/v1/decisions', as: 'governance', body: cabinet(planIds) });
    expect(interrupted.status).toBe(500);
    expect(stopping!.appended.slice(-2)).toEqual([expect.stringMatching(/^councilDecision-hart\//), planStreamId(planKey(COUNCIL, planIds[0]))]);
    const approvalsOf = async (api: TestApp) =>
      Promise.all(planIds.map(async (planId) => (await planEvents(api, planId)).filter((event) => event.type === 'PlanApproved').length));
    expect(await approvalsOf(first)).toEqual([1, 0, 0]);
    await first.close({ keepData: true });

    const restarted = await startTestApp({ dataDir: first.dataDir, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    try {
      expect(await approvalsOf(restarted)).toEqual([1, 1, 1]);
      const decisionStreams = (await restarted.get<EventStore>(EVENT_STORE).readAll({ filter: { streamPrefixes: [DECISION_STREAM_PREFIX] } })).map((event) => event.type);
      expect(decisionStreams).toEqual(['DecisionTaken', 'DecisionEnteredOnPlans']);

      const asked = expectStatus(await restarted.send({ method: 'POST', url: '/v1/decisions', as: 'governance', body: cabinet(planIds) }), 201);
      expect(asked.body).toMatchObject({ status: 'entered', plans: planIds.map((planId) => ({ planId, versionLabel: '1', entry: expect.any(Object) })) });
      expect(await approvalsOf(restarted)).toEqual([1, 1, 1]);
      for (const planId of planIds) {
        const approved = (await planEvents(restarted, planId)).filter((event) => event.type === 'PlanApproved');
        expect(approved[0].data).toMatchObject({ decisionRef: CABINET_4_APRIL_2024.decisionRef, versionLabel: '1' });
        const table = expectStatus(await restarted.send({ method: 'GET', url: `/v1/plans/${planId}/versions?waitFor=${asked.body.position}`, as: 'reporting' }), 200);
        expect(table.body.rows.map((row: { approvedBy: unknown }) => row.approvedBy)).toEqual([
          { body: 'Cabinet', date: '2024-04-04', decisionRef: CABINET_4_APRIL_2024.decisionRef },
        ]);
      }
    } finally {
      await restarted.close();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});
