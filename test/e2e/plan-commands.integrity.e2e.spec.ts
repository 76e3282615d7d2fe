import Database from 'better-sqlite3';
import { join } from 'node:path';
import { eventHash, planKey, planStreamId } from '@app/domain';
import { CommandApi, enterSmallPlan, expectStatus, rewriteStoredEvent, type StoredRow } from './plan-commands.support';

describe('GET /v1/plans/{planId}/integrity', () => {
  let api: CommandApi;
  let planId: string;

  beforeAll(async () => {
    api = await CommandApi.start();
    planId = await enterSmallPlan(api);
    for (const [period, value] of [
      ['2023/24-Q1', 29.5],
      ['2023/24-Q2', 57.8],
      ['2023/24-Q3', 85.9],
    ] as const) {
      expectStatus(
        await api.send({ method: 'POST', url: `/v1/plans/${planId}/indicators/CP7/actuals`, as: 'officer', body: { period, value } }),
        201,
      );
    }
  });

  afterAll(() => api.close());

  const tamper = (revision: number, rewrite: (row: StoredRow) => void) => rewriteStoredEvent(api, planId, revision, rewrite);

  it('finds an untouched stream whole, and gives its head: the last event\'s stored hash', async () => {
    const events = await api.events(planId);
    const answer = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'auditor' }), 200);
    expect(answer.body).toEqual({
      planId,
      ok: true,
      eventsChecked: 6,
      firstFailure: null,
      revision: 5,
      version: 5,
      head: events[5].metadata.hash,
    });
    expect(answer.body.head).toMatch(/^[0-9a-f]{64}$/);
    expect(answer.headers.etag).toBe('"5"');
  });

  it('is for auditors only, and answers 404 for a plan that does not exist', async () => {
    expect((await api.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'editor' })).status).toBe(403);
    expect((await api.send({ method: 'GET', url: '/v1/plans/no-such-plan/integrity', as: 'auditor' })).status).toBe(404);
  });

  it('names the event whose stored data was altered', async () => {
    const events = await api.events(planId);
    const altered = events[4];
    expect(altered.data).toMatchObject({ code: 'CP7', period: '2023/24-Q2', value: 57.8 });
    tamper(4, (row) => {
      row.data.value = 75.8;
    });

    const answer = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'auditor' }), 200);
    expect(answer.body).toEqual({
      planId,
      ok: false,
      eventsChecked: 5,
      firstFailure: {
        revision: 4,
        eventId: altered.id,
        position: altered.position,
        reason: 'The event no longer matches the hash recorded when it was written: it has been altered.',
      },
      revision: 5,
      version: 5,
      head: null,
    });
  });

  it('names the next event when the altered one was given a matching hash too', async () => {
    const events = await api.events(planId);
    tamper(4, (row) => {
      row.metadata.hash = eventHash({ streamId: planStreamId(planKey('hart', planId)), revision: 4, type: events[4].type, data: row.data, metadata: row.metadata });
    });

    const answer = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'auditor' }), 200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.firstFailure).toEqual({
      revision: 5,
      eventId: events[5].id,
      position: events[5].position,
      reason: 'The event does not link to the event before it: an event before it was altered, removed or inserted.',
    });
  });

  it('names the event whose recorded time was moved, though the hash does not cover the store\'s own time', async () => {
    const events = await api.events(planId);
    const moved = events[2];
    expect(moved.metadata.decidedAt).toEqual(expect.any(String));
    const backdated = new Date(Date.parse(moved.recordedAt) - 60 * 60 * 1000).toISOString();
    const db = new Database(join(api.dataDir, 'events.db'));
    try {
      db.prepare('UPDATE events SET recorded_at = ? WHERE stream_id = ? AND revision = ?').run(backdated, planStreamId(planKey('hart', planId)), 2);
    } finally {
      db.close();
    }

    const answer = expectStatus(await api.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'auditor' }), 200);
    expect(answer.body).toEqual({
      planId,
      ok: false,
      eventsChecked: 3,
      firstFailure: {
        revision: 2,
        eventId: moved.id,
        position: moved.position,
        reason: "The event's recorded time does not match the sealed decision time: when it was recorded has been altered.",
      },
      revision: 5,
      version: 5,
      head: null,
    });
  });
});
