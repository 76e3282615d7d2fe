import { PublishedAnswers } from '../support/published-answers';
import { startTestApp, type Answer, type Send, type TestApp } from '../support/test-app';
import { BUDGET_LINE, INDICATOR_CP7, PLAN_DRAFT, PRIORITY_ONE, RISK_MATRIX_CELLS, RISK_R1 } from './access-matrix.routes';
import { rewriteStoredEvent } from './plan-commands.support';

/**
 * Issue 14: real answers with the statuses the access matrix does not walk (400, 404 of an item,
 * 406, 409, 412, 422, 304, 429, 503, spreadsheets, a past answer whose events fail their check),
 * each held to the schema the OpenAPI document publishes for its route, status and media type.
 * The access matrix holds every route's 200/201/202, 401, 403 and 404 the same way.
 */
describe('Answers hold to the published OpenAPI document', () => {
  let api: TestApp;
  let published: PublishedAnswers;
  let planId: string;
  let revision: number;

  /** Sends the call to the route named as the document names it, and holds the answer to the document. */
  async function call(route: string, request: Omit<Send, 'url'> & { params?: Record<string, string>; query?: string }, status: number): Promise<Answer> {
    const values: Record<string, string> = { planId, ...request.params };
    const url = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name])) + (request.query ? `?${request.query}` : '');
    const answer = await api.send({ ...request, url });
    expect({ route, status: answer.status, body: answer.body }).toMatchObject({ status });
    published.expectToMatch(request.method, route, answer);
    return answer;
  }

  beforeAll(async () => {
    api = await startTestApp();
    published = await PublishedAnswers.of(api);
    const draft = await api.send({ method: 'POST', url: '/v1/plans', as: 'editor', body: PLAN_DRAFT });
    planId = draft.body.planId;
    for (const [path, body] of [['priorities', PRIORITY_ONE], ['indicators', INDICATOR_CP7], ['budget-lines', BUDGET_LINE], ['risks', RISK_R1]] as const) {
      await api.send({ method: 'POST', url: `/v1/plans/${planId}/${path}`, as: 'editor', body });
    }
    const published1 = await api.send({ method: 'POST', url: `/v1/plans/${planId}/versions`, as: 'editor', body: { label: '1', reason: 'As drafted' } });
    revision = published1.body.revision;
    await api.send({ method: 'GET', url: `/v1/plans/${planId}?waitFor=${published1.body.position}`, as: 'editor' });
  });

  afterAll(() => api?.close());

  it('400: a body naming each field at fault, a query parameter, a period in the path, an If-Match header', async () => {
    const bad = await call('/v1/plans/{planId}/priorities', { method: 'POST', as: 'editor', body: { ref: '', outcomes: [{}] } }, 400);
    expect(bad.body.message).toEqual(expect.arrayContaining([expect.stringContaining('ref')]));
    await call('/v1/plans/{planId}', { method: 'GET', as: 'auditor', query: 'asOf=yesterday' }, 400);
    await call('/v1/plans/{planId}/reports/{period}', { method: 'GET', as: 'auditor', params: { period: '2023-24-Q5' } }, 400);
    await call('/v1/plans/{planId}/history', { method: 'GET', as: 'auditor', query: 'limit=0' }, 400);
    await call('/v1/changes', { method: 'GET', as: 'reporting', query: 'after=-1' }, 400);
    await call('/v1/plans/{planId}/close', { method: 'POST', as: 'editor', body: { reason: 'Superseded' }, headers: { 'if-match': 'soon' } }, 400);
  });

  it('404: an item the plan does not hold, a version it never published', async () => {
    await call('/v1/plans/{planId}/priorities/{ref}', { method: 'PATCH', as: 'editor', params: { ref: '99' }, body: { title: 'Renamed', reason: 'Typo' } }, 404);
    await call('/v1/plans/{planId}/versions/{from}/diff/{to}', { method: 'GET', as: 'auditor', params: { from: '1', to: '7' } }, 404);
    await call('/v1/plans/{planId}', { method: 'GET', as: 'auditor', query: 'version=7' }, 404);
    await call('/v1/admin/projections/{name}/rebuild', { method: 'POST', as: 'operator', params: { name: 'no-such-projection' } }, 404);
  });

  it('406, and spreadsheets as the document says they come', async () => {
    await call('/v1/plans/{planId}/history', { method: 'GET', as: 'auditor', headers: { accept: 'image/png' } }, 406);
    const csv = await call('/v1/plans/{planId}/versions', { method: 'GET', as: 'auditor', headers: { accept: 'text/csv' } }, 200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    await call(
      '/v1/plans/{planId}/reports/{period}',
      { method: 'GET', as: 'reporting', params: { period: '2023-24-Q1' }, headers: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
      200,
    );
  });

  it('409, 412 and 422: a plan id already drafted, a stale If-Match, a ref already held, a rule of the plan, a reused Idempotency-Key, a matrix whose band falls', async () => {
    await call('/v1/plans', { method: 'POST', as: 'editor', body: { ...PLAN_DRAFT, planId } }, 409);
    const refused = await call('/v1/plans/{planId}/priorities', { method: 'POST', as: 'editor', body: PRIORITY_ONE }, 422);
    expect(refused.body).toMatchObject({ currentRevision: expect.any(Number) });
    await call('/v1/plans/{planId}/close', { method: 'POST', as: 'editor', body: { reason: 'Superseded' }, headers: { 'if-match': `"${revision - 1}"` } }, 412);
    await call('/v1/plans/{planId}/versions', { method: 'POST', as: 'editor', body: { label: '1', reason: 'Again' } }, 422);
    const keyed = { method: 'POST' as const, as: 'editor' as const, headers: { 'idempotency-key': 'openapi-answers-1' } };
    await call('/v1/plans/{planId}/priorities', { ...keyed, body: { ...PRIORITY_ONE, ref: '5', outcomes: [] } }, 201);
    await call('/v1/plans/{planId}/priorities', { ...keyed, body: { ...PRIORITY_ONE, ref: '6', outcomes: [] } }, 422);
    const falling = RISK_MATRIX_CELLS.map((cell) => (cell.likelihood === 4 && cell.impact === 2 ? { ...cell, band: 'low' } : cell));
    await call('/v1/settings/risk-matrix', { method: 'PUT', as: 'admin', body: { cells: falling, reason: 'Proposed' } }, 422);
  });

  it('304 to a matching If-None-Match, on the plan, a section, a report and the integrity check', async () => {
    for (const [route, params] of [
      ['/v1/plans/{planId}', {}],
      ['/v1/plans/{planId}/risks', {}],
      ['/v1/plans/{planId}/reports/{period}', { period: '2023-24-Q1' }],
      ['/v1/plans/{planId}/integrity', {}],
    ] as const) {
      const first = await call(route, { method: 'GET', as: 'auditor', params }, 200);
      await call(route, { method: 'GET', as: 'auditor', params, headers: { 'if-none-match': String(first.headers.etag) } }, 304);
    }
  });

  it('503 while the read models are behind what the caller waits for', async () => {
    await call('/v1/plans/{planId}', { method: 'GET', as: 'auditor', query: `waitFor=${Number.MAX_SAFE_INTEGER}` }, 503);
    await call('/v1/changes', { method: 'GET', as: 'reporting', query: `waitFor=${Number.MAX_SAFE_INTEGER}` }, 503);
  });

  it('a past answer whose events fail their check, naming the event in its integrity field', async () => {
    rewriteStoredEvent(api, planId, 1, (row) => {
      row.data.title = 'Altered behind the service';
    });
    const plan = await call('/v1/plans/{planId}', { method: 'GET', as: 'auditor', query: 'version=1' }, 200);
    expect(plan.body.integrity).toMatchObject({ ok: false, firstFailure: { revision: 1 } });
    await call('/v1/plans/{planId}/priorities', { method: 'GET', as: 'auditor', query: 'version=1' }, 200);
    await call('/v1/plans/{planId}/integrity', { method: 'GET', as: 'auditor' }, 200);
  });

  it('429 beyond the rate limit', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1' } });
    try {
      await limited.send({ method: 'GET', url: '/v1/plans', as: 'auditor' });
      const answer = await limited.send({ method: 'GET', url: '/v1/plans', as: 'auditor' });
      expect(answer.status).toBe(429);
      published.expectToMatch('GET', '/v1/plans', answer);
    } finally {
      await limited.close();
    }
  });
});
