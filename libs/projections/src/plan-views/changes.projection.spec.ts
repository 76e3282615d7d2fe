import { PLAN_STREAM_PREFIX } from '@app/domain';
import { identityDecoder, projectBatch } from '../projector/project-batch';
import type { ProjectedEvent } from '../projector/projection';
import { InMemoryReadStore } from '../projector/testing/in-memory-stores';
import { CHANGE_SCOPES_COLLECTION, CHANGES_COLLECTION, changesProjection } from './changes.projection';
import { planHistoryProjection, PLAN_HISTORY_COLLECTION } from './plan-history.projection';
import { hartPlan } from './testing/hart-plan.fixture';
import { documentsIn, PlanStream, project } from './testing/plan-stream.fixture';

const THREE_RIVERS_DRAFT = {
  council: 'three-rivers',
  service: 'Corporate Services',
  title: 'Corporate Services Service Plan 2020-2023',
  period: { kind: 'multi-year' as const, label: '2020-2023', from: '2020-04-01', to: '2023-03-31' },
  owner: null,
};

/** Hart's plan, with a Three Rivers plan and a Hart Environment plan written between its events. */
function threeCouncilPlans(): ProjectedEvent[] {
  const threeRivers = new PlanStream('three-rivers-cs-2020-23', '2019-10-02T10:00:00.000Z', 1005, 'three-rivers');
  threeRivers.add('PlanDrafted', THREE_RIVERS_DRAFT);
  threeRivers.add('VersionPublished', { label: '1.0', reason: 'First draft', effectiveDate: null });
  const environment = new PlanStream('hart-env-2023-24', '2023-04-03T09:00:00.000Z', 1007, 'hart');
  environment.add('PlanDrafted', { ...THREE_RIVERS_DRAFT, council: 'hart', service: 'Environment', title: 'Environment 2023/24' });
  return [...hartPlan().events, ...threeRivers.events, ...environment.events].sort((a, b) => a.position - b.position);
}

describe('changes projection', () => {
  it('holds one change per event in global order, scoped by the council and service its plan was drafted in', async () => {
    const events = threeCouncilPlans();
    const changes = await documentsIn(await project(changesProjection, events), CHANGES_COLLECTION, 'position');

    expect(changes.map((change) => change.position)).toEqual(events.map((event) => event.position));
    expect(changes.slice(0, 4).map(({ position, council, service, planId, revision, type }) => [position, council, service, planId, revision, type])).toEqual([
      [1000, 'hart', 'Corporate Services', 'hart-cs-2023-24', 0, 'PlanDrafted'],
      [1005, 'three-rivers', 'Corporate Services', 'three-rivers-cs-2020-23', 0, 'PlanDrafted'],
      [1007, 'hart', 'Environment', 'hart-env-2023-24', 0, 'PlanDrafted'],
      [1010, 'hart', 'Corporate Services', 'hart-cs-2023-24', 1, 'PriorityAdded'],
    ]);
    expect(changes.find((change) => change.type === 'TargetChanged')).toEqual({
      id: 'servicePlan-hart/hart-cs-2023-24@9',
      council: 'hart',
      service: 'Corporate Services',
      position: 1090,
      planId: 'hart-cs-2023-24',
      revision: 9,
      type: 'TargetChanged',
      recordedAt: '2023-04-03T09:10:00.000Z',
      summary: 'Target for CP7 2023/24 changed from 97% to 98%: O&S minute 126',
    });
  });

  it('says each change in the words of the audit trail', async () => {
    const events = threeCouncilPlans();
    const changes = await documentsIn(await project(changesProjection, events), CHANGES_COLLECTION, 'position');
    const history = await documentsIn(await project(planHistoryProjection, events), PLAN_HISTORY_COLLECTION, 'position');

    expect(changes.map(({ position, summary }) => [position, summary])).toEqual(history.map(({ position, summary }) => [position, summary]));
  });

  it('carries an event type this release does not know, named by its type', async () => {
    const [drafted] = hartPlan().events;
    const benchmarked: ProjectedEvent = {
      ...drafted,
      id: 'benchmark-1',
      revision: 1,
      position: drafted.position + 1,
      type: 'ActualBenchmarked',
      data: { planId: drafted.data.planId, code: 'CP7', period: '2023/24-Q1', quartile: 'top' },
    };

    const changes = await documentsIn(await project(changesProjection, [drafted, benchmarked]), CHANGES_COLLECTION, 'position');

    expect(changes.at(-1)).toMatchObject({ type: 'ActualBenchmarked', summary: 'ActualBenchmarked', revision: 1, service: 'Corporate Services' });
  });

  it('serves nothing of a stream named by the bare plan id, from before plan keys', async () => {
    const [drafted, added] = hartPlan().events;
    const legacyStream = `${PLAN_STREAM_PREFIX}${drafted.data.planId}`;
    const legacy = [drafted, added].map((event) => ({ ...event, streamId: legacyStream }));

    const model = await project(changesProjection, legacy);

    expect(await documentsIn(model, CHANGES_COLLECTION)).toEqual([]);
    expect(await documentsIn(model, CHANGE_SCOPES_COLLECTION)).toEqual([]);
  });

  it('loses no change when a store without transactions stopped part-way through a batch', async () => {
    const events = threeCouncilPlans();
    const complete = await documentsIn(await project(changesProjection, events), CHANGES_COLLECTION, 'position');
    const batch = await projectBatch(new InMemoryReadStore(), changesProjection, events, identityDecoder);

    for (let written = 0; written < batch.writes.length; written += 1) {
      const interrupted = new InMemoryReadStore();
      for (const write of batch.writes.slice(0, written)) {
        if (write.kind === 'upsert') await interrupted.upsert(write.collection, write.document);
      }
      await project(changesProjection, events, interrupted);
      expect(await documentsIn(interrupted, CHANGES_COLLECTION, 'position')).toEqual(complete);
    }
  });

  it("indexes a council's changes, and a council's services' changes, by position", () => {
    expect(changesProjection.indexes?.[CHANGES_COLLECTION]).toEqual([
      { council: 1, position: 1 },
      { council: 1, service: 1, position: 1 },
    ]);
  });
});
