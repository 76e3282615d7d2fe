import type { Operation } from '../../apps/api/src/auth/access-table';
import { HART_CORPORATE_PLAN } from '@app/domain/corporate-plan/testing/hart-corporate-plan.seed';
import { HART_PLAN } from '../fixtures/hart-2023-24';

/**
 * Every `/v1` route of the API contract, each with the operations of the access table a call needs
 * and a request that is valid for the plan the route is given. The expected answers are derived
 * from `ACCESS_TABLE` by the matrix spec, never written here.
 */

/** The plan a route is called on, as the matrix spec prepares it. */
export type GivenPlan =
  /** One plan shared by every read: two published versions, an actual and progress recorded. */
  | 'shared plan'
  /** A plan of its own for each write that succeeds: drafted, priority '1', indicator CP7, risk R1. */
  | 'fresh plan'
  /** As 'fresh plan', then approved. */
  | 'fresh approved plan';

/** Whom the route is about, which decides what "another council" or "another service" means. */
export type RouteScope =
  /** One plan: another council's plan is not found (404), another service's is refused (403). */
  | 'plan'
  /** Drafting: the plan is drafted in the caller's own council; a service not theirs is refused. */
  | 'new plan'
  /** The caller's council: another council or service sees its own plans, never Hart's. */
  | 'council'
  /** The caller's council's settings: every service of a council shares them, another council has its own. */
  | 'council setting'
  /** A corporate plan of the caller's council: every service of it shares it, another council's is not found (404). */
  | 'corporate plan'
  /**
   * A meeting or decision covering plans named in its body (`{planId}` there is the route's plan): a
   * plan of another council or service is refused by name (422) and nothing is written; the record
   * itself is read by the council that made it, and not found in another (404).
   */
  | 'council record'
  /** The service itself, no council's data: the caller's council and services make no difference. */
  | 'system';

export interface MatrixRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As `/docs-json` names it, e.g. `/v1/plans/{planId}/priorities/{ref}`. */
  path: string;
  /** Every operation the call needs: the caller must hold a role of each. */
  operations: Operation[];
  scope: RouteScope;
  given: GivenPlan;
  /**
   * Items the route's plan needs first (a contract to revise, ...), the path under the plan's: posted by
   * an editor, or by `recorder`, an officer other than any caller of the matrix (a figure to verify).
   */
  arrange?: Array<{ path: string; body: Record<string, unknown>; byRecorder?: true }>;
  /** Values of the path's parameters other than `planId`. */
  params?: Record<string, string>;
  /** `asOf` is filled in with an instant after the shared plan was written. */
  query?: { asOf?: true; version?: string; service?: string };
  body?: Record<string, unknown>;
  /** A body made anew for each call, for writes that may not repeat (a corporate plan's id and period, a revision's title). */
  freshBody?: () => Record<string, unknown>;
  /** 202: accepted, the work goes on after the answer. */
  succeeds: 200 | 201 | 202;
}

export const OWN_COUNCIL = HART_PLAN.council;
export const OWN_SERVICE = HART_PLAN.service;
export const OTHER_COUNCIL = 'rushmoor';
export const OTHER_SERVICE = 'Some Other Service';

export const PLAN_DRAFT = { title: 'Access matrix plan', service: OWN_SERVICE, period: '2023/24' };

export const PRIORITY_ONE = {
  ref: '1',
  title: 'Publish the statement of accounts',
  themes: ['Resilient and financially sound council'],
  outcomes: [{ description: '2023/24 pre-audit accounts published', targetDate: 'June 2024' }],
};

export const INDICATOR_CP7 = {
  code: 'CP7',
  title: 'Percentage of Council Tax collected.',
  unit: 'percent',
  polarity: 'higher-is-better',
  basis: 'cumulative-ytd',
  frequency: 'quarterly',
  targets: [{ period: '2023/24', value: 98 }],
};

export const BUDGET_LINE = {
  code: 'CS01',
  title: 'Corporate Services',
  amounts: [{ year: '2023/24', kind: 'original', value: 1_250_000 }],
};

export const RISK_R1 = { ref: 'R1', title: 'Insufficient staff', residual: { likelihood: 2, impact: 2 } };

