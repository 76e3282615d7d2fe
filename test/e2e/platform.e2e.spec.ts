import { PLAN_EVENT_SCHEMA_VERSIONS, type PlanDrafted, planKey, planStreamId, sealEvent } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { Projector } from '@app/projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutShellSettings } from '../support/shell-settings';
import { readsPlanStreams } from '../support/plan-stream-projections';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the platform: stores, projector, health, metrics and documentation', () => {
  let api: TestApp;
  const planId = randomUUID();
  let appendedAt: number;

  beforeAll(async () => {
    api = await startTestApp();
    const streamId = planStreamId(planKey('hart', planId));
    const drafted: PlanDrafted = {
      type: 'PlanDrafted',
      data: {
        planId,
        council: 'hart',
        service: 'Corporate Services',
        title: 'Corporate Services Service Plan 2023/24',
        period: { kind: 'financial-year', label: '2023/24', from: '2023-04-01', to: '2024-03-31' },
        owner: null,
      },
    };
    const requestId = randomUUID();
    const metadata = sealEvent(
      {
        streamId,
        revision: 0,
        type: drafted.type,
        data: drafted.data,
        metadata: {
          actor: { id: 'editor@hart', name: 'Plan Editor', role: 'editor' },
          requestId,
          causationId: requestId,
          correlationId: requestId,
          schemaVersion: PLAN_EVENT_SCHEMA_VERSIONS.PlanDrafted,
        },
      },
      null,
    );
    const result = await api.get<EventStore>(EVENT_STORE).appendToStream(
      streamId,
      [{ id: randomUUID(), type: drafted.type, data: drafted.data, metadata }],
      { expectedRevision: 'no_stream' },
    );
    appendedAt = result.position;
  });

  afterAll(() => api?.close());

  it('projects an appended event into the plan read model', async () => {
    await expect(api.get(Projector).waitFor(appendedAt, 10_000)).resolves.toBe(true);

    const plan = await api.get<ReadStore>(READ_STORE).get('plans', planKey('hart', planId));
    expect(plan).toMatchObject({ id: `hart/${planId}`, planId, title: 'Corporate Services Service Plan 2023/24' });
  });

  it('reports both stores up and every projection caught up on /health', async () => {
    await api.get(Projector).waitFor(appendedAt, 10_000);

    const response = await api.inject({ method: 'GET', url: '/health' });

    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      status: 'ok',
      error: {},
      info: { eventStore: { status: 'up' }, readStore: { status: 'up' }, projections: { status: 'up' } },
    });
    const { status: _status, ...projections } = report.details.projections;
    expect(Object.keys(projections)).toEqual(expect.arrayContaining(['plan-view', 'plan-list', 'plan-history']));
    for (const [name, projection] of Object.entries(projections)) {
      const caughtUpTo = readsPlanStreams(name) ? appendedAt : null;
      expect(projection).toEqual({ state: 'live', checkpoint: caughtUpTo, head: caughtUpTo, lagEvents: 0, lagSeconds: 0 });
    }
  });

  it('gives every response a request id, keeping an acceptable one the caller sent', async () => {
    const generated = await api.inject({ method: 'GET', url: '/health' });
    const echoed = await api.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'probe-42' } });

    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(echoed.headers['x-request-id']).toBe('probe-42');
  });

  it("gives every response helmet's security headers, a refusal before any route as well as an answer", async () => {
    for (const url of ['/health', '/nowhere']) {
      const { headers } = await api.inject({ method: 'GET', url });

      expect(headers).toMatchObject({
        'content-security-policy': expect.stringContaining("style-src 'self' 'unsafe-inline'"),
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    }
  });

  it('exposes the HTTP, event store and projection metrics on /metrics', async () => {
    await api.get(Projector).waitFor(appendedAt, 10_000);
    await api.inject({ method: 'GET', url: '/health' });

    const response = await api.inject({ method: 'GET', url: '/metrics' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const metrics = response.body;
    expect(metrics).toContain('events_appended_total{type="PlanDrafted"} 1');
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"\} \d+/);
    expect(metrics).toContain('projection_lag_events{projection="plan-view"} 0');
    expect(metrics).toContain('projection_lag_seconds{projection="plan-view"} 0');
    expect(metrics).toMatch(/projection_batches_applied_total\{projection="plan-view"\} [1-9]/);
    expect(metrics).toContain('# TYPE projection_failures_total counter');
  });

  it('serves the OpenAPI document with bearer authentication at /docs-json, and its page at /docs', async () => {
    const document = await api.inject({ method: 'GET', url: '/docs-json' });
    const page = await api.inject({ method: 'GET', url: '/docs' });

    expect(document.statusCode).toBe(200);
    expect(document.json()).toMatchObject({
      openapi: expect.stringMatching(/^3\./),
      info: { title: 'Council service plans' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    });
    expect(Object.keys(document.json().paths)).toContain('/health');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers an unknown route and an oversized body in the one error shape', async () => {
    const unknown = await api.inject({ method: 'GET', url: '/nowhere' });
    const oversized = await api.inject({
      method: 'POST',
      url: '/v1/plans',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x'.repeat(300 * 1024) }),
    });

    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /nowhere' });
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json()).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String) });
  });

  it('closes /metrics when METRICS_ENABLED is false', async () => {
    const closed = await startTestApp({ env: { METRICS_ENABLED: 'false' } });
    try {
      const response = await closed.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(404);
    } finally {
      await closed.close();
    }
  });
});

describe('start-up with a bad setting', () => {
  it('refuses to build the application, naming the setting', async () => {
    await expect(startTestApp({ env: { PORT: 'abc' } })).rejects.toThrow(
      "PORT must be a whole number between 1 and 65535, got 'abc'.",
    );
  });

  it('stops the API process with that one sentence on stderr', () => {
    const root = join(__dirname, '..', '..');
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      { cwd: root, env: { ...withoutShellSettings(process.env), PORT: 'abc', DATA_DIR: join(tmpdir(), 'plan-tracking-bad-port') }, encoding: 'utf8' },
    );

    expect(run.status).toBe(1);
    expect(run.stderr).toBe("PORT must be a whole number between 1 and 65535, got 'abc'.\n");
  });
});
