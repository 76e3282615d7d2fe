import { planKey, sealEvent } from '@app/domain';
import type { EventMetadata } from '@app/event-store';
import { foldPlanView, PLAN_SNAPSHOTS_COLLECTION, planSnapshotId, planViewProjection } from '@app/projections';
import type { ProjectedEvent } from '@app/projections/projector/projection';
import { InMemoryEventStore, InMemoryReadStore } from '@app/projections/projector/testing/in-memory-stores';
import { hartPlan } from '@app/projections/plan-views/testing/hart-plan.fixture';
import { OFFICER, project } from '@app/projections/plan-views/testing/plan-stream.fixture';
import { PlanTimeTravel } from './plan-time-travel';

const QUARTERS = ['2023/24-Q1', '2023/24-Q2', '2023/24-Q3', '2023/24-Q4'];
const PLAN_LENGTH = 350;

/** Hart's plan, then weekly progress on priority 8 until it has three snapshots and half an interval. */
function longPlan(): ProjectedEvent[] {
  const plan = hartPlan();
  for (let week = 0; plan.events.length < PLAN_LENGTH; week++) {
    plan.add(
      'ProgressRecorded',
      { priorityRef: '8', milestone: null, period: QUARTERS[week % 4], percentComplete: week % 100, status: 'on-track', position: `Week ${week}`, commentary: null },
      { actor: OFFICER },
    );
  }
  return plan.events;
}

/** The plan's events sealed in a hash chain in an event store, recorded when the fixture says, and the plan view projected from them. */
async function storedPlan(events: ProjectedEvent[]) {
  let recordedAt = new Date(0);
  let previousHash: string | null = null;
  const eventStore = new InMemoryEventStore(() => recordedAt);
  for (const event of events) {
    const { id, type, data, streamId, revision } = event;
    const metadata: EventMetadata & { hash: string } = sealEvent(event, previousHash);
    previousHash = metadata.hash;
    recordedAt = new Date(event.recordedAt);
    await eventStore.appendToStream(streamId, [{ id, type, data, metadata }], { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 });
  }
  const stored = await eventStore.readStream(events[0].streamId);
  const readStore = await project(planViewProjection, stored, new InMemoryReadStore());
  return { eventStore, readStore, stored };
}

const withoutIntegrity = <T extends { integrity: unknown }>(rebuilt: T | null) => {
  if (rebuilt === null) return null;
  const { integrity: _integrity, ...view } = rebuilt;
  return view;
};

describe('PlanTimeTravel', () => {
  const events = longPlan();
  const key = planKey('hart', events[0].data.planId as string);
  const just = (revision: number, ms: number) => new Date(Date.parse(events[revision].recordedAt) + ms);

  it('gives the plan as the events recorded by each instant left it, on both sides of every snapshot', async () => {
    const { eventStore, readStore, stored } = await storedPlan(events);
    const timeTravel = new PlanTimeTravel(eventStore, readStore);
    const instants = [98, 99, 100, 101, 198, 199, 200, 250, 299, 300, PLAN_LENGTH - 1].flatMap((revision) => [just(revision, -1), just(revision, 0)]);
    for (const instant of instants) {
      const recorded = stored.filter((event) => Date.parse(event.recordedAt) <= instant.getTime());
      expect(withoutIntegrity(await timeTravel.asOf(key, instant))).toEqual(foldPlanView(recorded));
    }
    expect(await timeTravel.asOf(key, just(0, -1))).toBeNull();
  });

  it.each([
    [250, 52],
    [299, 1],
    [320, 22],
    [PLAN_LENGTH - 1, 50],
  ])('checks only the events after the newest snapshot, however long the plan: at event %i, %i', async (revision, eventsChecked) => {
    const { eventStore, readStore } = await storedPlan(events);
    const rebuilt = await new PlanTimeTravel(eventStore, readStore).asOf(key, just(revision, 0));
    // From the event after the snapshot up to the instant, and the first past it, which says where the instant falls.
    expect(rebuilt?.integrity).toEqual({ ok: true, eventsChecked, firstFailure: null });
  });

  it('still answers while the projector has not yet written the snapshot the point needs', async () => {
    const { eventStore, readStore, stored } = await storedPlan(events);
    await readStore.delete(PLAN_SNAPSHOTS_COLLECTION, planSnapshotId(key, 299));
    await readStore.delete(PLAN_SNAPSHOTS_COLLECTION, planSnapshotId(key, 199));
    const timeTravel = new PlanTimeTravel(eventStore, readStore);
    expect(withoutIntegrity(await timeTravel.asOf(key, just(320, 0)))).toEqual(foldPlanView(stored.slice(0, 321)));
    expect(withoutIntegrity(await timeTravel.atRevision(key, 320))).toEqual(foldPlanView(stored.slice(0, 321)));
  });
});