/** Three Rivers' printed matrix, rows from likelihood 1 to 4, but a very likely risk of marginal impact is medium, not low. */
const RISK_MATRIX_ROWS = [
  ['low', 'low', 'low', 'low'],
  ['low', 'low', 'medium', 'high'],
  ['low', 'medium', 'high', 'very-high'],
  ['medium', 'high', 'very-high', 'very-high'],
];

export const RISK_MATRIX_CELLS = RISK_MATRIX_ROWS.flatMap((row, l) => row.map((band, i) => ({ likelihood: l + 1, impact: i + 1, band })));

/** A plan's JSON as the plan read answers it, with nothing in it yet: what the import reads of a plan. */
export const PLAN_AS_EXPORTED = {
  ...PLAN_DRAFT,
  owner: null,
  periodRange: { kind: 'financial-year', from: '2023-04-01', to: '2024-03-31' },
  priorities: [{ ref: '1', kind: 'priority', title: PRIORITY_ONE.title, objective: null, themes: PRIORITY_ONE.themes, sponsor: null, manager: null, outcomes: [] }],
  indicators: [],
  budget: { lines: [], totals: [] },
  risks: [],
  contracts: [],
  workforce: null,
  keyPosts: [],
  skills: [],
  sections: [],
  contributions: [],
};

export const APPROVAL = { body: 'Cabinet', meetingDate: '2024-04-04' };

const CONTRACT_C1 = { ref: 'C1', title: 'Website hosting, licence and maintenance', supplier: 'Byte9', value: 19700 };
const KEY_POST_SPOF1 = { ref: 'SPOF1', jobTitle: 'Senior Communications Officer' };
const SKILL_SK1 = { ref: 'SK1', jobTitle: 'Graphic Designer', cpdRequired: true };
const WORKFORCE = { asAt: '2024-03-31', units: [{ name: 'Communications', headcount: 4, fte: 3.6 }] };
const SECTION_OVERVIEW = { key: 'overview', title: 'Service Overview', text: 'Corporate Services covers a broad range of functions.', order: 1 };
const CONTRIBUTION_PEOPLE = { themeId: 'people', themeTitle: 'People', contribution: 'Delivering the May 2023 local elections.' };

/** Every call that records a corporate plan covers a year of its own, so that none overlaps another of its council. */
let corporatePlansRecorded = 0;
const freshCorporatePlan = () => {
  const year = 2040 + corporatePlansRecorded++;
  return { ...HART_CORPORATE_PLAN, corporatePlanId: `matrix-${year}`, period: `${year}/${String(year + 1).slice(2)}` };
};
let corporatePlansRevised = 0;
const freshCorporateRevision = () => ({ title: `Corporate Plan, revision ${++corporatePlansRevised}`, reason: 'Council, minute 12' });

/** The corporate plan the matrix spec records in the caller's own council, as governance, before any call. */
export const SHARED_CORPORATE_PLAN = HART_CORPORATE_PLAN;

const read = (path: string, operations: Operation[], extra: Partial<MatrixRoute> = {}): MatrixRoute => ({
  method: 'GET',
  path,
  operations,
  scope: 'plan',
  given: 'shared plan',
  succeeds: 200,
  ...extra,
});

const write = (
  method: MatrixRoute['method'],
  path: string,
  operation: Operation,
  body: Record<string, unknown>,
  extra: Partial<MatrixRoute> = {},
): MatrixRoute => ({ method, path, operations: [operation], scope: 'plan', given: 'fresh plan', body, succeeds: 200, ...extra });

