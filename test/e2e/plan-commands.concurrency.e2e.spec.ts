import type { AppendResult, EventToAppend, ExpectedRevision } from '@app/event-store';
import type { Caller } from '../../apps/api/src/auth/caller';
import { PlanAccessPolicy } from '../../apps/api/src/auth/plan-access.policy';
import type { RequestTrace } from '../../apps/api/src/plans/commands/command-origin';
import { PlanCommandService } from '../../apps/api/src/plans/commands/plan-command.service';
import { CouncilSettingsStore } from '../../apps/api/src/settings/council-settings.store';
import { CorporatePlansStore } from '../../apps/api/src/corporate-plans/corporate-plans.store';
import { PlanStreamCache } from '../../apps/api/src/plans/commands/plan-stream-cache';
import { HART_INDICATORS, HART_PRIORITIES } from '../fixtures/hart-2023-24';
import { CommandApi, enterHartPlan, expectStatus, type Send } from './plan-commands.support';

describe('Concurrent plan commands', () => {
  let api: CommandApi;

  beforeAll(async () => {
    api = await CommandApi.start();
  });

  afterAll(() => api.close());

  afterEach(() => jest.restoreAllMocks());

  it('accepts 40 concurrent updates from 40 officers on one plan and loses none', async () => {
    const planId = await enterHartPlan(api);
    const before = await api.eventCount(planId);
    const quarters = ['2023/24-Q1', '2023/24-Q2'];
    const requests: Send[] = [];
    for (const period of quarters) {
      for (const { ref } of HART_PRIORITIES.slice(0, 10)) {
        requests.push({
          method: 'POST',
          url: `/v1/plans/${planId}/priorities/${ref}/progress`,
          as: { role: 'officer', council: 'hart', sub: `officer-${requests.length}@hart` },
          body: { period, percentComplete: 20, status: 'on-track' },
        });
      }
      for (const { code } of HART_INDICATORS.slice(0, 10)) {
        requests.push({
          method: 'POST',
          url: `/v1/plans/${planId}/indicators/${code}/actuals`,
          as: { role: 'officer', council: 'hart', sub: `officer-${requests.length}@hart` },
          body: { period, value: 50 },
        });
      }
    }

    const appends = jest.spyOn(api.store, 'appendToStream');
    const answers = await Promise.all(requests.map((request) => api.send(request)));

    expect(answers.map((answer) => answer.status)).toEqual(requests.map(() => 201));
    // Queued per plan, this process never races itself: one append per command, none retried.
    expect(appends).toHaveBeenCalledTimes(40);
    const events = await api.events(planId);
    expect(events).toHaveLength(before + 40);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const revisions = answers.map((answer) => answer.body.revision as number).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 40 }, (_, index) => before + index));
    for (const answer of answers) {
      const [eventId] = answer.body.eventIds as string[];
      expect(events[answer.body.revision].id).toBe(eventId);
    }
    const writers = new Set(events.slice(before).map((event) => (event.metadata.actor as { id: string }).id));
    expect(writers.size).toBe(40);
  });

  describe('racing a writer in another process', () => {
    let planId: string;
    let rival: PlanCommandService;
    const rivalCaller: Caller = { id: 'rival@hart', name: 'Rival officer', roles: ['officer'], council: 'hart', services: null };
    let rivalWrites = 0;

    /** The other process: its own service and cache over the same event store. */
    const rivalRecordsProgress = () =>
      rival.execute(
        planId,
        { type: 'RecordProgress', data: { ref: '2', period: '2023/24-Q3', percentComplete: 50 + rivalWrites, status: 'on-track' } },
        rivalCaller,
        rivalTrace(`rival-${++rivalWrites}`),
      );

    /** Lets the rival append just before each append this process makes: between its load and its write. */
    function rivalWritesFirst(times: number): jest.SpyInstance {
      const store = api.store;
      const append = store.appendToStream.bind(store);
      let interferences = 0;
      let rivalAppending = false;
      return jest
        .spyOn(store, 'appendToStream')
        .mockImplementation(async (streamId: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> => {
          if (!rivalAppending && interferences < times) {
            interferences++;
            rivalAppending = true;
            try {
              await rivalRecordsProgress();
            } finally {
              rivalAppending = false;
            }
          }
          return append(streamId, events, options);
        });
    }

    const progressRequest = (headers: Record<string, string> = {}): Send => ({
      method: 'POST',
      url: `/v1/plans/${planId}/priorities/1/progress`,
      as: 'officer',
      headers,
      body: { period: '2023/24-Q3', percentComplete: 70, status: 'on-track' },
    });

    beforeAll(async () => {
      planId = await enterHartPlan(api);
      rival = new PlanCommandService(api.store, new PlanStreamCache(api.store), api.app.get(PlanAccessPolicy), new CouncilSettingsStore(api.store), new CorporatePlansStore(api.store));
      // Warm this process's cache so the rival's write is news to it.
      expectStatus(await api.send(progressRequest()), 201);
    });

    it('retries on the fresh state and keeps both writes', async () => {
      const before = await api.eventCount(planId);
      const appends = rivalWritesFirst(1);

      const answer = expectStatus(await api.send(progressRequest()), 201);

      expect(appends).toHaveBeenCalledTimes(3); // ours refused, the rival's, ours again
      const events = await api.events(planId);
      expect(events).toHaveLength(before + 2);
      expect(events[before].metadata.actor).toMatchObject({ id: 'rival@hart' });
      expect(events[before + 1].id).toBe(answer.body.eventIds[0]);
      expect(answer.body.revision).toBe(before + 1);
      expect(events[before + 1].metadata.previousHash).toBe(events[before].metadata.hash);
    });

    it('gives up with 409 when the plan keeps changing, writing nothing of its own', async () => {
      const before = await api.eventCount(planId);
      rivalWritesFirst(Number.POSITIVE_INFINITY);

      const answer = await api.send(progressRequest());

      const added = (await api.events(planId)).slice(before);
      expect(added.length).toBeGreaterThan(1);
      expect(added.every((event) => (event.metadata.actor as { id: string }).id === 'rival@hart')).toBe(true);
      const current = before + added.length - 1;
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'The plan changed while your update was being saved; reload and try again',
        currentRevision: current,
        currentVersion: current,
      });
      expect(answer.headers.etag).toBe(`"${current}"`);
    });

    it('answers 412 at once when If-Match pinned the revision the rival moved past', async () => {
      const current = (await api.eventCount(planId)) - 1;
      const appends = rivalWritesFirst(1);

      const answer = await api.send(progressRequest({ 'if-match': `"${current}"` }));

      expect(answer.status).toBe(412);
      expect(answer.body.message).toMatch(new RegExp(`^The plan is at revision ${current + 1}, not revision ${current} `));
      expect(answer.body.currentRevision).toBe(current + 1);
      expect(appends).toHaveBeenCalledTimes(2);
      expect(await api.eventCount(planId)).toBe(current + 2);
    });

    describe('when it wrote while this process was idle, behind its cache', () => {
      // A command of this process's own first, so that it holds the plan as it left it.
      beforeEach(async () => {
        expectStatus(await api.send(progressRequest()), 201);
      });

      it('chains the next command to the rival\'s event, not to the one this process last held', async () => {
        const before = await api.eventCount(planId);
        await rivalRecordsProgress();
        const appends = jest.spyOn(api.store, 'appendToStream');

        const answer = expectStatus(await api.send(progressRequest()), 201);

        const events = await api.events(planId);
        expect(events).toHaveLength(before + 2);
        expect(answer.body.revision).toBe(before + 1);
        expect(events[before + 1].id).toBe(answer.body.eventIds[0]);
        expect(events[before + 1].metadata.previousHash).toBe(events[before].metadata.hash);
        // The held plan's append is refused, the plan read again and the command appended on it.
        expect(appends).toHaveBeenCalledTimes(2);
      });

      it('accepts If-Match at the revision the rival reached, which this process had not seen', async () => {
        await rivalRecordsProgress();
        const current = (await api.eventCount(planId)) - 1;

        const answer = expectStatus(await api.send(progressRequest({ 'if-match': `"${current}"` })), 201);

        expect(answer.body.revision).toBe(current + 1);
      });

      it('records progress on a priority only the rival\'s write added', async () => {
        await rival.execute(
          planId,
          { type: 'AddPriority', data: { ref: '99', title: 'Shared service review', themes: [...HART_PRIORITIES[0].themes], outcomes: [] } },
          rivalCaller,
          rivalTrace(`rival-${++rivalWrites}`),
        );

        const answer = await api.send({ ...progressRequest(), url: `/v1/plans/${planId}/priorities/99/progress` });

        expectStatus(answer, 201);
        const events = await api.events(planId);
        expect(events[answer.body.revision]).toMatchObject({ type: 'ProgressRecorded', data: { priorityRef: '99' } });
      });
    });

    it('leaves the chain whole after the races', async () => {
      const check = await api.send({ method: 'GET', url: `/v1/plans/${planId}/integrity`, as: 'auditor' });
      expect(expectStatus(check, 200).body).toMatchObject({ ok: true, firstFailure: null });
    });
  });
});

function rivalTrace(requestId: string): RequestTrace {
  return {
    operation: 'progress.record',
    requestId,
    correlationId: requestId,
    idempotencyKey: null,
    expectedRevision: null,
    route: 'rival',
    body: null,
  };
}
