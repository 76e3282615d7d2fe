import { PLAN_LIST_COLLECTION, PLANS_COLLECTION } from '@app/projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import type { Role } from '../../apps/api/src/auth/caller';
import type { TestCaller } from '../support/tokens';
import { afterInstant, PlanApi } from './plan-queries.support';

const PLAN = 'audit-trail';
const plan = `/v1/plans/${PLAN}`;

interface Entry {
  position: number;
  revision: number;
  recordedAt: string;
  type: string;
  actor: { id: string; name: string; role: string };
  reason: string | null;
  summary: string;
  data: Record<string, unknown>;
}

describe('The audit trail of a plan', () => {
  let api: PlanApi;
  let lastPosition = 0;
  let betweenSetUpAndMonitoring: string;

  const command = async (as: Role, method: 'POST' | 'PUT', url: string, body: object) => {
    const answer = await api.send({ method, url, as, body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    lastPosition = answer.body.position;
  };
  const history = async (query = '', as: Role | TestCaller = 'auditor') => {
    const answer = await api.send({ method: 'GET', url: `${plan}/history?waitFor=${lastPosition}${query}`, as });
    return answer;
  };
  const entries = async (query = ''): Promise<Entry[]> => {
    const answer = await history(query);
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  beforeAll(async () => {
    api = await PlanApi.start();
    await command('editor', 'POST', '/v1/plans', { planId: PLAN, title: 'Service Plan 2023/24: Corporate Services', service: 'Corporate Services', period: '2023/24' });
    await command('editor', 'POST', `${plan}/priorities`, { ref: '1', title: 'Committee services', themes: ['People'], outcomes: [] });
    await command('editor', 'POST', `${plan}/indicators`, {
      code: 'CP7',
      title: 'Percentage of Council Tax collected.',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'cumulative-ytd',
      frequency: 'quarterly',
      targets: [{ period: '2023/24-Q1', value: 24.5 }, { period: '2023/24', value: 98 }],
    });
    await command('editor', 'POST', `${plan}/versions`, { label: '1', reason: 'Version to be considered by O&S Committee' });
    const instant = new Date();
    betweenSetUpAndMonitoring = instant.toISOString();
    await afterInstant(instant);
    await command('editor', 'PUT', `${plan}/indicators/CP7/targets/2023-24`, { value: 98.5, reason: 'Raised to reflect O&S comments' });
    await command('officer', 'POST', `${plan}/indicators/CP7/actuals`, { period: '2023/24-Q1', value: 29.5 });
    await command('officer', 'POST', `${plan}/priorities/1/progress`, { period: '2023/24-Q1', percentComplete: 25, status: 'on-track' });
    await command('officer', 'POST', `${plan}/indicators/CP7/actuals`, {
      period: '2023/24-Q1',
      value: 29.1,
      reason: 'Corrected after reconciliation',
    });
  });

  afterAll(() => api.close());

  it('checks who may read the trail and the version table from the plan\'s list entry, never loading the whole plan', async () => {
    const reads = jest.spyOn(api.app.get<ReadStore>(READ_STORE), 'get');
    try {
      expect((await history()).status).toBe(200);
      expect((await api.send({ method: 'GET', url: `${plan}/versions?waitFor=${lastPosition}`, as: 'auditor' })).status).toBe(200);
      expect(reads).toHaveBeenCalledWith(PLAN_LIST_COLLECTION, `hart/${PLAN}`);
      expect(reads).not.toHaveBeenCalledWith(PLANS_COLLECTION, expect.anything());
    } finally {
      reads.mockRestore();
    }
  });

  it('lists every event in order: position, revision, when, what, who, why, a one-line summary and the data', async () => {
    const all = await entries();
    expect(all.map((entry) => entry.type)).toEqual([
      'PlanDrafted',
      'PriorityAdded',
      'IndicatorDefined',
      'VersionPublished',
      'TargetChanged',
      'ActualRecorded',
      'ProgressRecorded',
      'ActualRestated',
    ]);
    expect(all.map((entry) => entry.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...all].sort((a, b) => a.position - b.position)).toEqual(all);
    expect(all[4]).toEqual({
      planId: PLAN,
      position: expect.any(Number),
      revision: 4,
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      type: 'TargetChanged',
      actor: { id: 'editor@hart', name: 'Test editor', role: 'editor' },
      reason: 'Raised to reflect O&S comments',
      summary: 'Target for CP7 2023/24 changed from 98% to 98.5%: Raised to reflect O&S comments',
      refs: ['CP7'],
      ref: 'CP7',
      data: expect.objectContaining({ code: 'CP7', period: '2023/24', previous: expect.objectContaining({ value: 98 }) }),
    });
    expect(all[5].summary).toBe('Actual for CP7 2023/24-Q1 recorded: 29.5% (green against 24.5%)');
    expect(all[7]).toMatchObject({
      actor: { role: 'officer' },
      reason: 'Corrected after reconciliation',
      summary: 'Actual for CP7 2023/24-Q1 restated from 29.5% to 29.1% (green against 24.5%): Corrected after reconciliation',
    });
  });

  it('filters by event type and by the priority or indicator touched', async () => {
    expect((await entries('&type=ActualRestated')).map((entry) => entry.revision)).toEqual([7]);
    expect((await entries('&ref=CP7')).map((entry) => entry.type)).toEqual(['IndicatorDefined', 'TargetChanged', 'ActualRecorded', 'ActualRestated']);
    expect((await entries('&ref=1')).map((entry) => entry.type)).toEqual(['PriorityAdded', 'ProgressRecorded']);
    expect(await entries('&type=PlanClosed')).toEqual([]);
  });

  it('filters by record time, from and to an instant', async () => {
    expect((await entries(`&to=${betweenSetUpAndMonitoring}`)).map((entry) => entry.revision)).toEqual([0, 1, 2, 3]);
    expect((await entries(`&from=${betweenSetUpAndMonitoring}`)).map((entry) => entry.revision)).toEqual([4, 5, 6, 7]);
    expect((await entries(`&from=${betweenSetUpAndMonitoring}&type=ActualRecorded`)).map((entry) => entry.revision)).toEqual([5]);
  });

  it('pages with a cursor, every entry once and in order', async () => {
    const all = await entries();
    const seen: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await history(`&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items);
      cursor = answer.body.next;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('names a bad filter, and keeps the trail from those who may not audit', async () => {
    const bad = await history('&from=yesterday&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual([
      "from: 'yesterday' is not a date or an instant: write a date, 2024-03-19 (the start of that day in UK time), or an instant with its offset, 2024-03-19T18:00:00Z",
      'limit: must not be less than 1',
    ]);
    expect((await history('', 'officer')).status).toBe(403);
    expect((await history('', { role: 'auditor', council: 'rushmoor' })).status).toBe(404);
  });
});