export const MATRIX_ROUTES: MatrixRoute[] = [
  // Commands
  write('POST', '/v1/plans', 'plans.draft', PLAN_DRAFT, { scope: 'new plan', succeeds: 201 }),
  write('POST', '/v1/imports', 'plans.import', PLAN_AS_EXPORTED, { scope: 'new plan', succeeds: 201 }),
  write('POST', '/v1/plans/{planId}/priorities', 'priorities.add', { ...PRIORITY_ONE, ref: '2', outcomes: [] }, { succeeds: 201 }),
  write('PATCH', '/v1/plans/{planId}/priorities/{ref}', 'priorities.revise', {
    title: 'Publish the 2023/24 statement of accounts on time',
    reason: 'Reworded after O&S comments',
  }, { params: { ref: '1' } }),
  write('DELETE', '/v1/plans/{planId}/priorities/{ref}', 'priorities.withdraw', { reason: 'Merged into priority 2' }, { params: { ref: '1' } }),
  write('POST', '/v1/plans/{planId}/indicators', 'indicators.define', {
    ...INDICATOR_CP7,
    code: 'CP8',
    title: 'Percentage uptime of key systems',
    basis: 'period',
    targets: [{ period: '2023/24', value: 99.5 }],
  }, { succeeds: 201 }),
  write('PATCH', '/v1/plans/{planId}/indicators/{code}', 'indicators.revise', {
    title: 'Council Tax collected (%)',
    reason: 'Shorter title for the report',
  }, { params: { code: 'CP7' } }),
  write('PUT', '/v1/plans/{planId}/indicators/{code}/targets/{period}', 'targets.set', {
    value: 98.5,
    reason: 'Raised after O&S comments',
  }, { params: { code: 'CP7', period: '2023-24' } }),
  write('POST', '/v1/plans/{planId}/indicators/{code}/actuals', 'actuals.record', { period: '2023/24-Q1', value: 29.5 }, {
    params: { code: 'CP7' },
    succeeds: 201,
  }),
  write('PUT', '/v1/plans/{planId}/indicators/{code}/priorities', 'indicators.link', { priorityRefs: ['1'] }, {
    params: { code: 'CP7' },
  }),
  write('POST', '/v1/plans/{planId}/indicators/{code}/actuals/{period}/verification', 'actuals.verify', { outcome: 'verified' }, {
    params: { code: 'CP7', period: '2023-24-Q1' },
    arrange: [{ path: 'indicators/CP7/actuals', body: { period: '2023/24-Q1', value: 29.5 }, byRecorder: true }],
    succeeds: 201,
  }),
  write('POST', '/v1/plans/{planId}/indicators/{code}/baselines', 'baselines.record', {
    period: '2022/23',
    value: 97.4,
    source: '2022/23 outturn',
  }, { params: { code: 'CP7' }, succeeds: 201 }),
  write('POST', '/v1/plans/{planId}/priorities/{ref}/progress', 'progress.record', {
    period: '2023/24-Q1',
    percentComplete: 25,
    status: 'on-track',
  }, { params: { ref: '1' }, succeeds: 201 }),
  write('POST', '/v1/plans/{planId}/budget-lines', 'budgetLines.add', { ...BUDGET_LINE, code: 'CS02' }, { succeeds: 201 }),
  write('PATCH', '/v1/plans/{planId}/budget-lines/{code}', 'budgetLines.revise', {
    note: 'Includes the 2023/24 pay award',
    reason: 'Explains the movement',
  }, { params: { code: 'CS01' } }),
  write('DELETE', '/v1/plans/{planId}/budget-lines/{code}', 'budgetLines.remove', { reason: 'Shown per service instead' }, {
    params: { code: 'CS01' },
  }),
  write('PUT', '/v1/plans/{planId}/budget-printed-totals', 'budgetTotals.print', {
    totals: [{ year: '2023/24', kind: 'original', value: 1_250_000 }],
  }),
  write('POST', '/v1/plans/{planId}/risks', 'risks.add', { ref: 'R2', title: 'Total failure of ICT systems', residual: { likelihood: 2, impact: 2 } }, {
    succeeds: 201,
  }),
  write('PATCH', '/v1/plans/{planId}/risks/{ref}', 'risks.revise', { owner: 'Head of Corporate Services', reason: 'Owner named' }, {
    params: { ref: 'R1' },
  }),
  write('DELETE', '/v1/plans/{planId}/risks/{ref}', 'risks.remove', { reason: 'Merged into the corporate register' }, { params: { ref: 'R1' } }),
  write('POST', '/v1/plans/{planId}/risks/{ref}/reviews', 'risks.review', { period: '2023/24-Q1', residual: { likelihood: 3, impact: 2 } }, {
    params: { ref: 'R1' },
    succeeds: 201,
  }),
  write('POST', '/v1/plans/{planId}/sections', 'sections.add', { key: 'monitoring', title: 'Monitoring', text: 'Quarterly, by the O&S Service Panel.' }, {
    succeeds: 201,
  }),
  write('PATCH', '/v1/plans/{planId}/sections/{key}', 'sections.revise', { order: 2, reason: 'Moved after the priorities' }, {
    params: { key: 'overview' },
    arrange: [{ path: 'sections', body: SECTION_OVERVIEW }],
  }),
  write('DELETE', '/v1/plans/{planId}/sections/{key}', 'sections.remove', { reason: 'Moved to the corporate plan' }, {
    params: { key: 'overview' },
    arrange: [{ path: 'sections', body: SECTION_OVERVIEW }],
  }),
  write('POST', '/v1/plans/{planId}/contributions', 'contributions.add', { themeId: 'planet', objectiveRefs: ['Net zero by 2040'] }, {
    succeeds: 201,
  }),
  write('PATCH', '/v1/plans/{planId}/contributions/{themeId}', 'contributions.revise', {
    objectiveRefs: ['Elections delivered'],
    reason: 'Objective named',
  }, { params: { themeId: 'people' }, arrange: [{ path: 'contributions', body: CONTRIBUTION_PEOPLE }] }),
  write('DELETE', '/v1/plans/{planId}/contributions/{themeId}', 'contributions.remove', { reason: 'Theme dropped' }, {
    params: { themeId: 'people' },
    arrange: [{ path: 'contributions', body: CONTRIBUTION_PEOPLE }],
  }),
  write('POST', '/v1/plans/{planId}/submission', 'plans.submitForScrutiny', {
    committee: 'Overview and Scrutiny Committee',
    meetingDate: '2024-03-19',
  }),
  write('POST', '/v1/plans/{planId}/scrutiny', 'scrutiny.record', {
    committee: 'Overview and Scrutiny Committee',
    meetingDate: '2024-03-19',
    comments: ['Add a target for the website accessibility work.'],
  }, { succeeds: 201 }),
  write('POST', '/v1/plans/{planId}/versions', 'versions.publish', { reason: 'First published version' }, { succeeds: 201 }),
  write('POST', '/v1/plans/{planId}/approval', 'approval.record', APPROVAL),
  write('POST', '/v1/plans/{planId}/reopen', 'plans.reopen', { reason: 'Revised after the mid-year review' }, {
    given: 'fresh approved plan',
  }),
  write('POST', '/v1/plans/{planId}/close', 'plans.close', { reason: 'Superseded by the 2024/25 plan' }),
  write('POST', '/v1/plans/{planId}/roll-forward', 'plans.rollForward', { period: '2024/25' }, { succeeds: 201 }),
  write('POST', '/v1/plans/{planId}/contracts', 'contracts.add', CONTRACT_C1, { succeeds: 201 }),
  write('PATCH', '/v1/plans/{planId}/contracts/{ref}', 'contracts.revise', { value: 21000, reason: 'Renewed' }, {
    params: { ref: 'C1' },
    arrange: [{ path: 'contracts', body: CONTRACT_C1 }],
  }),
  write('DELETE', '/v1/plans/{planId}/contracts/{ref}', 'contracts.remove', { reason: 'Ended' }, {
    params: { ref: 'C1' },
    arrange: [{ path: 'contracts', body: CONTRACT_C1 }],
  }),
  write('POST', '/v1/plans/{planId}/key-posts', 'keyPosts.add', KEY_POST_SPOF1, { succeeds: 201 }),
  write('PATCH', '/v1/plans/{planId}/key-posts/{ref}', 'keyPosts.revise', { succession: 'Deputy trained', reason: 'Deputy appointed' }, {
    params: { ref: 'SPOF1' },
    arrange: [{ path: 'key-posts', body: KEY_POST_SPOF1 }],
  }),
  write('DELETE', '/v1/plans/{planId}/key-posts/{ref}', 'keyPosts.remove', { reason: 'Post shared' }, {
    params: { ref: 'SPOF1' },
    arrange: [{ path: 'key-posts', body: KEY_POST_SPOF1 }],
  }),
  write('POST', '/v1/plans/{planId}/skills', 'skills.add', SKILL_SK1, { succeeds: 201 }),
  write('PATCH', '/v1/plans/{planId}/skills/{ref}', 'skills.revise', { cpdRequired: false, reason: 'Checked' }, {
    params: { ref: 'SK1' },
    arrange: [{ path: 'skills', body: SKILL_SK1 }],
  }),
  write('DELETE', '/v1/plans/{planId}/skills/{ref}', 'skills.remove', { reason: 'Post deleted' }, {
    params: { ref: 'SK1' },
    arrange: [{ path: 'skills', body: SKILL_SK1 }],
  }),
  write('PUT', '/v1/plans/{planId}/workforce', 'workforce.record', WORKFORCE),

  // Queries
  read('/v1/plans', ['plans.list'], { scope: 'council' }),
  read('/v1/plans/{planId}', ['plans.read']),
  read('/v1/plans/{planId}', ['plans.read', 'plans.readAsOf'], { query: { asOf: true } }),
  read('/v1/plans/{planId}', ['plans.read', 'plans.readAsOf'], { query: { version: '1' } }),
  read('/v1/plans/{planId}/priorities', ['plans.read']),
  read('/v1/plans/{planId}/priorities', ['plans.read', 'plans.readAsOf'], { query: { asOf: true } }),
  read('/v1/plans/{planId}/indicators', ['plans.read']),
  read('/v1/plans/{planId}/indicators', ['plans.read', 'plans.readAsOf'], { query: { version: '1' } }),
  read('/v1/plans/{planId}/budget-lines', ['plans.read']),
  read('/v1/plans/{planId}/budget-lines', ['plans.read', 'plans.readAsOf'], { query: { asOf: true } }),
  read('/v1/plans/{planId}/budget-lines', ['plans.read', 'plans.readAsOf'], { query: { version: '1' } }),
  read('/v1/plans/{planId}/contracts', ['plans.read']),
  read('/v1/plans/{planId}/contracts', ['plans.read', 'plans.readAsOf'], { query: { asOf: true } }),
  read('/v1/plans/{planId}/workforce', ['plans.read']),
  read('/v1/plans/{planId}/workforce', ['plans.read', 'plans.readAsOf'], { query: { version: '1' } }),
  read('/v1/plans/{planId}/key-posts', ['plans.read']),
  read('/v1/plans/{planId}/skills', ['plans.read']),
  read('/v1/plans/{planId}/sections', ['plans.read']),
  read('/v1/plans/{planId}/sections', ['plans.read', 'plans.readAsOf'], { query: { asOf: true } }),
  read('/v1/plans/{planId}/sections', ['plans.read', 'plans.readAsOf'], { query: { version: '1' } }),
  read('/v1/plans/{planId}/contributions', ['plans.read']),
  read('/v1/plans/{planId}/contributions', ['plans.read', 'plans.readAsOf'], { query: { asOf: true } }),
  read('/v1/plans/{planId}/history', ['history.read']),
  read('/v1/plans/{planId}/versions', ['versions.read']),
  read('/v1/plans/{planId}/versions/{from}/diff/{to}', ['versions.diff'], { params: { from: '1', to: '2' } }),
  read('/v1/plans/{planId}/reports/{period}', ['reports.read'], { params: { period: '2023-24-Q1' } }),
  read('/v1/plans/{planId}/reports/{period}', ['reports.read', 'reports.readAsOf'], {
    params: { period: '2023-24-Q1' },
    query: { asOf: true },
  }),
  read('/v1/plans/{planId}/risks', ['plans.read']),
  read('/v1/plans/{planId}/risks', ['plans.read', 'plans.readAsOf'], { query: { version: '1' } }),
  read('/v1/plans/{planId}/integrity', ['integrity.check']),
  read('/v1/plans/{planId}/evidence', ['evidence.export']),
  read('/v1/changes', ['changes.follow'], { scope: 'council' }),
  read('/v1/reports/{period}', ['councilReports.read'], { scope: 'council', params: { period: '2023-24-Q1' } }),
  read('/v1/reports/{period}', ['councilReports.read', 'reports.readAsOf'], {
    scope: 'council',
    params: { period: '2023-24-Q1' },
    query: { asOf: true },
  }),
  // The service names whose plans are read: another council's are not found, another service's refused, as a plan's.
  read('/v1/indicators/{code}/series', ['indicatorSeries.read'], { params: { code: 'CP7' }, query: { service: OWN_SERVICE } }),
  read('/v1/indicators/{code}/series', ['indicatorSeries.read', 'plans.readAsOf'], {
    params: { code: 'CP7' },
    query: { service: OWN_SERVICE, asOf: true },
  }),
  read('/v1/returns', ['returns.read'], { scope: 'council' }),
  read('/v1/reports/{period}/exceptions', ['councilExceptions.read'], { scope: 'council', params: { period: '2023-24-Q1' } }),
  read('/v1/reports/{period}/exceptions', ['councilExceptions.read', 'reports.readAsOf'], {
    scope: 'council',
    params: { period: '2023-24-Q1' },
    query: { asOf: true },
  }),

  // Meetings and decisions covering several plans
  write('POST', '/v1/meetings', 'meetings.record', {
    committee: 'Overview and Scrutiny Committee',
    meetingDate: '2024-03-19',
    minuteRef: 'minute 126',
    plans: [{ planId: '{planId}', comments: [] }],
  }, { scope: 'council record', succeeds: 201 }),
  write('POST', '/v1/decisions', 'decisions.take', {
    body: 'Cabinet',
    meetingDate: '2024-04-04',
    decisionRef: 'Cabinet 4 April 2024 on {planId}',
    title: 'Service Plans 2024-25',
    plans: [{ planId: '{planId}' }],
  }, { scope: 'council record', succeeds: 201, arrange: [{ path: 'versions', body: { reason: 'For Cabinet' } }] }),
  read('/v1/meetings/{meetingId}', ['meetings.read'], { scope: 'council record' }),
  read('/v1/decisions/{decisionId}', ['decisions.read'], { scope: 'council record' }),

  // Council settings
  read('/v1/settings/risk-matrix', ['settings.riskMatrix.read'], { scope: 'council setting' }),
  write('PUT', '/v1/settings/risk-matrix', 'settings.riskMatrix.set', { cells: RISK_MATRIX_CELLS, reason: 'Adopted by the Audit Committee' }, {
    scope: 'council setting',
    given: 'shared plan',
  }),
  read('/v1/settings/rollups', ['settings.rollups.read'], { scope: 'council setting' }),
  write('PUT', '/v1/settings/rollups', 'settings.rollups.set', { rounding: 'half-even', milestoneWithoutEntry: 'excluded' }, {
    scope: 'council setting',
    given: 'shared plan',
  }),
  read('/v1/settings/collection', ['settings.collection.read'], { scope: 'council setting' }),
  write('PUT', '/v1/settings/collection', 'settings.collection.set', { unverifiedFigures: 'awaiting-verification' }, {
    scope: 'council setting',
    given: 'shared plan',
  }),

  // The council's corporate plan
  write('POST', '/v1/corporate-plans', 'corporatePlans.record', {}, { scope: 'council setting', given: 'shared plan', freshBody: freshCorporatePlan, succeeds: 201 }),
  write('PATCH', '/v1/corporate-plans/{corporatePlanId}', 'corporatePlans.revise', {}, {
    scope: 'corporate plan',
    given: 'shared plan',
    params: { corporatePlanId: SHARED_CORPORATE_PLAN.corporatePlanId },
    freshBody: freshCorporateRevision,
  }),
  read('/v1/corporate-plans', ['corporatePlans.read'], { scope: 'council setting' }),
  read('/v1/corporate-plans/{corporatePlanId}', ['corporatePlans.read'], { scope: 'corporate plan', params: { corporatePlanId: SHARED_CORPORATE_PLAN.corporatePlanId } }),
  read('/v1/corporate-plans/{corporatePlanId}/history', ['corporatePlans.history'], {
    scope: 'corporate plan',
    params: { corporatePlanId: SHARED_CORPORATE_PLAN.corporatePlanId },
  }),

  // Administration
  read('/v1/admin/projections', ['projections.status'], { scope: 'system' }),
  write('POST', '/v1/admin/projections/{name}/rebuild', 'projections.rebuild', {}, {
    scope: 'system',
    given: 'shared plan',
    params: { name: 'plan-history' },
    succeeds: 202,
  }),
];

/** `GET /v1/plans/{planId}?asOf`: how a route is named in test titles. */
export function routeName(route: MatrixRoute): string {
  const query = Object.keys(route.query ?? {});
  return `${route.method} ${route.path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}
