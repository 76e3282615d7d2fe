import { corporatePlansStreamId, planKey, planStreamId, verifyChain } from '@app/domain';
import { HART_CORPORATE_PLAN, HART_CORPORATE_THEMES } from '@app/domain/corporate-plan/testing/hart-corporate-plan.seed';
import { EVENT_STORE, type EventStore, readStreamIfAny, StreamNotFoundError } from '@app/event-store';
import { HART_INDICATORS, HART_PLAN, HART_PRIORITIES } from '../fixtures/hart-2023-24';
import type { TestCaller } from '../support/tokens';
import { PlanApi } from './plan-queries.support';

/**
 * Hart's Corporate Plan 2023/2027 entered over HTTP, read back, revised with a reason and read in its
 * history; every refusal writes nothing, and another council sees none of it. The revision is
 * ILLUSTRATIVE: Hart's corporate plan stands as Council approved it.
 */
const COUNCIL = 'hart';
const EDITOR: TestCaller = { role: 'editor', name: 'Policy Officer', sub: 'policy@hart', council: COUNCIL };
const GOVERNANCE: TestCaller = { role: 'governance', name: 'Committee Services', sub: 'committees@hart', council: COUNCIL };
const OFFICER: TestCaller = { role: 'officer', council: COUNCIL };
const AUDITOR: TestCaller = { role: 'auditor', council: COUNCIL };
const OTHER_COUNCIL: TestCaller = { role: 'governance', council: 'rushmoor' };
const ID = HART_CORPORATE_PLAN.corporatePlanId;

