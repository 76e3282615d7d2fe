import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { InjectOptions } from 'fastify';
import { startTestApp, type TestApp } from '../support/test-app';
import { authHeader, type TestCaller } from '../support/tokens';

/**
 * Issue 9, item 11: `RATE_LIMIT_PER_MINUTE` is one budget per caller (council and token subject)
 * for all routes together; calls without a valid token spend their address's budget; probes spend
 * nothing. Each test uses its own callers and addresses, so the budgets do not mix.
 */

const LIMIT = 3;

const tooManyRequests = {
  statusCode: 429,
  error: 'Too Many Requests',
  message: expect.stringMatching(/^Too many requests: at most 3 a minute\. Try again in \d+ seconds\.$/),
};

describe('Rate limit', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  });
  afterAll(() => api?.close());

  const editor = (sub: string, council = 'hart'): TestCaller => ({ role: 'editor', council, sub });
  const call = async (request: InjectOptions & { as?: TestCaller; from?: string }) => {
    const { as, from, ...rest } = request;
    const headers = { ...(as && (await authHeader(api.dataDir, as))), ...(rest.headers as Record<string, string>) };
    return api.inject({ ...rest, headers, remoteAddress: from ?? '127.0.0.1' });
  };
  const draft = (as: TestCaller, from?: string) =>
    call({
      method: 'POST',
      url: '/v1/plans',
      as,
      from,
      payload: { title: 'Service Plan 2023/24', service: 'Corporate Services', period: '2023/24' },
    });

  it('counts every route against one budget, and refuses a write beyond it without writing', async () => {
    const jo = editor('jo');
    expect((await call({ method: 'GET', url: '/v1/plans', as: jo })).statusCode).toBe(200);
    expect((await call({ method: 'GET', url: '/v1/plans/unknown-plan', as: jo })).statusCode).toBe(404);
    expect((await draft(jo)).statusCode).toBe(201);
    const events = api.get<EventStore>(EVENT_STORE);
    const head = await events.headPosition();

    const refused = await draft(jo);

    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual(tooManyRequests);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await events.headPosition()).toBe(head);
    expect((await call({ method: 'GET', url: '/v1/admin/projections', as: jo })).statusCode).toBe(429);
  });

  it('keeps apart callers of two councils who have the same token subject', async () => {
    for (let n = 0; n < LIMIT; n++) expect((await call({ method: 'GET', url: '/v1/plans', as: editor('sam', 'hart') })).statusCode).toBe(200);
    expect((await call({ method: 'GET', url: '/v1/plans', as: editor('sam', 'hart') })).statusCode).toBe(429);

    expect((await call({ method: 'GET', url: '/v1/plans', as: editor('sam', 'three-rivers') })).statusCode).toBe(200);
  });

  it('throttles calls with a bad token by their address, leaving other addresses and valid callers alone', async () => {
    const valid = (await authHeader(api.dataDir, editor('kim'))).authorization;
    const forged = { authorization: `${valid.slice(0, -4)}AAAA` };
    const attacker = '10.0.0.66';
    for (let n = 0; n < LIMIT; n++) {
      expect((await call({ method: 'GET', url: '/v1/plans', headers: forged, from: attacker })).statusCode).toBe(401);
    }

    const throttled = await call({ method: 'GET', url: '/v1/plans', headers: forged, from: attacker });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toEqual(tooManyRequests);
    expect((await call({ method: 'GET', url: '/v1/plans', from: attacker })).statusCode).toBe(429);

    expect((await call({ method: 'GET', url: '/v1/plans', headers: forged, from: '10.0.0.67' })).statusCode).toBe(401);
    expect((await call({ method: 'GET', url: '/v1/plans', as: editor('kim'), from: attacker })).statusCode).toBe(200);
  });

  it('counts bodies refused before any guard against the address, and answers 429 beyond its budget', async () => {
    const sender = '10.0.0.44';
    const bad = [
      { payload: '{"title": ', status: 400 },
      { payload: '[1, 2]', status: 400 },
      { payload: `{"reason":"r","x":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`, status: 400 },
    ];
    for (const { payload, status } of bad) {
      const refused = await call({ method: 'POST', url: '/v1/plans', payload, headers: { 'content-type': 'application/json' }, from: sender });
      expect(refused.statusCode).toBe(status);
    }

    const tooLarge = await call({
      method: 'POST',
      url: '/v1/plans',
      payload: JSON.stringify({ title: 'x'.repeat(300 * 1024) }),
      headers: { 'content-type': 'application/json' },
      from: sender,
    });
    expect(tooLarge.statusCode).toBe(429);
    expect(tooLarge.json()).toEqual(tooManyRequests);
    expect(Number(tooLarge.headers['retry-after'])).toBeGreaterThan(0);
    expect((await call({ method: 'GET', url: '/v1/plans', from: sender })).statusCode).toBe(429);
    expect((await call({ method: 'GET', url: `/v1/plans/${'p'.repeat(101)}`, from: sender })).statusCode).toBe(429);

    expect((await draft(editor('ali'), '10.0.0.45')).statusCode).toBe(201);
  });

  it('counts addresses the router refuses against the address too', async () => {
    const sender = '10.0.0.46';
    for (const url of [`/v1/plans/${'p'.repeat(101)}`, '/v1/plans/%E0%A4%A', `/v1/plans/${'q'.repeat(101)}`]) {
      expect([url, (await call({ method: 'GET', url, from: sender })).statusCode]).toEqual([url, url.includes('%') ? 400 : 414]);
    }

    const throttled = await call({ method: 'GET', url: '/v1/plans/%E0%A4%A', from: sender });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toEqual(tooManyRequests);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('never throttles the probes, even for an address whose budget is spent', async () => {
    const flooder = '10.0.0.99';
    for (let n = 0; n <= LIMIT; n++) await call({ method: 'GET', url: '/v1/plans', from: flooder });
    expect((await call({ method: 'GET', url: '/v1/plans', from: flooder })).statusCode).toBe(429);

    for (let n = 0; n < 2 * LIMIT; n++) {
      expect((await call({ method: 'GET', url: '/health', from: flooder })).statusCode).toBe(200);
      expect((await call({ method: 'GET', url: '/metrics', from: flooder })).statusCode).toBe(200);
    }
  });
});
