import { rmSync } from 'node:fs';
import { HART_PLAN } from '../fixtures/hart-2023-24';
import { CommandApi, enterSmallPlan, expectStatus } from './plan-commands.support';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Idempotency-Key on plan commands', () => {
  let api: CommandApi;
  let planId: string;

  beforeAll(async () => {
    api = await CommandApi.start();
    planId = await enterSmallPlan(api);
  });

  afterAll(() => api.close());

  const progress = (key: string, percentComplete: number) => ({
    method: 'POST' as const,
    url: `/v1/plans/${planId}/priorities/1/progress`,
    as: 'officer' as const,
    headers: { 'idempotency-key': key },
    body: { period: '2023/24-Q1', percentComplete, status: 'on-track' },
  });

  it('answers a retry with the first response and writes nothing more', async () => {
    const before = await api.eventCount(planId);
    const first = expectStatus(await api.send(progress('progress-q1-retry', 30)), 201);
    const retry = expectStatus(await api.send(progress('progress-q1-retry', 30)), 201);

    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(first.body.eventIds).toEqual([expect.stringMatching(UUID_V5)]);
    const events = await api.events(planId);
    expect(events).toHaveLength(before + 1);
    expect(events[before].metadata).toMatchObject({
      idempotencyKey: 'progress-q1-retry',
      requestHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('still answers with the first response after the plan has moved on', async () => {
    const first = expectStatus(await api.send(progress('progress-before-more', 35)), 201);
    expectStatus(await api.send(progress('another-update', 40)), 201);
    const retry = expectStatus(await api.send(progress('progress-before-more', 35)), 201);
    expect(retry.body).toEqual(first.body);
    expect(retry.body.revision).toBeLessThan((await api.eventCount(planId)) - 1);
  });

  it('refuses the same key with a different body with 422, writing nothing', async () => {
    expectStatus(await api.send(progress('progress-q1-misused', 45)), 201);
    const before = await api.eventCount(planId);
    const misuse = await api.send(progress('progress-q1-misused', 50));
    expect(misuse.status).toBe(422);
    expect(misuse.body.message).toBe('This Idempotency-Key was already used for a different request');
    expect(await api.eventCount(planId)).toBe(before);
  });

  it('does not answer another caller with the first caller\'s response, and writes nothing for them', async () => {
    const first = expectStatus(await api.send(progress('progress-q1-theirs', 65)), 201);
    const before = await api.eventCount(planId);

    const colleague = await api.send({ ...progress('progress-q1-theirs', 65), as: { role: 'officer', council: HART_PLAN.council, sub: 'colleague' } });
    expect(colleague.status).toBe(422);
    expect(colleague.body.message).toBe('This Idempotency-Key was already used for a different request');

    const stranger = await api.send({ ...progress('progress-q1-theirs', 65), as: { role: 'officer', council: 'three-rivers' } });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Plan ${planId} was not found` });
    expect(stranger.headers.etag).toBeUndefined();
    expect(JSON.stringify(stranger.body)).not.toContain(first.body.eventIds[0]);
    expect(await api.eventCount(planId)).toBe(before);
  });

  it('drafts one plan for a keyed draft sent twice, its id derived from the council and the key', async () => {
    const { title, service, period } = HART_PLAN;
    const draft = (council: string) => ({
      method: 'POST' as const,
      url: '/v1/plans',
      as: { role: 'editor' as const, council },
      headers: { 'idempotency-key': 'draft-corporate-services-2023-24' },
      body: { title, service, period },
    });
    const first = expectStatus(await api.send(draft('hart')), 201);
    const retry = expectStatus(await api.send(draft('hart')), 201);
    expect(retry.body).toEqual(first.body);
    expect(first.body.planId).toMatch(UUID_V5);
    expect(await api.eventCount(first.body.planId)).toBe(1);

    const otherCouncil = expectStatus(await api.send(draft('rushmoor')), 201);
    expect(otherCouncil.body.planId).not.toBe(first.body.planId);
  });

  it('answers a retry with the first response after a restart, from the stored events alone', async () => {
    const first = expectStatus(await api.send(progress('progress-across-restart', 55)), 201);
    const count = await api.eventCount(planId);
    await api.close({ keepData: true });

    const restarted = await CommandApi.start(api.dataDir);
    try {
      const retry = expectStatus(await restarted.send(progress('progress-across-restart', 55)), 201);
      expect(retry.body).toEqual(first.body);
      expect(await restarted.eventCount(planId)).toBe(count);
      const misuse = await restarted.send(progress('progress-across-restart', 60));
      expect(misuse.status).toBe(422);
    } finally {
      await restarted.close();
      rmSync(api.dataDir, { recursive: true, force: true });
      api = await CommandApi.start();
    }
  });
});
