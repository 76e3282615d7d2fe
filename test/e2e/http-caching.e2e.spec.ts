import { planKey } from '@app/domain';
import { documentBody, PLANS_COLLECTION } from '@app/projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { startTestApp, type TestApp } from '../support/test-app';
import { enterSmallPlan, expectStatus, rewriteStoredEvent } from './plan-commands.support';

/**
 * A client that keeps an answer revalidates it with `If-None-Match`: a 304 with no body while the
 * plan is unchanged, the new answer once it has changed; never a 304 for an answer whose events no
 * longer hold.
 */
describe('HTTP caching of plan reads and reports', () => {
  let api: TestApp;
  let planId: string;

  beforeAll(async () => {
    api = await startTestApp();
    planId = await enterSmallPlan(api);
  });
  afterAll(() => api.close());

  const get = (url: string, headers: Record<string, string> = {}) => api.send({ method: 'GET', url, as: 'auditor', headers });

  it.each([
    ['the plan', () => `/v1/plans/${planId}`],
    ['a report', () => `/v1/plans/${planId}/reports/2023-24-Q1`],
    ['the plan as of now', () => `/v1/plans/${planId}?asOf=${encodeURIComponent(new Date().toISOString())}`],
  ])('answers %s 304 with no body to the ETag the client holds, and whole to any other', async (_, urlOf) => {
    const url = urlOf();
    const first = expectStatus(await get(url), 200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"\d+"$/);

    const revalidated = await get(url, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers.etag).toBe(etag);

    expect((await get(url, { 'if-none-match': `W/${etag}, "elsewhere"` })).status).toBe(304);
    const stale = await get(url, { 'if-none-match': '"0"' });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(first.text);
  });

  it('answers the plan view the read store holds, as JSON, with none of the store\'s own fields', async () => {
    const now = expectStatus(await get(`/v1/plans/${planId}`), 200);
    const stored = await api.get<ReadStore>(READ_STORE).get(PLANS_COLLECTION, planKey('hart', planId));

    expect(now.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(now.body).toEqual(documentBody(stored!));
    expect(now.body).toMatchObject({ planId, council: 'hart', title: HART_PLAN.title, priorities: [expect.anything()] });
    expect(now.body).not.toHaveProperty('id');
    expect(now.body).not.toHaveProperty('projectedPosition');
    expect(now.headers.etag).toBe(`"${now.body.revision}"`);
  });

  it('checks who may see the plan from the one read of its stored text, never loading it into objects', async () => {
    const reads = api.get<ReadStore>(READ_STORE);
    const documentReads = jest.spyOn(reads, 'get');
    const textReads = jest.spyOn(reads, 'getJson');
    try {
      const url = `/v1/plans/${planId}`;
      expectStatus(await get(url), 200);
      const otherCouncil = await api.send({ method: 'GET', url, as: { role: 'auditor', council: 'basingstoke' } });
      const missing = await api.send({ method: 'GET', url: '/v1/plans/no-such-plan', as: 'auditor' });
      const otherService = await api.send({ method: 'GET', url, as: { role: 'auditor', council: 'hart', services: ['Environmental Health'] } });

      expect(otherCouncil.status).toBe(404);
      expect(otherCouncil.body.message).toBe(missing.body.message.replace('no-such-plan', planId));
      expect(otherService.status).toBe(403);
      expect(otherService.body.message).toBe(`You are not assigned to the service '${HART_PLAN.service}'`);
      expect(textReads).toHaveBeenCalledTimes(4);
      expect(documentReads).not.toHaveBeenCalledWith(PLANS_COLLECTION, expect.anything());
    } finally {
      documentReads.mockRestore();
      textReads.mockRestore();
    }
  });

  it('answers the new plan once a command has changed it', async () => {
    const before = expectStatus(await get(`/v1/plans/${planId}`), 200);
    const changed = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP7/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q1', value: 29.5 },
    });
    expectStatus(changed, 201);

    const after = await get(`/v1/plans/${planId}?waitFor=${changed.body.position}`, { 'if-none-match': before.headers.etag as string });
    expect(after.status).toBe(200);
    expect(after.headers.etag).toBe(`"${changed.body.revision}"`);
    expect(after.body.indicators[0].actuals).toHaveLength(1);
  });

  it('gives no ETag, and so never a 304, for a past answer or an integrity check whose events were altered', async () => {
    const asOfUrl = `/v1/plans/${planId}?asOf=${encodeURIComponent(new Date().toISOString())}`;
    const intact = expectStatus(await get(asOfUrl), 200);
    const intactCheck = expectStatus(await get(`/v1/plans/${planId}/integrity`), 200);
    expect(intactCheck.headers.etag).toBe(`"${intactCheck.body.revision}"`);
    expect((await get(`/v1/plans/${planId}/integrity`, { 'if-none-match': intactCheck.headers.etag as string })).status).toBe(304);
    rewriteStoredEvent(api, planId, 1, (row) => {
      row.data.title = 'A title nobody wrote';
    });

    const altered = await get(asOfUrl, { 'if-none-match': intact.headers.etag as string });
    expect(altered.status).toBe(200);
    expect(altered.headers['x-integrity']).toBe('failed');
    expect(altered.headers.etag).toBeUndefined();
    const alteredCheck = await get(`/v1/plans/${planId}/integrity`, { 'if-none-match': intactCheck.headers.etag as string });
    expect(alteredCheck.status).toBe(200);
    expect(alteredCheck.body).toMatchObject({ ok: false, head: null, firstFailure: { revision: 1 } });
    expect(alteredCheck.headers.etag).toBeUndefined();
  });

  it('leaves commands alone: an If-None-Match on a POST is no revalidation', async () => {
    const read = expectStatus(await get(`/v1/plans/${planId}`), 200);
    const command = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/priorities/${encodeURIComponent('1')}/progress`,
      as: 'officer',
      headers: { 'if-none-match': read.headers.etag as string },
      body: { period: '2023/24-Q1', percentComplete: 10, status: 'on-track' },
    });
    expect(command.status).toBe(201);
  });
});
