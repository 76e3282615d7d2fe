import { randomUUID } from 'node:crypto';
import { corporatePlansStreamId, councilSettingsStreamId, planKey, planStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore, readStreamIfAny, type StoredEvent } from '@app/event-store';
import { Projector } from '@app/projections';
import { until } from '@app/projections/projector/testing/sample-projections';
import { ACCESS_TABLE } from '../../apps/api/src/auth/access-table';
import { OPERATOR_ROLE, ROLES, type Role } from '../../apps/api/src/auth/caller';
import { PublishedAnswers } from '../support/published-answers';
import { isJson, startTestApp, type TestApp } from '../support/test-app';
import { authHeader, type TestCaller } from '../support/tokens';
import {
  APPROVAL,
  BUDGET_LINE,
  INDICATOR_CP7,
  MATRIX_ROUTES,
  OTHER_COUNCIL,
  OTHER_SERVICE,
  OWN_COUNCIL,
  OWN_SERVICE,
  PLAN_DRAFT,
  PRIORITY_ONE,
  RISK_R1,
  routeName,
  SHARED_CORPORATE_PLAN,
  type GivenPlan,
  type MatrixRoute,
} from './access-matrix.routes';

/**
 * Issue 5's access matrix: every route of the contract, called as every role, for the caller's own
 * council and service, another service of that council, and another council; the operator, who
 * acts for no council, with a token naming none. Each answer must be the one `ACCESS_TABLE` gives,
 * a refused call must write no event, and every answer must be one the OpenAPI document declares
 * for its route and status, its body valid against the schema published for them.
 */

const SCOPES = {
  'own service': { council: OWN_COUNCIL, services: [OWN_SERVICE] },
  'another service': { council: OWN_COUNCIL, services: [OTHER_SERVICE] },
  'another council': { council: OTHER_COUNCIL },
  'no council': {},
} satisfies Record<string, Omit<TestCaller, 'role'>>;

type Scope = keyof typeof SCOPES;

const scopesOf = (role: Role): Scope[] =>
  role === OPERATOR_ROLE ? ['no council'] : ['own service', 'another service', 'another council'];

/** What the table, and the plan-access policy it is paired with, say the call must answer, and why. */
function expectedAnswer(route: MatrixRoute, role: Role, scope: Scope): { status: number; refusedFor?: string } {
  const mayPerform = route.operations.every((operation) => (ACCESS_TABLE[operation] as readonly Role[]).includes(role));
  if (!mayPerform) return { status: 403, refusedFor: 'role' };
  if (route.scope === 'system') return { status: route.succeeds };
  if (scope === 'another council' && (route.scope === 'plan' || route.scope === 'corporate plan')) return { status: 404, refusedFor: 'was not found' };
  if (route.scope === 'council record') {
    if (route.method === 'GET') return scope === 'another council' ? { status: 404, refusedFor: 'in this council' } : { status: route.succeeds };
    if (scope === 'another council') return { status: 422, refusedFor: 'was not found' };
    if (scope === 'another service') return { status: 422, refusedFor: OWN_SERVICE };
    return { status: route.succeeds };
  }
  const ofTheCouncil = route.scope === 'council' || route.scope === 'council setting' || route.scope === 'corporate plan';
  if (scope === 'another service' && !ofTheCouncil) return { status: 403, refusedFor: OWN_SERVICE };
  return { status: route.succeeds };
}

/** The officer who enters a figure a route checks: never one of the callers the matrix asks as. */
const RECORDER_SUB = 'recording-officer@hart';

const CASES = MATRIX_ROUTES.flatMap((route) =>
  ROLES.flatMap((role) =>
    scopesOf(role).map((scope) => {
      const { status, refusedFor } = expectedAnswer(route, role, scope);
      return { route, role, scope, expected: status, refusedFor, title: `${routeName(route)} as ${role} of ${scope} → ${status}` };
    }),
  ),
);

/** A page of the plan list or the change feed, or a council-wide report naming the plans it holds. */
interface Page {
  items?: Array<{ planId: string }>;
  plans?: Array<{ planId: string }>;
  next?: string | null;
}

interface Call {
  method: MatrixRoute['method'];
  url: string;
  body?: unknown;
}

