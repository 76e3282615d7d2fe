import { PLAN_LIST_COLLECTION } from '@app/projections';
import { MongoReadStore, READ_STORE } from '@app/read-store';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { productionStoreSetting } from '../support/production-store-settings';
import { throwawayDatabase, type ThrowawayDatabase } from '../support/mongodb-database';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The API end to end on the production stores, with its projector in-process: read models in
 * MongoDB (`MONGODB_URI`) with events in the embedded store, and with events in EventStoreDB too when
 * `EVENTSTORE_CONNECTION_STRING` is set. CI runs the first on FerretDB. Each run gets a database of
 * its own; a deployment whose servers are not configured says plainly that it was skipped.
 */
const eventStore = productionStoreSetting('EVENTSTORE_CONNECTION_STRING');
const mongodb = productionStoreSetting('MONGODB_URI');

interface Deployment {
  name: string;
  /** Unset when the deployment's servers are not configured. */
  mongodbUri: string | undefined;
  env: Record<string, string>;
  missing: string;
}

const deployments: Deployment[] = [
  { name: 'the API on embedded events and MongoDB read models', mongodbUri: mongodb, env: {}, missing: 'MONGODB_URI' },
  {
    name: 'the API on EventStoreDB and MongoDB',
    mongodbUri: eventStore === undefined ? undefined : mongodb,
    env: eventStore === undefined ? {} : { EVENTSTORE_CONNECTION_STRING: eventStore },
    missing: 'EVENTSTORE_CONNECTION_STRING and MONGODB_URI',
  },
];

for (const deployment of deployments) {
  if (deployment.mongodbUri === undefined) {
    it.skip(`${deployment.name} (set ${deployment.missing} to run it)`, () => undefined);
  } else {
    describe(deployment.name, () => describeDeployment(deployment.mongodbUri as string, deployment.env));
  }
}

function describeDeployment(mongodbUri: string, env: Record<string, string>): void {
  let api: TestApp;
  let database: ThrowawayDatabase;
  const planId = `production-e2e-${randomUUID()}`;

  beforeAll(async () => {
    database = throwawayDatabase(mongodbUri, 'production_e2e');
    api = await startTestApp({ env: { ...env, MONGODB_URI: database.uri, PROJECTOR_MODE: 'in-process' } });
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('keeps its read models in MongoDB', async () => {
    expect(api.get(READ_STORE)).toBeInstanceOf(MongoReadStore);
    const drafted = await api.send({
      method: 'POST',
      url: '/v1/plans',
      as: 'editor',
      body: { planId: `${planId}-stored`, title: 'Service Plan 2023/24: Housing', service: 'Housing', period: '2023/24' },
    });
    const listed = await api.send({ method: 'GET', url: `/v1/plans?waitFor=${drafted.body.position}`, as: 'reporting' });
    expect(listed.status).toBe(200);

    const client = await MongoClient.connect(mongodbUri);
    try {
      const stored = await client.db(database.name).collection(PLAN_LIST_COLLECTION).findOne({ planId: `${planId}-stored` });
      expect(stored).toEqual(expect.objectContaining({ title: 'Service Plan 2023/24: Housing', service: 'Housing' }));
    } finally {
      await client.close();
    }
  });

  it('writes events, projects them and answers the query routes from MongoDB', async () => {
    const drafted = await api.send({
      method: 'POST',
      url: '/v1/plans',
      as: 'editor',
      body: { planId, title: 'Service Plan 2023/24: Corporate Services', service: 'Corporate Services', period: '2023/24' },
    });
    expect(drafted.status).toBe(201);
    const defined = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/indicators`,
      as: 'editor',
      body: {
        code: 'CP7',
        title: 'Percentage of Council Tax collected',
        unit: 'percent',
        polarity: 'higher-is-better',
        basis: 'cumulative-ytd',
        frequency: 'quarterly',
        targets: [{ period: '2023/24', value: 98 }],
      },
    });
    expect(defined.status).toBe(201);
    const published = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/versions`,
      as: 'editor',
      body: { reason: 'Version to be considered by O&S Committee' },
    });
    const recorded = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/indicators/CP7/actuals`,
      as: 'officer',
      body: { period: '2023/24-Q4', value: 97.9, commentary: 'Just short of target' },
    });
    expect(recorded.status).toBe(201);
    const waitFor = `waitFor=${recorded.body.position}`;

    const plan = await api.send({ method: 'GET', url: `/v1/plans/${planId}?${waitFor}`, as: 'auditor' });
    expect(plan.status).toBe(200);
    expect(plan.body.revision).toBe(recorded.body.version);
    expect(plan.body.indicators[0].actuals).toEqual([expect.objectContaining({ period: '2023/24-Q4', value: 97.9 })]);

    const report = await api.send({ method: 'GET', url: `/v1/plans/${planId}/reports/2023-24-Q4?${waitFor}`, as: 'reporting' });
    expect(report.body.indicators[0]).toEqual(expect.objectContaining({ code: 'CP7', rag: 'amber' }));

    const history = await api.send({ method: 'GET', url: `/v1/plans/${planId}/history?${waitFor}`, as: 'auditor' });
    expect(history.body.items.map((item: { type: string }) => item.type)).toEqual([
      'PlanDrafted',
      'IndicatorDefined',
      'VersionPublished',
      'ActualRecorded',
    ]);

    const versions = await api.send({ method: 'GET', url: `/v1/plans/${planId}/versions?${waitFor}`, as: 'auditor' });
    expect(versions.body.rows).toEqual([expect.objectContaining({ label: '1', revision: published.body.version })]);

    const list = await api.send({ method: 'GET', url: `/v1/plans?service=Corporate%20Services&${waitFor}`, as: 'reporting' });
    expect(list.body.items.map((item: { planId: string }) => item.planId)).toContain(planId);

    const atVersion = await api.send({ method: 'GET', url: `/v1/plans/${planId}?version=1`, as: 'auditor' });
    expect(atVersion.body).toMatchObject({ revision: published.body.version, version: '1' });
    expect(atVersion.body.indicators[0].actuals).toEqual([]);

    const instant = new Date().toISOString();
    const asOf = await api.send({ method: 'GET', url: `/v1/plans/${planId}?asOf=${instant}`, as: 'auditor' });
    expect(asOf.text).toBe(`{"asOf":"${instant}",${plan.text.slice(1)}`);

    const republished = await api.send({
      method: 'PUT',
      url: `/v1/plans/${planId}/indicators/CP7/targets/2023-24`,
      as: 'editor',
      body: { value: 97, reason: 'O&S minute 126' },
    });
    const second = await api.send({
      method: 'POST',
      url: `/v1/plans/${planId}/versions`,
      as: 'editor',
      body: { reason: 'Version updated to reflect O&S comments' },
    });
    expect([republished.status, second.status]).toEqual([200, 201]);
    const diff = await api.send({
      method: 'GET',
      url: `/v1/plans/${planId}/versions/1/diff/2?waitFor=${second.body.position}`,
      as: 'auditor',
    });
    expect(diff.body.changed).toEqual([expect.objectContaining({ kind: 'target', key: 'CP7 2023/24', before: expect.objectContaining({ value: 98 }), after: expect.objectContaining({ value: 97 }) })]);

    const integrity = await api.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'auditor' });
    expect(integrity.body).toEqual(expect.objectContaining({ ok: true, eventsChecked: 6 }));
  });
}
