import { EVENT_STORE, type EventStore } from '@app/event-store';
import { type Change, decodePlanEvent, planProjections, Projector } from '@app/projections';
import { recordingLogger, until } from '@app/projections/projector/testing/sample-projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { ChangeStreams, MAX_STREAMS_PER_CALLER } from '../../apps/api/src/changes/change-streams';
import { EventStreamClient } from '../support/event-stream-client';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestCaller } from '../support/tokens';

const HART_EDITOR: TestCaller = { role: 'editor', council: 'hart' };
const HART_OFFICER: TestCaller = { role: 'officer', council: 'hart' };
const HART_REPORTING: TestCaller = { role: 'reporting', council: 'hart', sub: 'reporting-service' };
const RIVERS_EDITOR: TestCaller = { role: 'editor', council: 'three-rivers' };
const RIVERS_REPORTING: TestCaller = { role: 'reporting', council: 'three-rivers' };

const PRIORITY = { ref: '1', title: 'Publish the statement of accounts', themes: ['Resilient council'], outcomes: [] };

/** Writes through the API, keeping the position of each event per council. */
class Writer {
  readonly written = new Map<string, number[]>();

  constructor(private readonly api: TestApp) {}

  async command(as: TestCaller, url: string, body: object): Promise<number> {
    const answer = await this.api.send({ method: 'POST', url, as, body });
    if (answer.status >= 300) throw new Error(`POST ${url}: ${answer.status} ${answer.text}`);
    const positions = this.written.get(as.council!) ?? [];
    positions.push(answer.body.position);
    this.written.set(as.council!, positions);
    return answer.body.position;
  }

  draft(as: TestCaller, planId: string, service: string): Promise<number> {
    return this.command(as, '/v1/plans', { planId, title: `${service} plan`, service, period: '2023/24' });
  }

  progress(planId: string, percentComplete: number): Promise<number> {
    return this.command(HART_OFFICER, `/v1/plans/${planId}/priorities/1/progress`, {
      period: '2023/24-Q1',
      percentComplete,
      status: 'on-track',
    });
  }

  get last(): number {
    return Math.max(...[...this.written.values()].flat());
  }
}

async function page(api: TestApp, query: string, as: TestCaller = HART_REPORTING) {
  const answer = await api.send({ method: 'GET', url: `/v1/changes?${query}`, as });
  expect(answer.status).toBe(200);
  return answer.body as { items: Change[]; next: number | null };
}

async function openStream(base: string, api: TestApp, as: TestCaller, headers: Record<string, string> = {}, query = '') {
  return EventStreamClient.open(`${base}/v1/changes${query}`, { ...(await api.authFor(as)), ...headers });
}

const positionsOf = (changes: Array<{ position: number }>) => changes.map((change) => change.position);