describe('Access matrix: every route, every role, own and other council and service', () => {
  let api: TestApp;
  let events: EventStore;
  let published: PublishedAnswers;
  let sharedPlanId: string;
  /** A meeting and a decision of the own council, for the reads of council records. */
  const recordIds: Record<string, string> = {};
  /** An instant after the shared plan was written, for the `asOf` reads. */
  let asOf: string;
  /** Per write route, the plan every refused call of that route is made on. */
  const refusalPlans = new Map<MatrixRoute, string>();
  const headers = new Map<string, Record<string, string>>();

  async function send(call: Call, caller?: TestCaller) {
    const response = await api.inject({
      method: call.method,
      url: call.url,
      headers: caller ? await authorizationOf(caller) : {},
      ...(call.body === undefined ? {} : { payload: call.body as object }),
    });
    return { status: response.statusCode, headers: response.headers, body: isJson(response) ? response.json() : null };
  }

  async function authorizationOf(caller: TestCaller): Promise<Record<string, string>> {
    const key = JSON.stringify(caller);
    if (!headers.has(key)) headers.set(key, await authHeader(api.dataDir, caller));
    return headers.get(key)!;
  }

  /** A setup step, by a Hart user with the given role and every service, which must succeed. */
  async function arrange(role: Role, call: Call, sub?: string): Promise<{ planId: string; position: number }> {
    const answer = await send(call, { role, council: OWN_COUNCIL, ...(sub === undefined ? {} : { sub }) });
    if (answer.status >= 300) {
      throw new Error(`Setting up: ${call.method} ${call.url} as ${role} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }

  async function preparePlan(given: Exclude<GivenPlan, 'shared plan'>, items: MatrixRoute['arrange'] = []): Promise<string> {
    const { planId } = await arrange('editor', { method: 'POST', url: '/v1/plans', body: PLAN_DRAFT });
    await arrange('editor', { method: 'POST', url: `/v1/plans/${planId}/priorities`, body: PRIORITY_ONE });
    await arrange('editor', { method: 'POST', url: `/v1/plans/${planId}/indicators`, body: INDICATOR_CP7 });
    await arrange('editor', { method: 'POST', url: `/v1/plans/${planId}/budget-lines`, body: BUDGET_LINE });
    await arrange('editor', { method: 'POST', url: `/v1/plans/${planId}/risks`, body: RISK_R1 });
    for (const { path, body, byRecorder } of items) {
      const call = { method: 'POST' as const, url: `/v1/plans/${planId}/${path}`, body };
      await (byRecorder ? arrange('officer', call, RECORDER_SUB) : arrange('editor', call));
    }
    if (given === 'fresh approved plan') await arrange('governance', { method: 'POST', url: `/v1/plans/${planId}/approval`, body: APPROVAL });
    return planId;
  }

  /** Two published versions with a change between them, an actual and progress: every read has something to show. */
  async function prepareSharedPlan(): Promise<string> {
    const planId = await preparePlan('fresh plan');
    const plan = `/v1/plans/${planId}`;
    await arrange('editor', { method: 'POST', url: `${plan}/versions`, body: { label: '1', reason: 'As drafted' } });
    await arrange('officer', { method: 'POST', url: `${plan}/indicators/CP7/actuals`, body: { period: '2023/24-Q1', value: 29.5 } });
    await arrange('officer', {
      method: 'POST',
      url: `${plan}/priorities/1/progress`,
      body: { period: '2023/24-Q1', percentComplete: 25, status: 'on-track' },
    });
    await arrange('editor', { method: 'POST', url: `${plan}/priorities`, body: { ...PRIORITY_ONE, ref: '2', outcomes: [] } });
    const { position } = await arrange('editor', { method: 'POST', url: `${plan}/versions`, body: { label: '2', reason: 'Priority 2 added' } });
    await arrange('auditor', { method: 'GET', url: `${plan}?waitFor=${position}` });
    return planId;
  }

  /** A meeting and a decision on a plan of their own, for the reads of council records to find. */
  async function prepareCouncilRecords(): Promise<void> {
    const planId = await preparePlan('fresh plan', [{ path: 'versions', body: { reason: 'For Cabinet' } }]);
    const plans = [{ planId, comments: [] }];
    const meeting = await arrange('governance', { method: 'POST', url: '/v1/meetings', body: { committee: 'Overview and Scrutiny Committee', meetingDate: '2024-03-19', plans } });
    const decision = await arrange('governance', {
      method: 'POST',
      url: '/v1/decisions',
      body: { body: 'Cabinet', meetingDate: '2024-04-04', decisionRef: 'Cabinet 4 April 2024', title: 'Service Plans 2024-25', plans: [{ planId }] },
    });
    recordIds.meetingId = (meeting as unknown as { meetingId: string }).meetingId;
    recordIds.decisionId = (decision as unknown as { decisionId: string }).decisionId;
  }

  /** The plan the call is about: a fresh one for a write meant to succeed, so that every write is valid. */
  /** The plan the call is about: a fresh one for a write meant to succeed, so that every write is valid. */
  async function planFor(route: MatrixRoute, succeeds: boolean): Promise<string> {
    if (route.scope === 'new plan') return randomUUID();
    if (route.given === 'shared plan') return sharedPlanId;
    if (succeeds) return preparePlan(route.given, route.arrange);
    if (!refusalPlans.has(route)) refusalPlans.set(route, await preparePlan(route.given, route.arrange));
    return refusalPlans.get(route)!;
  }

  function callOf(route: MatrixRoute, planId: string): Call {
    const values: Record<string, string> = { planId, ...recordIds, ...route.params };
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]));
    const query = new URLSearchParams({
      ...(route.query?.asOf && { asOf }),
      ...(route.query?.version !== undefined && { version: route.query.version }),
      ...(route.query?.service !== undefined && { service: route.query.service }),
    }).toString();
    const made = route.freshBody?.() ?? route.body;
    const named = route.scope === 'council record' ? (JSON.parse(JSON.stringify(made ?? null).replaceAll('{planId}', planId)) as Record<string, unknown>) : made;
    const body = route.scope === 'new plan' ? { ...named, planId } : named;
    return { method: route.method, url: query ? `${path}?${query}` : path, body };
  }

  /**
   * The plans a council-wide answer names: for the plan list, over all its pages, as the writes before
   * it updated more plans than a page holds; the change feed's first page already starts at the
   * shared plan's events; a council report names every plan it holds.
   */
  async function listedPlanIds(call: Call, first: Page, caller: TestCaller): Promise<string[]> {
    const ids = (first.plans ?? first.items ?? []).map((item) => item.planId);
    if (call.url !== '/v1/plans') return ids;
    for (let next = first.next ?? null; next !== null; ) {
      const page = (await send({ method: 'GET', url: `${call.url}?cursor=${encodeURIComponent(next)}` }, caller)).body as Page;
      ids.push(...(page.items ?? []).map((item) => item.planId));
      next = page.next ?? null;
    }
    return ids;
  }

  /** The stream of that council's plan of this id; the own council's unless told. */
  async function streamOf(planId: string, council: string = OWN_COUNCIL): Promise<StoredEvent[]> {
    return readStreamIfAny(events, planStreamId(planKey(council, planId)));
  }

  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    events = api.get<EventStore>(EVENT_STORE);
    published = await PublishedAnswers.of(api);
    sharedPlanId = await prepareSharedPlan();
    await arrange('governance', { method: 'POST', url: '/v1/corporate-plans', body: SHARED_CORPORATE_PLAN });
    await prepareCouncilRecords();
    asOf = new Date().toISOString();
  });

  afterAll(() => api?.close());

  it('covers every /v1 route the application serves, and only those', async () => {
    const document = (await send({ method: 'GET', url: '/docs-json' })).body as { paths: Record<string, object> };
    const served = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1'))
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    const inMatrix = new Set(MATRIX_ROUTES.map((route) => `${route.method} ${route.path}`));
    expect([...inMatrix].sort()).toEqual([...new Set(served)].sort());
  });

  it.each(MATRIX_ROUTES.map((route) => ({ route, name: routeName(route) })))(
    '$name without a token → 401, writing nothing',
    async ({ route }) => {
      const planId = await planFor(route, false);
      const before = (await streamOf(planId)).length;
      const answer = await send(callOf(route, planId));
      expect(answer).toMatchObject({ status: 401, body: { statusCode: 401, error: 'Unauthorized' } });
      published.expectToMatch(route.method, route.path, answer);
      expect((await streamOf(planId)).length).toBe(before);
    },
  );

  it.each(CASES)('$title', async ({ route, role, scope, expected, refusedFor }) => {
    const planId = await planFor(route, refusedFor === undefined);
    const caller: TestCaller = { role, ...SCOPES[scope] };
    // A new plan is drafted in the caller's council, whatever plans of that id other councils hold.
    const council = route.scope === 'new plan' ? (caller.council ?? OWN_COUNCIL) : OWN_COUNCIL;
    const before = (await streamOf(planId, council)).length;
    const headBefore = await events.headPosition();

    const answer = await send(callOf(route, planId), caller);
    // A rebuild goes on after its 202 and refuses a second meanwhile: let it end before the next call.
    if (answer.status === 202) {
      const projector = api.get(Projector);
      await until(() => projector.status().every(({ state }) => state !== 'rebuilding'));
    }

    expect({ status: answer.status, body: answer.body }).toMatchObject({ status: expected });
    published.expectToMatch(route.method, route.path, answer);
    const after = await streamOf(planId, council);
    if (refusedFor !== undefined) {
      expect(answer.body).toMatchObject({ statusCode: expected, message: expect.stringContaining(refusedFor) });
      expect(after.length).toBe(before);
      expect(await events.headPosition()).toBe(headBefore);
      return;
    }
    if (route.method !== 'GET' && route.path.startsWith('/v1/corporate-plans')) {
      const corporate = await events.readStream(corporatePlansStreamId(caller.council!));
      expect(corporate[corporate.length - 1].metadata.actor).toMatchObject({ role });
      return;
    }
    if (route.scope === 'council setting' || route.scope === 'corporate plan') {
      // Setting the matrix in force again records nothing: the caller's council's first setting is by its admin.
      if (route.method !== 'GET') {
        const settings = await events.readStream(councilSettingsStreamId(caller.council!));
        expect(settings[0].metadata.actor).toMatchObject({ role });
      }
      return;
    }
    if (route.method !== 'GET' && route.scope !== 'system') {
      expect(after.length).toBeGreaterThan(before);
      expect(after[after.length - 1].metadata.actor).toMatchObject({ role });
    }
    if (route.scope === 'new plan') {
      expect(after[0].data).toMatchObject({ council: caller.council, service: OWN_SERVICE });
    }
    if (route.scope === 'council') {
      const listed = await listedPlanIds(callOf(route, planId), answer.body, caller);
      if (scope === 'own service') expect(listed).toContain(sharedPlanId);
      else expect(listed).not.toContain(sharedPlanId);
    }
  });
});
