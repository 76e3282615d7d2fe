import { planKey, planStreamId } from '@app/domain';
import { STORE_IDENTITY_STREAM } from '@app/event-store/identity-stream';
import { FakeEventStoreDbServer } from '@app/event-store/testing/fake-eventstoredb-server';
import { until } from '@app/projections/projector/testing/sample-projections';
import { randomUUID } from 'node:crypto';
import { readsPlanStreams } from '../support/plan-stream-projections';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Protocol-level end-to-end: the API with its events on a FAKE EventStoreDB gRPC server
 * (`@app/event-store/testing/fake-eventstoredb-server`) and its read models in embedded SQLite. It
 * shows what an operator sees when the log holds an event that is not JSON; the production-store
 * end-to-end test on real servers is the proof of the rest.
 */
describe('API on a fake EventStoreDB gRPC server (protocol-level end-to-end)', () => {
  let server: FakeEventStoreDbServer;
  let api: TestApp;

  beforeEach(async () => {
    server = await FakeEventStoreDbServer.start();
  });

  afterEach(async () => {
    await api?.close();
    await server.stop();
  });

  it('shows every projection failed at an event whose data is not JSON, on /health and the admin status', async () => {
    // The fake serves no appends, so the store's identity is there before the API asks for it.
    server.store({ streamId: STORE_IDENTITY_STREAM, type: 'StoreIdentityAssigned', data: { identity: 'fake-server-store' } });
    const [bad] = server.store({ streamId: planStreamId(planKey('hart', randomUUID())), type: 'PlanDrafted', data: Buffer.from('<plan/>') });
    api = await startTestApp({
      // The failures are logged at error level; the test reads them from /health instead.
      env: { EVENTSTORE_CONNECTION_STRING: server.connectionString, PROJECTOR_MODE: 'in-process', LOG_LEVEL: 'silent' },
    });
    const failedAtBadEvent = {
      state: 'failed',
      error: { position: bad.position, eventType: 'PlanDrafted', eventId: bad.id, message: expect.stringContaining('not JSON') },
    };

    let health = await api.inject({ method: 'GET', url: '/health' });
    // The projections stop one by one, each on its own subscription.
    await until(async () => {
      health = await api.inject({ method: 'GET', url: '/health' });
      const { status: _status, ...projections } = health.json().details.projections;
      return Object.entries(projections).every(([name, projection]) => !readsPlanStreams(name) || (projection as { state: string }).state === 'failed');
    });

    expect(health.statusCode).toBe(503);
    const { status, ...projections } = health.json().details.projections;
    expect(status).toBe('down');
    expect(health.json().details.eventStore).toEqual({ status: 'up' });
    expect(Object.keys(projections).length).toBeGreaterThan(0);
    for (const [name, projection] of Object.entries(projections)) expect(projection).toMatchObject(readsPlanStreams(name) ? failedAtBadEvent : { state: 'live' });

    const admin = await api.send({ method: 'GET', url: '/v1/admin/projections', as: 'operator' });
    expect(admin.status).toBe(200);
    for (const projection of admin.body.projections) expect(projection).toMatchObject(readsPlanStreams(projection.name) ? failedAtBadEvent : { state: 'live' });
    expect(server.subscriptionsStarted).toBe(admin.body.projections.length);
  });
});
