import { planKey, planStreamId, sealEvent } from '@app/domain';
import { EVENT_STORE, type EventMetadata, type EventStore } from '@app/event-store';
import { Projector } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { readsPlanStreams } from '../support/plan-stream-projections';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Events as they lie in the store, older schemas and unreadable ones, seen through the whole system:
 * the command side's load, the projector and the HTTP answers.
 */
describe('stored events through the running system', () => {
  let api: TestApp;

  beforeEach(async () => {
    api = await startTestApp();
  });

  afterEach(() => api.close());

  /** Appends events as an earlier release of the code stored them, hash chain included. */
  async function appendAsStored(planId: string, events: Array<{ type: string; data: object; schemaVersion: number }>) {
    const streamId = planStreamId(planKey('hart', planId));
    let previousHash: string | null = null;
    const sealed = events.map(({ type, data, schemaVersion }, revision) => {
      const metadata: EventMetadata = sealEvent(
        {
          streamId,
          revision,
          type,
          data: { planId, ...data },
          metadata: { actor: { id: 'editor@hart', name: 'Plan Editor', role: 'editor' }, schemaVersion },
        },
        previousHash,
      );
      previousHash = metadata.hash as string;
      return { id: randomUUID(), type, data: { planId, ...data }, metadata };
    });
    const result = await api.get<EventStore>(EVENT_STORE).appendToStream(streamId, sealed, { expectedRevision: 'no_stream' });
    await api.get(Projector).waitFor(result.position, 10_000);
    return result;
  }

  /** /health once no projection is still working through the events (each stops on its own). */
  async function healthOnceSettled() {
    for (let attempt = 0; ; attempt += 1) {
      const health = await api.inject({ method: 'GET', url: '/health' });
      const { status: _status, ...projections } = health.json().details.projections;
      const settled = Object.values(projections).every((p) => (p as { state: string }).state !== 'catching-up');
      if (settled || attempt === 100) return health;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const drafted = {
    type: 'PlanDrafted',
    schemaVersion: 1,
    data: {
      council: 'hart',
      service: 'Corporate Services',
      title: 'Service Plan 2023/24: Corporate Services',
      period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
      owner: null,
    },
  };

  it('reads an IndicatorDefined stored at schema version 1, before indicators had a tolerance', async () => {
    const planId = randomUUID();
    await appendAsStored(planId, [
      drafted,
      {
        type: 'IndicatorDefined',
        schemaVersion: 1,
        data: {
          code: 'CP7',
          title: 'Percentage of Council Tax collected',
          description: null,
          unit: 'percent',
          polarity: 'higher-is-better',
          basis: 'cumulative-ytd',
          frequency: 'quarterly',
          targets: [{ period: '2023/24', value: 98, text: null, comparison: 'at-least' }],
        },
      },
    ]);

    const plan = await api.send({ method: 'GET', url: `/v1/plans/${planId}`, as: 'auditor' });
    expect(plan.status).toBe(200);
    expect(plan.body.indicators[0]).toMatchObject({ code: 'CP7', tolerance: 5 });

    // The command side reads the old event too: an actual is judged against the default tolerance.
    const recorded = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP7/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q4', value: 93.2 },
    });
    expect(recorded.status).toBe(201);
    const report = await api.send({
      method: 'GET',
      url: `/v1/plans/${planId}/reports/2023-24-Q4?waitFor=${recorded.body.position}`,
      as: 'reporting',
    });
    expect(report.body.indicators[0]).toMatchObject({ code: 'CP7', rag: 'amber' });

    const integrity = await api.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'auditor' });
    expect(integrity.body).toMatchObject({ ok: true, eventsChecked: 3 });
  });

  it('reads targets and actuals stored before comparisons were explicit with the ratings they were given, new actuals too', async () => {
    const planId = randomUUID();
    // As stored then: CP10 entered as higher-is-better by mistake, its figure read out of its words and
    // its comparison from them too, while every actual was rated by the polarity alone (45 green).
    const wordsTarget = { period: '2023/24', value: 40, text: 'no more than 40 per 100,000', comparison: 'at-most' };
    const cp10 = { code: 'CP10', unit: 'rate-per-100k', polarity: 'higher-is-better' };
    await appendAsStored(planId, [
      drafted,
      {
        type: 'IndicatorDefined',
        schemaVersion: 2,
        data: { ...cp10, title: 'Missed bins', description: null, basis: 'period', frequency: 'quarterly', tolerance: 5, targets: [wordsTarget] },
      },
      {
        type: 'TargetSet',
        schemaVersion: 1,
        data: { ...cp10, target: { period: '2023/24-Q2', value: null, text: 'TBA', comparison: 'at-least' }, reason: null, authority: null },
      },
      {
        type: 'ActualRecorded',
        schemaVersion: 1,
        data: { ...cp10, period: '2023/24-Q1', value: 45, commentary: null, assessedAgainst: { target: wordsTarget, source: 'year', tolerancePercent: 5 } },
      },
    ]);

    const q1 = await api.send({ method: 'GET', url: `/v1/plans/${planId}/reports/2023-24-Q1`, as: 'reporting' });
    expect(q1.body.indicators[0]).toMatchObject({
      actual: 45,
      rag: 'green',
      target: { value: 40, upper: null, comparison: 'at-least', text: 'no more than 40 per 100,000' },
    });
    const q2 = await api.send({ method: 'GET', url: `/v1/plans/${planId}/reports/2023-24-Q2`, as: 'reporting' });
    expect(q2.body.indicators[0]).toMatchObject({ target: { value: null, comparison: null, text: 'TBA' }, targetNote: 'Target to be set' });

    // The command side reads them the same way: a new actual at 45 against the stored year target is green, as before.
    const recorded = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP10/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q3', value: 45 },
    });
    expect(recorded.status).toBe(201);
    const q3 = await api.send({ method: 'GET', url: `/v1/plans/${planId}/reports/2023-24-Q3?waitFor=${recorded.body.position}`, as: 'reporting' });
    expect(q3.body.indicators[0]).toMatchObject({ actual: 45, rag: 'green' });
  });

  it('reads an actual stored at schema version 3, before data-quality notes, as one without them, and restates it with its own', async () => {
    const planId = randomUUID();
    const cp10 = { code: 'CP10', unit: 'rate-per-100k', polarity: 'lower-is-better' };
    const yearTarget = { period: '2023/24', value: 40, upper: null, text: null, comparison: 'at-most' };
    await appendAsStored(planId, [
      drafted,
      {
        type: 'IndicatorDefined',
        schemaVersion: 4,
        data: { ...cp10, title: 'Missed bins', description: null, basis: 'period', frequency: 'quarterly', tolerance: 5, toleranceAbsolute: null, themeId: null, targets: [yearTarget] },
      },
      {
        type: 'ActualRecorded',
        schemaVersion: 3,
        data: {
          ...cp10,
          period: '2023/24-Q1',
          value: 35,
          commentary: null,
          recordedBy: 'sam.reed@hart',
          assessedAgainst: { target: yearTarget, source: 'year', tolerancePercent: 5, toleranceAbsolute: null },
        },
      },
    ]);
    const before = await api.send({ method: 'GET', url: `/v1/plans/${planId}/reports/2023-24-Q1`, as: 'reporting' });
    expect(before.body.indicators[0]).toMatchObject({ actual: 35, actualSource: null, actualMethod: null, actualCaveats: null });

    const restated = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP10/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q1', value: 35, caveats: 'One round estimated', reason: 'Caveat added' },
    });
    expect(restated.status).toBe(201);
    const after = await api.send({ method: 'GET', url: `/v1/plans/${planId}/reports/2023-24-Q1?waitFor=${restated.body.position}`, as: 'reporting' });
    expect(after.body.indicators[0]).toMatchObject({ actual: 35, restated: true, actualSource: null, actualCaveats: 'One round estimated' });
  });

  it('reads priority events stored at schema version 1, before kinds, sponsors and dues, as priorities', async () => {
    const planId = randomUUID();
    const outcome = { ref: '1', description: 'Full supported IT infrastructure', targetDate: { text: 'September 2023', date: '2023-09-30' } };
    await appendAsStored(planId, [
      drafted,
      {
        type: 'PriorityAdded',
        schemaVersion: 1,
        data: { ref: '10', title: 'IT - On-premises server upgrade', themes: ['Resilient and financially sound council'], objective: null, outcomes: [outcome] },
      },
      {
        type: 'OutcomeAdded',
        schemaVersion: 1,
        data: { priorityRef: '10', outcome: { ref: '2', description: 'Servers decommissioned', targetDate: null }, reason: 'Decommissioning added' },
      },
    ]);

    const plan = await api.send({ method: 'GET', url: `/v1/plans/${planId}`, as: 'auditor' });
    expect(plan.body.priorities[0]).toMatchObject({
      ref: '10',
      kind: 'priority',
      sponsor: null,
      manager: null,
      outcomes: [
        { ...outcome, due: null },
        { ref: '2', targetDate: null, due: null },
      ],
    });
    const history = await api.send({ method: 'GET', url: `/v1/plans/${planId}/history?ref=10`, as: 'auditor' });
    expect(history.body.items.map((item: { summary: string }) => item.summary)).toEqual([
      'Priority 10 added: IT - On-premises server upgrade',
      'Outcome 2 added to priority 10: Servers decommissioned',
    ]);

    // The command side reads them too: the priority becomes a project, its outcome words still date it.
    const revised = await api.send({
      method: 'PATCH',
      url: `/v1/plans/${planId}/priorities/10`,
      as: 'editor',
      body: { kind: 'project', sponsor: 'Head of Corporate Services', reason: 'Run as a project' },
    });
    expect(revised.status).toBe(200);
    const report = await api.send({
      method: 'GET',
      url: `/v1/plans/${planId}/reports/2023-24-Q3?waitFor=${revised.body.position}`,
      as: 'reporting',
    });
    expect(report.body.priorities[0]).toMatchObject({
      kind: 'project',
      milestones: [
        { ref: '1', due: '2023-09-30', overdue: true },
        { ref: '2', due: null, overdue: false },
      ],
    });
  });

  it('stops the projections at an event they cannot read and reports it on /health', async () => {
    const planId = randomUUID();
    const { position } = await appendAsStored(planId, [{ ...drafted, schemaVersion: 99 }]);

    const health = await healthOnceSettled();
    expect(health.statusCode).toBe(503);
    const { status, ...projections } = health.json().details.projections;
    expect(status).toBe('down');
    for (const [name, projection] of Object.entries(projections)) {
      expect(projection).toMatchObject(
        readsPlanStreams(name)
          ? { state: 'failed', error: { position, eventType: 'PlanDrafted', message: expect.stringContaining('schema version 99') } }
          : { state: 'live' },
      );
    }

    const list = await api.send({ method: 'GET', url: '/v1/plans', as: 'auditor' });
    expect(list.body.items).toEqual([]);
  });
});
