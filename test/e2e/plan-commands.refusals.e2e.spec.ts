import { CommandApi, enterSmallPlan, expectStatus, type Answer, type Send } from './plan-commands.support';

/** Sends the request and checks it wrote nothing to the plan's stream. */
async function refused(api: CommandApi, planId: string, request: Send): Promise<Answer> {
  const before = await api.eventCount(planId);
  const answer = await api.send(request);
  expect(await api.eventCount(planId)).toBe(before);
  return answer;
}

describe('Plan commands refused: the status, the sentence, and no event written', () => {
  let api: CommandApi;
  let planId: string;

  beforeAll(async () => {
    api = await CommandApi.start();
    planId = await enterSmallPlan(api);
  });

  afterAll(() => api.close());

  it('names every offending field of an invalid body with 400', async () => {
    const answer = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/priorities`,
      as: 'editor',
      body: { ref: '   ', title: 5, themes: 'People', outcomes: [{ description: '' }], colour: 'red' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('Bad Request');
    expect([...answer.body.message].sort()).toEqual([
      'colour: should not exist',
      'outcomes[0].description: must not be blank',
      'ref: must not be blank',
      'themes: must be a list of texts',
      'title: must be text',
    ]);
  });

  it('refuses an indicator with a polarity and unit outside the contract\'s values', async () => {
    const answer = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/indicators`,
      as: 'editor',
      body: {
        code: 'CP99',
        title: 'A made-up indicator',
        unit: 'bins',
        polarity: 'up',
        basis: 'period',
        frequency: 'quarterly',
        targets: [{ period: 'Q5 of next year', value: 3 }],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual(
      expect.arrayContaining([
        'unit: must be one of: percent, number, count, currency, days, rate-per-100k, date, yes-no',
        'polarity: must be one of: higher-is-better, lower-is-better, on-target-is-best',
        expect.stringMatching(/^targets\[0\]\.period: 'Q5 of next year' is not a period/),
      ]),
    );
  });

  it('refuses progress above 100% with the domain\'s sentence', async () => {
    const answer = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/priorities/1/progress`,
      as: 'officer',
      body: { period: '2023-24-Q1', percentComplete: 120, status: 'on-track' },
    });
    const current = (await api.eventCount(planId)) - 1;
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'Progress is a percentage from 0 to 100: 120% is not.',
      currentRevision: current,
      currentVersion: current,
    });
    expect(answer.headers.etag).toBe(`"${current}"`);
  });

  it('refuses progress not started at 90% and a percentage actual of -5, each in a sentence', async () => {
    const notStarted = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/priorities/1/progress`,
      as: 'officer',
      body: { period: '2023-24-Q1', percentComplete: 90, status: 'not-started' },
    });
    expect(notStarted.status).toBe(422);
    expect(notStarted.body.message).toBe(
      'Progress marked not-started must be 0% complete, not 90%: record 0%, or choose the status the work has reached.',
    );
    const negative = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP7/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q1', value: -5 },
    });
    expect(negative.status).toBe(422);
    expect(negative.body.message).toBe(
      'CP7 is a percentage, from 0 to 100: -5% for 2023/24-Q1 cannot be. Record the figure as a percentage of the whole.',
    );
  });

  it('refuses an actual for a period outside the plan', async () => {
    const answer = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP7/actuals`,
      as: 'officer',
      body: { period: '2024/25-Q1', value: 30.1 },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toMatch(/^2024\/25-Q1 is outside this plan's period/);
  });

  it('refuses a second actual for a period without a reason', async () => {
    expectStatus(
      await api.send({
        method: 'POST',
        url: `/v1/plans/${planId}/indicators/CP7/actuals`,
        as: 'officer',
        body: { period: '2023/24-Q1', value: 29.5 },
      }),
      201,
    );
    const answer = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP7/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q1', value: 29.1 },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe('Give a reason for restating the actual for CP7 in 2023/24-Q1, already recorded as 29.5.');
  });

  it('refuses a target change without a reason', async () => {
    const answer = await refused(api, planId, {
      method: 'PUT',
      url: `/v1/plans/${planId}/indicators/CP7/targets/2023-24`,
      as: 'editor',
      body: { value: 97 },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toMatch(/^Give a reason for changing the target for CP7 in 2023\/24 from /);
  });

  it('refuses a priority reference already in the plan', async () => {
    const answer = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/priorities`,
      as: 'editor',
      body: { ref: '1', title: 'Another first priority', themes: ['People'], outcomes: [] },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe("Priority '1' is already in this plan: choose another reference.");
  });

  it('refuses a version when nothing changed since the last one', async () => {
    expectStatus(
      await api.send({ method: 'POST', url: `/v1/plans/${planId}/versions`, as: 'editor', body: { reason: 'First draft' } }),
      201,
    );
    const answer = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/versions`,
      as: 'editor',
      body: { reason: 'Again' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe('Nothing has changed since version 1 was published: there is nothing new to publish.');
  });

  it('answers 404 for a plan that does not exist, and for one of another council', async () => {
    const unknown = await api.send({
      method: 'POST',
      url: '/v1/plans/no-such-plan/priorities',
      as: 'editor',
      body: { ref: '1', title: 'Anything', themes: [], outcomes: [] },
    });
    expect(unknown.status).toBe(404);
    expect(await api.eventCount('no-such-plan')).toBe(0);

    const otherCouncil = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/priorities/1/progress`,
      as: { role: 'officer', council: 'three-rivers' },
      body: { period: '2023/24-Q1', percentComplete: 10, status: 'on-track' },
    });
    expect(otherCouncil.status).toBe(404);
    // Another council's plan answers exactly as a missing one, so its existence does not leak.
    expect(otherCouncil.body.message).toBe(`Plan ${planId} was not found`);
    expect(unknown.body.message).toBe('Plan no-such-plan was not found');
    expect(otherCouncil.headers.etag).toBeUndefined();
    expect(unknown.headers.etag).toBeUndefined();
  });

  it('states no revision to a caller outside the plan\'s service', async () => {
    const otherService = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/priorities/1/progress`,
      as: { role: 'officer', council: 'hart', services: ['Environmental Health'] },
      body: { period: '2023/24-Q1', percentComplete: 10, status: 'on-track' },
    });
    expect(otherService.status).toBe(403);
    expect(otherService.body).not.toHaveProperty('currentRevision');
    expect(otherService.headers.etag).toBeUndefined();
  });

  it('answers 400 naming the parameter for a target period in the path that is not a period', async () => {
    const answer = await refused(api, planId, {
      method: 'PUT',
      url: `/v1/plans/${planId}/indicators/CP7/targets/2023-Q9`,
      as: 'editor',
      body: { value: 97, reason: 'Raised after O&S comments' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe("period: '2023-Q9' is not a period: write a financial year as 2023/24, a quarter as 2023/24-Q2 or a month as 2023/24-M07.");
  });

  it('answers 412 naming the current revision for a stale If-Match, and applies a current one', async () => {
    const current = (await api.eventCount(planId)) - 1;
    const stale = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/priorities/1/progress`,
      as: 'officer',
      headers: { 'if-match': `"${current - 1}"` },
      body: { period: '2023/24-Q1', percentComplete: 10, status: 'on-track' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.message).toBe(
      `The plan is at revision ${current}, not revision ${current - 1} as If-Match says; reload it and try again`,
    );
    expect(stale.body.currentRevision).toBe(current);
    expect(stale.headers.etag).toBe(`"${current}"`);

    const fresh = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/priorities/1/progress`,
      as: 'officer',
      headers: { 'if-match': `"${current}"` },
      body: { period: '2023/24-Q1', percentComplete: 10, status: 'on-track' },
    });
    expect(expectStatus(fresh, 201).body.revision).toBe(current + 1);
    expect(fresh.headers.etag).toBe(`"${current + 1}"`);
  });

  it('refuses a role the access table does not allow for the operation', async () => {
    const answer = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/priorities/1/progress`,
      as: 'editor',
      body: { period: '2023/24-Q1', percentComplete: 10, status: 'on-track' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.etag).toBeUndefined();
  });

  it('refuses any change to a closed plan', async () => {
    expectStatus(
      await api.send({ method: 'POST', url: `/v1/plans/${planId}/close`, as: 'editor', body: { reason: 'Superseded by the 2024/25 plan' } }),
      200,
    );
    const answer = await refused(api, planId, {
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP7/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q2', value: 57.8 },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe('The plan "Service Plan 2023/24: Corporate Services" is closed: nothing in it can be changed.');
  });
});