describe('The change feed', () => {
  let api: TestApp;
  let base: string;
  let writer: Writer;

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    writer = new Writer(api);
    await writer.draft(HART_EDITOR, 'cs-2023-24', 'Corporate Services');
    await writer.draft(RIVERS_EDITOR, 'tr-cs-2023-24', 'Corporate Services');
    await writer.command(HART_EDITOR, '/v1/plans/cs-2023-24/priorities', PRIORITY);
    await writer.draft(HART_EDITOR, 'env-2023-24', 'Environment');
    await writer.command(HART_EDITOR, '/v1/plans/env-2023-24/priorities', PRIORITY);
    await writer.command(RIVERS_EDITOR, '/v1/plans/tr-cs-2023-24/versions', { label: '1', reason: 'First draft' });
    await writer.command(HART_EDITOR, '/v1/plans/cs-2023-24/versions', { label: '1', reason: 'For O&S' });
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(() => api?.close());

  describe('in pages', () => {
    it("gives the council's changes in global order, each once, paging on from `next`", async () => {
      const first = await page(api, `waitFor=${writer.last}&limit=2`);
      expect(first.items).toHaveLength(2);
      expect(first.next).toBe(first.items[1].position);
      const served = [...first.items];
      for (let next = first.next; ; ) {
        const more = await page(api, `after=${next}&limit=2`);
        served.push(...more.items);
        if (more.items.length === 0) {
          expect(more.next).toBe(next);
          break;
        }
        next = more.next;
      }

      expect(positionsOf(served)).toEqual(writer.written.get('hart'));
      expect(served.map((change) => [change.planId, change.revision, change.type])).toEqual([
        ['cs-2023-24', 0, 'PlanDrafted'],
        ['cs-2023-24', 1, 'PriorityAdded'],
        ['env-2023-24', 0, 'PlanDrafted'],
        ['env-2023-24', 1, 'PriorityAdded'],
        ['cs-2023-24', 2, 'VersionPublished'],
      ]);
      expect(served[4]).toEqual({
        position: served[4].position,
        planId: 'cs-2023-24',
        service: 'Corporate Services',
        revision: 2,
        type: 'VersionPublished',
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        summary: 'Version 1 published: For O&S',
      });
    });

    it('says each change as the audit trail does', async () => {
      const { items } = await page(api, `waitFor=${writer.last}`);
      const history = await api.send({ method: 'GET', url: '/v1/plans/cs-2023-24/history', as: { role: 'auditor', council: 'hart' } });

      expect(items.filter((change) => change.planId === 'cs-2023-24').map((change) => change.summary)).toEqual(
        history.body.items.map((entry: { summary: string }) => entry.summary),
      );
    });

    it('is empty, `next` null, for a caller before anything changed, and `after` is exclusive', async () => {
      const none = await page(api, `waitFor=${writer.last}`, { role: 'reporting', council: 'rushmoor' });
      expect(none).toEqual({ items: [], next: null });

      const [, second] = writer.written.get('hart')!;
      const { items } = await page(api, `after=${second}&limit=1`);
      expect(positionsOf(items)).toEqual([writer.written.get('hart')![2]]);
    });

    it("shows each council its own changes only, and an officer only their services'", async () => {
      expect(positionsOf((await page(api, `waitFor=${writer.last}`, RIVERS_REPORTING)).items)).toEqual(writer.written.get('three-rivers'));

      const environmentOfficer = { role: 'officer', council: 'hart', services: ['Environment'] } satisfies TestCaller;
      const { items } = await page(api, `waitFor=${writer.last}`, environmentOfficer);
      expect(items.map((change) => [change.planId, change.type])).toEqual([
        ['env-2023-24', 'PlanDrafted'],
        ['env-2023-24', 'PriorityAdded'],
      ]);
      expect((await page(api, '', { role: 'officer', council: 'hart', services: ['Housing'] })).items).toEqual([]);
    });

    it('refuses a position or page size that is not a whole number in range, naming it, for pages and streams', async () => {
      for (const [query, field] of [
        ['after=-1', 'after'],
        ['after=abc', 'after'],
        ['after=1.5', 'after'],
        ['limit=0', 'limit'],
        ['limit=1001', 'limit'],
        ['limit=ten', 'limit'],
        ['waitFor=-3', 'waitFor'],
        ['cursor=abc', 'cursor'],
      ]) {
        const answer = await api.send({ method: 'GET', url: `/v1/changes?${query}`, as: HART_REPORTING });
        expect({ query, status: answer.status, error: answer.body.error }).toEqual({ query, status: 400, error: 'Bad Request' });
        expect(answer.body.message).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${field}: `))]));
        expect(answer.body.message.every((line: string) => line.startsWith(`${field}: `))).toBe(true);
      }
      for (const lastEventId of ['abc', '-1', '2.5']) {
        const answer = await api.send({
          method: 'GET',
          url: '/v1/changes',
          as: HART_REPORTING,
          headers: { accept: 'text/event-stream', 'last-event-id': lastEventId },
        });
        expect({ lastEventId, status: answer.status }).toEqual({ lastEventId, status: 400 });
        expect(answer.body.message.every((line: string) => line.startsWith('Last-Event-ID: '))).toBe(true);
      }
    });
  });

  it('is documented: both media types, the page schema, the resume header and the roles', async () => {
    const document = (await api.inject({ method: 'GET', url: '/docs-json' })).json();
    const operation = document.paths['/v1/changes'].get;

    expect(Object.keys(operation.responses['200'].content)).toEqual(['application/json', 'text/event-stream']);
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ChangesPageDto' });
    expect(Object.keys(document.components.schemas.ChangeDto.properties)).toEqual([
      'position',
      'planId',
      'service',
      'revision',
      'type',
      'recordedAt',
      'summary',
    ]);
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['after', 'limit', 'waitFor', 'Last-Event-ID']),
    );
    expect(operation['x-roles']).toEqual(['officer', 'editor', 'governance', 'auditor', 'reporting']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '429']));
  });

  describe('as server-sent events', () => {
    it('sends what is recorded, then each change as it is recorded, each event named by its position', async () => {
      await page(api, `waitFor=${writer.last}`);
      const stream = await openStream(base, api, HART_REPORTING);
      try {
        expect(stream.status).toBe(200);
        expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        const backlog = await stream.events(writer.written.get('hart')!.length);
        expect(backlog.map((event) => Number(event.id))).toEqual(writer.written.get('hart'));
        expect(JSON.parse(backlog[0].data)).toMatchObject({ position: Number(backlog[0].id), planId: 'cs-2023-24', type: 'PlanDrafted' });

        await writer.command(RIVERS_EDITOR, '/v1/plans/tr-cs-2023-24/close', { reason: 'Year ended' });
        const position = await writer.command(HART_EDITOR, '/v1/plans/env-2023-24/close', { reason: 'Year ended' });
        const [live] = await stream.events(1);
        expect(live.id).toBe(String(position));
        expect(JSON.parse(live.data)).toMatchObject({ planId: 'env-2023-24', type: 'PlanClosed', summary: 'Plan closed: Year ended' });
        expect(stream.retryMs).toBeGreaterThan(0);
      } finally {
        stream.close();
      }
    });

    it('resumes after the Last-Event-ID it is sent, rather than `after`', async () => {
      const hart = writer.written.get('hart')!;
      const stream = await openStream(base, api, HART_REPORTING, { 'last-event-id': String(hart[2]) }, `?after=${hart[0]}`);
      try {
        const events = await stream.events(hart.length - 3);
        expect(events.map((event) => Number(event.id))).toEqual(hart.slice(3));
      } finally {
        stream.close();
      }
    });

    it(`holds at most ${MAX_STREAMS_PER_CALLER} streams per caller open, and frees one when its client goes`, async () => {
      const caller: TestCaller = { role: 'reporting', council: 'hart', sub: 'greedy-client' };
      const streams = await Promise.all(Array.from({ length: MAX_STREAMS_PER_CALLER }, () => openStream(base, api, caller)));
      try {
        const refused = await openStream(base, api, caller);
        expect(refused.status).toBe(429);
        expect(await refused.json()).toEqual({
          statusCode: 429,
          error: 'Too Many Requests',
          message: `You already have ${MAX_STREAMS_PER_CALLER} change streams open, the most one caller may hold; close one before opening another.`,
        });
        const other = await openStream(base, api, { ...caller, sub: 'another-client' });
        expect(other.status).toBe(200);
        other.close();

        streams.pop()!.close();
        let again: EventStreamClient | undefined;
        await until(async () => {
          again = await openStream(base, api, caller);
          if (again.status === 200) return true;
          again.close();
          return false;
        });
        again!.close();
      } finally {
        streams.forEach((stream) => stream.close());
      }
    });

    it('a follower that hangs up and resumes many times under concurrent writes ends with exactly the changes written', async () => {
      const before = new Set(writer.written.get('hart'));
      const planIds = ['follow-a', 'follow-b'];
      for (const planId of planIds) {
        await writer.draft(HART_EDITOR, planId, 'Corporate Services');
        await writer.command(HART_EDITOR, `/v1/plans/${planId}/priorities`, PRIORITY);
      }
      await writer.draft(RIVERS_EDITOR, 'follow-tr', 'Corporate Services');
      await writer.command(RIVERS_EDITOR, '/v1/plans/follow-tr/priorities', PRIORITY);

      const COMMANDS = 200;
      let issued = 0;
      const writers = Promise.all(
        ['follow-a', 'follow-b', 'follow-a', 'follow-tr'].map(async (planId) => {
          while (issued < COMMANDS) {
            issued += 1;
            const percent = issued % 100;
            if (planId === 'follow-tr') {
              await writer.command({ role: 'officer', council: 'three-rivers' }, `/v1/plans/${planId}/priorities/1/progress`, {
                period: '2023/24-Q1',
                percentComplete: percent,
                status: 'on-track',
              });
            } else {
              await writer.progress(planId, percent);
            }
          }
        }),
      );

      const received: number[] = [];
      let lastEventId = Math.max(...before);
      let writing = true;
      void writers.finally(() => (writing = false));
      for (let connection = 0; writing || received.at(-1) !== writer.written.get('hart')!.at(-1); connection += 1) {
        const stream = await openStream(base, api, HART_REPORTING, { 'last-event-id': String(lastEventId) });
        try {
          // Hang up after a few events, or once caught up with what has been written so far.
          const wanted = 1 + (connection % 7);
          for (let taken = 0; taken < wanted; taken += 1) {
            const expectedLast = writer.written.get('hart')!.at(-1);
            if (!writing && received.at(-1) === expectedLast) break;
            const event = await stream.next();
            if (event === null) break;
            received.push(Number(event.id));
            lastEventId = Number(event.id);
          }
        } finally {
          stream.close();
        }
      }
      await writers;

      const expected = writer.written.get('hart')!.filter((position) => !before.has(position)).sort((a, b) => a - b);
      expect(received).toEqual(expected);
      expect(new Set(received).size).toBe(received.length);
    }, 120_000);
  });
});

describe('The change feed, with the projector in another process', () => {
  it('streams each change once the projector there has applied it', async () => {
    const api = await startTestApp({ env: { PROJECTOR_MODE: 'external' } });
    const worker = new Projector({
      eventStore: api.get<EventStore>(EVENT_STORE),
      readStore: api.get<ReadStore>(READ_STORE),
      projections: planProjections,
      decode: decodePlanEvent,
      logger: recordingLogger(),
    });
    let stream: EventStreamClient | undefined;
    try {
      await api.app.listen(0, '127.0.0.1');
      const base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
      const writer = new Writer(api);
      const drafted = await writer.draft(HART_EDITOR, 'cs-2023-24', 'Corporate Services');
      stream = await openStream(base, api, HART_REPORTING);
      await worker.start();
      expect((await stream.events(1))[0].id).toBe(String(drafted));

      const added = await writer.command(HART_EDITOR, '/v1/plans/cs-2023-24/priorities', PRIORITY);
      expect((await stream.events(1))[0].id).toBe(String(added));
    } finally {
      stream?.close();
      await worker.stop();
      await api.close();
    }
  });
});

describe('The change feed on shutdown', () => {
  it('ends its open streams, so that the server closes', async () => {
    const api = await startTestApp();
    await api.app.listen(0, '127.0.0.1');
    const base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    const stream = await openStream(base, api, HART_REPORTING);
    expect(stream.status).toBe(200);

    await api.close();

    expect(await stream.next()).toBeNull();
  });
});

describe('The change feed, while the service shuts down', () => {
  it('ends the open streams and refuses new ones with a 503 saying to reconnect, so no stream holds the drain', async () => {
    const api = await startTestApp();
    try {
      await api.app.listen(0, '127.0.0.1');
      const base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
      const open = await openStream(base, api, HART_REPORTING);
      expect(open.status).toBe(200);

      await api.get(ChangeStreams).beforeApplicationShutdown();

      expect(await open.next()).toBeNull();
      const refused = await openStream(base, api, HART_REPORTING);
      expect(refused.status).toBe(503);
      expect(refused.header('retry-after')).toBe('2');
      expect(await refused.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The service is shutting down; reconnect in a moment.',
      });
    } finally {
      await api.close();
    }
  });
});