describe("Hart's corporate plan, entered, revised and read", () => {
  let api: PlanApi;
  let store: EventStore;
  let position = 0;

  const send = async (as: TestCaller, method: 'POST' | 'PATCH' | 'GET', url: string, body?: object) => {
    const answer = await api.send({ method, url, as, body });
    if (typeof answer.body?.position === 'number') position = answer.body.position;
    return answer;
  };
  const read = (url: string, as: TestCaller = AUDITOR) => send(as, 'GET', `${url}?waitFor=${position}`);
  const storedEvents = async (council = COUNCIL) => {
    return readStreamIfAny(store, corporatePlansStreamId(council));
  };

  beforeAll(async () => {
    api = await PlanApi.start();
    store = api.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(() => api.close());

  it('is recorded by an editor and read by any reader, with its four themes', async () => {
    const recorded = await send(EDITOR, 'POST', '/v1/corporate-plans', HART_CORPORATE_PLAN);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ corporatePlanId: ID, revision: 0, position: expect.any(Number) });

    const plan = await read(`/v1/corporate-plans/${ID}`, OFFICER);
    expect(plan.status).toBe(200);
    expect(plan.body).toEqual({
      corporatePlanId: ID,
      council: COUNCIL,
      title: HART_CORPORATE_PLAN.title,
      period: '2023-2027',
      periodRange: { kind: 'multi-year', from: '2023-04-01', to: '2027-03-31' },
      themes: HART_CORPORATE_THEMES,
      recordedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const list = await read('/v1/corporate-plans', OFFICER);
    expect(list.body).toEqual({ items: [plan.body], next: null });
  });

  it('is revised by governance with a reason, and its history says what changed, who and why', async () => {
    const themes = HART_CORPORATE_THEMES.map((theme) => (theme.id === 'people' ? { ...theme, title: 'People and communities' } : theme));
    const revised = await send(GOVERNANCE, 'PATCH', `/v1/corporate-plans/${ID}`, { themes, reason: 'Council, mid-term review' });
    expect(revised.status).toBe(200);
    expect(revised.body.revision).toBe(1);

    expect((await read(`/v1/corporate-plans/${ID}`)).body.themes[1]).toMatchObject({ id: 'people', title: 'People and communities' });
    const history = await read(`/v1/corporate-plans/${ID}/history`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual({
      corporatePlanId: ID,
      entries: [
        { type: 'CorporatePlanRecorded', recordedAt: expect.any(String), actor: { name: 'Policy Officer', role: 'editor' }, reason: null, changes: [`Corporate plan recorded: ${HART_CORPORATE_PLAN.title}`] },
        {
          type: 'CorporatePlanRevised',
          recordedAt: expect.any(String),
          actor: { name: 'Committee Services', role: 'governance' },
          reason: 'Council, mid-term review',
          changes: ["Theme people renamed from 'People' to 'People and communities'"],
        },
      ],
    });
    expect((await read(`/v1/corporate-plans/${ID}/history`, OFFICER)).status).toBe(403);
  });

  it('seals its events in a hash chain, as a plan\'s', async () => {
    const events = await storedEvents();
    expect(events.map((event) => event.type)).toEqual(['CorporatePlanRecorded', 'CorporatePlanRevised']);
    expect(verifyChain(events).ok).toBe(true);
  });

  it.each([
    ['the same id again', EDITOR, 'POST', '/v1/corporate-plans', HART_CORPORATE_PLAN, 409, 'already has a corporate plan'],
    ['a period overlapping it', EDITOR, 'POST', '/v1/corporate-plans', { ...HART_CORPORATE_PLAN, corporatePlanId: 'next', period: '2026-2030' }, 422, 'one corporate plan in force at a time'],
    ['no themes', EDITOR, 'POST', '/v1/corporate-plans', { ...HART_CORPORATE_PLAN, corporatePlanId: 'next', period: '2027-2031', themes: [] }, 422, 'at least one theme'],
    ['a theme without an id', EDITOR, 'POST', '/v1/corporate-plans', { ...HART_CORPORATE_PLAN, corporatePlanId: 'next', period: '2027-2031', themes: [{ title: 'Planet', objectives: [] }] }, 400, 'themes[0].id: is required'],
    ['a revision without a reason', GOVERNANCE, 'PATCH', `/v1/corporate-plans/${ID}`, { title: 'Another title' }, 400, 'reason'],
    ['a revision changing nothing', GOVERNANCE, 'PATCH', `/v1/corporate-plans/${ID}`, { title: HART_CORPORATE_PLAN.title, reason: 'Again' }, 422, 'Nothing would change'],
    ['a revision of a corporate plan not held', GOVERNANCE, 'PATCH', '/v1/corporate-plans/missing', { title: 'X', reason: 'Y' }, 404, 'Corporate plan missing was not found'],
    ['an officer recording one', OFFICER, 'POST', '/v1/corporate-plans', { ...HART_CORPORATE_PLAN, corporatePlanId: 'next', period: '2027-2031' }, 403, ''],
    ['another council revising it', OTHER_COUNCIL, 'PATCH', `/v1/corporate-plans/${ID}`, { title: 'Taken over', reason: 'Hostile' }, 404, `Corporate plan ${ID} was not found`],
  ] as const)('refuses %s, writing nothing', async (_, as, method, url, body, status, message) => {
    const before = await store.headPosition();
    const answer = await send(as, method, url, body);
    expect(answer.status).toBe(status);
    expect(JSON.stringify(answer.body.message)).toContain(message);
    expect(await store.headPosition()).toBe(before);
  });

  it("is not found by another council, which has none of its own", async () => {
    const other: TestCaller = { role: 'auditor', council: 'rushmoor' };
    const plan = await read(`/v1/corporate-plans/${ID}`, other);
    expect(plan.status).toBe(404);
    expect(plan.body.message).toBe(`Corporate plan ${ID} was not found`);
    expect((await read(`/v1/corporate-plans/${ID}/history`, other)).status).toBe(404);
    expect((await read('/v1/corporate-plans', other)).body).toEqual({ items: [], next: null });
    expect(await storedEvents('rushmoor')).toEqual([]);
  });

  describe("Hart's 2023/24 plan linked to the corporate plan's themes by id", () => {
    const PLAN = 'corporate-services-2023-24';
    const planEvents = async (council = COUNCIL) => {
      try {
        return (await store.readStream(planStreamId(planKey(council, PLAN)))).length;
      } catch (error) {
        if (error instanceof StreamNotFoundError) return 0;
        throw error;
      }
    };
    const [councilTax] = HART_INDICATORS;
    const priority14 = HART_PRIORITIES.find(({ ref }) => ref === '14')!;
    const { title, service, period, owner } = HART_PLAN;
    const draft = { planId: PLAN, title, service, period, owner };

    beforeAll(async () => {
      expect((await send(EDITOR, 'POST', '/v1/plans', draft)).status).toBe(201);
    });

    it('checks each id against the corporate plan in force, keeps the words as printed, and shows both', async () => {
      const added = await send(EDITOR, 'POST', `/v1/plans/${PLAN}/priorities`, { ...priority14, themeIds: ['resilient', 'Planet', 'place'] });
      expect(added.status).toBe(201);
      const defined = await send(EDITOR, 'POST', `/v1/plans/${PLAN}/indicators`, { ...councilTax, themeId: 'resilient' });
      expect(defined.status).toBe(201);

      const plan = await read(`/v1/plans/${PLAN}`);
      expect(plan.body.priorities[0]).toMatchObject({ ref: '14', themes: priority14.themes, themeIds: ['resilient', 'planet', 'place'] });
      expect(plan.body.indicators[0]).toMatchObject({ code: councilTax.code, themeId: 'resilient' });

      const unlinked = await send(EDITOR, 'PATCH', `/v1/plans/${PLAN}/indicators/${councilTax.code}`, { themeId: null, reason: 'Reported under the MTFS instead' });
      expect(unlinked.status).toBe(200);
      expect((await read(`/v1/plans/${PLAN}/indicators`)).body.indicators[0].themeId).toBeNull();
    });

    it('refuses an id that is not one of its themes with 422 naming it, writing nothing', async () => {
      const before = await planEvents();
      const refused = await send(EDITOR, 'POST', `/v1/plans/${PLAN}/priorities`, { ...priority14, ref: '20', themeIds: ['sustainable-environment'] });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toBe(
        `The corporate plan '${HART_CORPORATE_PLAN.title}' has no theme 'sustainable-environment' for priority 20: its themes are planet, people, place, resilient.`,
      );
      const revised = await send(EDITOR, 'PATCH', `/v1/plans/${PLAN}/priorities/14`, { themeIds: ['homes'], reason: 'Relinked' });
      expect(revised.status).toBe(422);
      expect(await planEvents()).toBe(before);
    });

    it("refuses ids in a council without a corporate plan, and takes the printed words there as before", async () => {
      const rushmoor: TestCaller = { role: 'editor', council: 'rushmoor' };
      expect((await send(rushmoor, 'POST', '/v1/plans', draft)).status).toBe(201);
      const before = await planEvents('rushmoor');
      const refused = await send(rushmoor, 'POST', `/v1/plans/${PLAN}/priorities`, { ...priority14, themeIds: ['planet'] });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toContain('no corporate plan of the council covers 2023/24');
      expect(await planEvents('rushmoor')).toBe(before);
      expect((await send(rushmoor, 'POST', `/v1/plans/${PLAN}/priorities`, priority14)).status).toBe(201);
    });
  });
});
