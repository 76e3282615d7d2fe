import { CommandApi, enterSmallPlan, expectStatus, type Answer, type Send } from './plan-commands.support';

/**
 * Every refusal the application decides, answered whole: status, body and the headers a client acts
 * on. The statuses are decided in one place, the error filter; these answers are what clients were
 * written against, so they must not change when that place does.
 */
describe('Refusals answered in the one error shape', () => {
  let api: CommandApi;
  let planId: string;

  /** The answer, after checking that the plan's stream is as it was. */
  async function refused(request: Send): Promise<Answer> {
    const before = await api.eventCount(planId);
    const answer = await api.send(request);
    expect(await api.eventCount(planId)).toBe(before);
    return answer;
  }

  const revision = async () => (await api.eventCount(planId)) - 1;
  const progress = (headers: Record<string, string> = {}, percentComplete = 10): Send => ({
    method: 'POST',
    url: `/v1/plans/${planId}/priorities/1/progress`,
    as: 'officer',
    headers,
    body: { period: '2023/24-Q1', percentComplete, status: 'on-track' },
  });

  beforeAll(async () => {
    api = await CommandApi.start();
    planId = await enterSmallPlan(api);
  });

  afterAll(() => api.close());

  describe('plans that cannot be found', () => {
    it('answers a command on a missing plan with 404 and no revision', async () => {
      const answer = await api.send({ ...progress(), url: '/v1/plans/no-such-plan/priorities/1/progress' });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Plan no-such-plan was not found' });
      expect(answer.headers.etag).toBeUndefined();
    });

    it('answers a read of another council\'s plan with the same 404 as a missing one', async () => {
      const answer = await api.send({ method: 'GET', url: `/v1/plans/${planId}`, as: { role: 'auditor', council: 'three-rivers' } });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Plan ${planId} was not found` });
    });

    it('answers a version the plan never published with 404 naming it', async () => {
      const answer = await api.send({ method: 'GET', url: `/v1/plans/${planId}?version=9`, as: 'auditor' });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Plan ${planId} has no version '9'` });
    });

    it('answers an instant before the plan was drafted with 404 naming the instant', async () => {
      const answer = await api.send({ method: 'GET', url: `/v1/plans/${planId}?asOf=2001-01-01T00:00:00Z`, as: 'auditor' });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: `Plan ${planId} did not exist yet at 2001-01-01T00:00:00.000Z`,
      });
    });
  });

  it('answers a caller outside the plan\'s service with 403 and no revision', async () => {
    const answer = await refused({ ...progress(), as: { role: 'officer', council: 'hart', services: ['Environmental Health'] } });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ statusCode: 403, error: 'Forbidden', message: "You are not assigned to the service 'Corporate Services'" });
    expect(answer.headers.etag).toBeUndefined();
  });

  it('answers a stale If-Match with 412 stating the revision, in the body and the ETag', async () => {
    const current = await revision();
    const answer = await refused(progress({ 'if-match': `"${current - 1}"` }));
    expect(answer.status).toBe(412);
    expect(answer.body).toEqual({
      statusCode: 412,
      error: 'Precondition Failed',
      message: `The plan is at revision ${current}, not revision ${current - 1} as If-Match says; reload it and try again`,
      currentRevision: current,
      currentVersion: current,
    });
    expect(answer.headers.etag).toBe(`"${current}"`);
  });

  it('answers an If-Match on a plan not drafted yet with 412 and no revision', async () => {
    const answer = await api.send({
      method: 'POST',
      url: '/v1/plans',
      as: 'editor',
      headers: { 'if-match': '"0"' },
      body: { planId: 'not-drafted-yet', title: 'Corporate Services 2024/25', service: 'Corporate Services', period: '2024/25' },
    });
    expect(answer.status).toBe(412);
    expect(answer.body).toEqual({
      statusCode: 412,
      error: 'Precondition Failed',
      message: 'The plan does not exist yet, not revision 0 as If-Match says; reload it and try again',
    });
    expect(answer.headers.etag).toBeUndefined();
    expect(await api.eventCount('not-drafted-yet')).toBe(0);
  });

  it('answers an Idempotency-Key reused for another request with 422 stating the revision', async () => {
    expectStatus(await api.send(progress({ 'idempotency-key': 'error-answers-1' })), 201);
    const current = await revision();
    const answer = await refused(progress({ 'idempotency-key': 'error-answers-1' }, 20));
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'This Idempotency-Key was already used for a different request',
      currentRevision: current,
      currentVersion: current,
    });
    expect(answer.headers.etag).toBe(`"${current}"`);
  });

  it('answers a command the plan\'s rules refuse with the status of the refusal, stating the revision', async () => {
    const current = await revision();
    const answer = await refused({
      method: 'POST',
      url: `/v1/plans/${planId}/priorities`,
      as: 'editor',
      body: { ref: '1', title: 'Another first priority', themes: ['People'], outcomes: [] },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: "Priority '1' is already in this plan: choose another reference.",
      currentRevision: current,
      currentVersion: current,
    });
    expect(answer.headers.etag).toBe(`"${current}"`);
  });

  it('answers a plan id already taken with 409 stating the revision', async () => {
    const current = await revision();
    const answer = await refused({
      method: 'POST',
      url: '/v1/plans',
      as: 'editor',
      body: { planId, title: 'Corporate Services again', service: 'Corporate Services', period: '2023/24' },
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringContaining(planId),
      currentRevision: current,
      currentVersion: current,
    });
    expect(answer.headers.etag).toBe(`"${current}"`);
  });

  describe('headers and parameters that are not what they must be', () => {
    it('answers an If-Match that is no revision with 400 listing it', async () => {
      const answer = await refused(progress({ 'if-match': 'yesterday' }));
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: ['If-Match: must be the plan\'s revision in quotes, as its ETag gives it, such as "3"'],
      });
    });

    it('answers an Idempotency-Key of characters it may not hold with 400 listing it', async () => {
      const answer = await refused(progress({ 'idempotency-key': 'two words' }));
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: ['Idempotency-Key: must be 1 to 200 visible ASCII characters'],
      });
    });

    it('answers a period in the path that is no period with 400 naming the parameter', async () => {
      const answer = await api.send({ method: 'GET', url: `/v1/plans/${planId}/reports/2023-Q9`, as: 'auditor' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: "period: '2023-Q9' is not a period: write a financial year as 2023/24, a quarter as 2023/24-Q2 or a month as 2023/24-M07.",
      });
    });

    it('answers a reference in the path that no reference may be with 400 naming the parameter', async () => {
      const answer = await refused({ ...progress(), url: `/v1/plans/${planId}/priorities/${encodeURIComponent('1;drop')}/progress` });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'ref: must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not U+003B',
      });
    });

    it('answers a period in the query that is no period with 400 naming the parameter', async () => {
      const answer = await api.send({ method: 'GET', url: '/v1/plans?period=2023-24-Q2', as: 'auditor' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: "period: A plan covers whole financial years, and '2023-24-Q2' is a quarter: write the year, for example 2023/24.",
      });
    });
  });
});
