import {
  HART_GOVERNANCE,
  HART_ILLUSTRATIVE_ACTUALS,
  HART_INDICATORS,
  HART_PRIORITIES,
  HART_QUARTERS,
} from '../fixtures/hart-2023-24';
import { CommandApi, enterHartPlan, expectStatus, type Answer } from './plan-commands.support';

function countByType(events: Array<{ type: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { type } of events) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Where each priority stands at the end of each quarter; two do not finish within the year. */
function progressFor(ref: string, quarter: number): { percentComplete: number; status: string; commentary?: string } {
  if (ref === '15' && quarter === 3) return { percentComplete: 60, status: 'slipped', commentary: 'Action slipped to Q4' };
  if ((ref === '13' || ref === '14') && quarter === 4) return { percentComplete: 80, status: 'on-track' };
  return { percentComplete: quarter * 25, status: quarter === 4 ? 'completed' : 'on-track' };
}

describe('The Hart 2023/24 Corporate Services plan, entered through the command API', () => {
  let api: CommandApi;
  let planId: string;
  const answers: Answer[] = [];
  const governed = (answer: Answer): Answer => {
    answers.push(answer);
    return answer;
  };

  beforeAll(async () => {
    api = await CommandApi.start();
  });

  afterAll(() => api.close());

  it('drafts the plan with its 19 priorities and 13 indicators', async () => {
    planId = await enterHartPlan(api);
    const events = await api.events(planId);
    expect(countByType(events)).toEqual({ PlanDrafted: 1, PriorityAdded: 19, IndicatorDefined: 13 });
    const cp10 = events.find((event) => event.type === 'IndicatorDefined' && event.data.code === 'CP10');
    expect(cp10?.data).toMatchObject({ polarity: 'lower-is-better', unit: 'rate-per-100k', targets: [{ period: '2023/24', value: 40 }] });
    const priority3 = events.find((event) => event.type === 'PriorityAdded' && event.data.ref === '3');
    expect((priority3?.data.outcomes as Array<{ targetDate: { text: string } }>).map((o) => o.targetDate.text)).toEqual([
      'July 2023',
      'June 2023',
      'Ongoing',
      'March 2024',
    ]);
  });

  it('takes it through version 1, scrutiny, a target change, version 2 and approval', async () => {
    const { version1, submission, scrutiny, targetChange, version2, approval } = HART_GOVERNANCE;
    const before = await api.eventCount(planId);

    const v1 = governed(await api.send({ method: 'POST', url: `/v1/plans/${planId}/versions`, as: 'editor', body: version1 }));
    expect(expectStatus(v1, 201).body).toEqual({ planId, revision: before, version: before, position: expect.any(Number), eventIds: [expect.any(String)] });
    expect(v1.headers.etag).toBe(`"${before}"`);

    expectStatus(governed(await api.send({ method: 'POST', url: `/v1/plans/${planId}/submission`, as: 'editor', body: submission })), 200);
    expectStatus(governed(await api.send({ method: 'POST', url: `/v1/plans/${planId}/scrutiny`, as: 'governance', body: scrutiny })), 201);

    const { code, period, ...change } = targetChange;
    const changed = governed(
      await api.send({
        method: 'PUT',
        url: `/v1/plans/${planId}/indicators/${code}/targets/${period}`,
        as: 'editor',
        headers: { 'x-request-id': 'req-cp5-target', 'x-correlation-id': 'os-minute-126' },
        body: change,
      }),
    );
    expectStatus(changed, 200);

    expectStatus(governed(await api.send({ method: 'POST', url: `/v1/plans/${planId}/versions`, as: 'editor', body: version2 })), 201);
    expectStatus(governed(await api.send({ method: 'POST', url: `/v1/plans/${planId}/approval`, as: 'governance', body: approval })), 200);

    // One event per step, each answer one version further on, its position later than the one before.
    expect(answers.map((answer) => answer.body.revision)).toEqual([0, 1, 2, 3, 4, 5].map((step) => before + step));
    const positions = answers.map((answer) => answer.body.position as number);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);

    const events = (await api.events(planId)).slice(before);
    expect(events.map((event) => event.type)).toEqual([
      'VersionPublished',
      'PlanSubmittedForScrutiny',
      'ScrutinyCommentsRecorded',
      'TargetChanged',
      'VersionPublished',
      'PlanApproved',
    ]);
    expect(events.map((event) => event.id)).toEqual(answers.flatMap((answer) => answer.body.eventIds));
    expect(events[1].data).toMatchObject({ committee: 'Overview and Scrutiny Committee', versionLabel: '1' });
    expect(events[2].data).toMatchObject({ meetingDate: '2024-03-19', minuteRef: '126', comments: scrutiny.comments });
    expect(events[2].metadata.actor).toEqual({ id: 'governance@hart', name: 'Test governance', role: 'governance' });
    expect(events[3].data).toMatchObject({
      code: 'CP5',
      period: '2023/24',
      previous: { value: 70 },
      target: { value: 75 },
      reason: 'Raised to reflect O&S comments',
      authority: 'Overview and Scrutiny Committee, minute 126',
    });
    expect(events[3].metadata).toMatchObject({
      actor: { id: 'editor@hart', name: 'Test editor', role: 'editor' },
      requestId: 'req-cp5-target',
      causationId: 'req-cp5-target',
      correlationId: 'os-minute-126',
      schemaVersion: 3,
      previousHash: events[2].metadata.hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(events[4].data).toMatchObject({ label: '2', reason: 'Version updated to reflect O&S comments' });
    expect(events[5].data).toMatchObject({ body: 'Cabinet', meetingDate: '2024-04-04', versionLabel: '2' });
  });

  it('records four quarters of actuals and progress, with one restatement', async () => {
    for (const [quarterIndex, quarter] of HART_QUARTERS.entries()) {
      for (const [code, figures] of Object.entries(HART_ILLUSTRATIVE_ACTUALS)) {
        const value = figures[quarter];
        if (value === undefined) continue;
        const answer = await api.send({ method: 'POST', url: `/v1/plans/${planId}/indicators/${code}/actuals`, as: 'officer', body: { period: quarter, value } });
        expectStatus(answer, 201);
      }
      for (const { ref } of HART_PRIORITIES) {
        const answer = await api.send({
          method: 'POST',
          url: `/v1/plans/${planId}/priorities/${ref}/progress`,
          as: 'officer',
          body: { period: quarter.replace('/', '-'), ...progressFor(ref, quarterIndex + 1) },
        });
        expectStatus(answer, 201);
      }
    }
    expectStatus(
      await api.send({ method: 'POST', url: `/v1/plans/${planId}/indicators/CP12/actuals`, as: 'officer', body: { period: '2023/24', value: 24.1 } }),
      201,
    );
    const restated = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP7/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q2', value: 57.6, commentary: 'Corrected after reconciliation', reason: 'Q2 figure corrected after the reconciliation with the revenues contractor' },
    });
    expectStatus(restated, 201);

    const events = await api.events(planId);
    const quarterlyIndicators = HART_INDICATORS.filter((indicator) => indicator.frequency === 'quarterly').length;
    expect(countByType(events)).toEqual({
      PlanDrafted: 1,
      PriorityAdded: 19,
      IndicatorDefined: 13,
      VersionPublished: 2,
      PlanSubmittedForScrutiny: 1,
      ScrutinyCommentsRecorded: 1,
      TargetChanged: 1,
      PlanApproved: 1,
      ActualRecorded: quarterlyIndicators * 4 + 1,
      ActualRestated: 1,
      ProgressRecorded: 19 * 4,
    });
    expect(events).toHaveLength(165);
    expect(restated.body.revision).toBe(164);
    expect(restated.headers.etag).toBe('"164"');

    const restatement = events[164];
    expect(restatement.type).toBe('ActualRestated');
    expect(restatement.data).toMatchObject({ code: 'CP7', period: '2023/24-Q2', previous: { value: 57.8 }, value: 57.6 });
    const slipped = events.find((event) => event.type === 'ProgressRecorded' && event.data.status === 'slipped');
    expect(slipped?.data).toMatchObject({ priorityRef: '15', period: '2023/24-Q3', commentary: 'Action slipped to Q4' });
  });

  it("reports the year with each cumulative indicator's fourth-quarter outturn, which is the year's figure", async () => {
    const events = await api.events(planId);
    const position = events.at(-1)?.position;
    const read = async (period: string) =>
      api.send({ method: 'GET', url: `/v1/plans/${planId}/reports/${period}?waitFor=${position}`, as: 'reporting' });
    const row = (report: Answer, code: string) => report.body.indicators.find((indicator: { code: string }) => indicator.code === code);
    const q4 = expectStatus(await read('2023-24-Q4'), 200);
    const year = expectStatus(await read('2023-24'), 200);

    expect(row(year, 'CP7')).toMatchObject({ actual: 97.6, actualPeriod: '2023/24-Q4', target: { value: 98 }, rag: 'amber' });
    expect(row(year, 'CP7').ragReason).toBe(row(q4, 'CP7').ragReason);
    expect(row(year, 'CP6')).toMatchObject({ actual: 98.3, actualPeriod: '2023/24-Q4', rag: 'green' });
    // An annual return is the year's own; a figure for a quarter (CP10's missed bins) is not the year's.
    expect(row(year, 'CP12')).toMatchObject({ actual: 24.1, actualPeriod: '2023/24' });
    expect(row(year, 'CP10')).toMatchObject({ actual: null, actualPeriod: null, ragReason: 'No actual recorded for 2023/24' });
  });

  it('keeps the whole stream one unbroken hash chain, and the auditor\'s check agrees', async () => {
    const events = await api.events(planId);
    expect(events[0].metadata.previousHash).toBeNull();
    for (let index = 1; index < events.length; index++) {
      expect(events[index].metadata.previousHash).toBe(events[index - 1].metadata.hash);
    }
    const check = await api.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'auditor' });
    expect(expectStatus(check, 200).body).toEqual({
      planId,
      ok: true,
      eventsChecked: 165,
      firstFailure: null,
      revision: 164,
      version: 164,
      head: events[164].metadata.hash,
    });
    expect(check.headers.etag).toBe('"164"');
  });
});
