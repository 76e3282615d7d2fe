import { applyDecorators, ForbiddenException, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Principal, Role } from './caller';
import { BEARER_SCHEME, ROLES_EXTENSION } from './openapi-access';

const READERS: Role[] = ['officer', 'editor', 'governance', 'auditor', 'reporting'];
const HISTORY_READERS: Role[] = ['editor', 'governance', 'auditor'];

/**
 * The one table of who may call what. Every `/v1` route names its operation with `@Access(...)`;
 * the guard refuses a caller holding none of the operation's roles, and the OpenAPI document shows
 * the roles per route.
 */
export const ACCESS_TABLE = {
  'plans.draft': ['editor'],
  /** A whole plan from a spreadsheet: the same commands an editor sends one by one. */
  'plans.import': ['editor'],
  'plans.list': READERS,
  'plans.read': READERS,
  'plans.readAsOf': HISTORY_READERS,
  'plans.submitForScrutiny': ['editor'],
  'plans.reopen': ['editor'],
  'plans.close': ['editor'],
  /** Next year's plan drafted from this year's: an editor shapes plans. */
  'plans.rollForward': ['editor'],
  'priorities.add': ['editor'],
  'priorities.revise': ['editor'],
  'priorities.withdraw': ['editor'],
  'progress.record': ['officer'],
  'indicators.define': ['editor'],
  'indicators.revise': ['editor'],
  'targets.set': ['editor'],
  'indicators.link': ['editor'],
  'actuals.record': ['officer'],
  /** A second pair of eyes on a figure: a fellow officer, or the performance team that prints the report. */
  'actuals.verify': ['officer', 'reporting'],
  // A baseline is printed in the plan beside its targets, so it is the plan's content, entered by its editors.
  'baselines.record': ['editor'],
  'budgetLines.add': ['editor'],
  'budgetLines.revise': ['editor'],
  'budgetLines.remove': ['editor'],
  'budgetTotals.print': ['editor'],
  'risks.add': ['editor'],
  'risks.revise': ['editor'],
  'risks.remove': ['editor'],
  /** A quarterly review re-scores a risk, as an actual is monitoring data: the officers' who run the register. */
  'risks.review': ['officer'],
  'contracts.add': ['editor'],
  'contracts.revise': ['editor'],
  'contracts.remove': ['editor'],
  'keyPosts.add': ['editor'],
  'keyPosts.revise': ['editor'],
  'keyPosts.remove': ['editor'],
  'skills.add': ['editor'],
  'skills.revise': ['editor'],
  'skills.remove': ['editor'],
  /** Headcount is part of what the plan says, so it is shaped by editors like the rest of its inputs. */
  'workforce.record': ['editor'],
  'sections.add': ['editor'],
  'sections.revise': ['editor'],
  'sections.remove': ['editor'],
  'contributions.add': ['editor'],
  'contributions.revise': ['editor'],
  'contributions.remove': ['editor'],
  'scrutiny.record': ['governance'],
  'versions.publish': ['editor'],
  'approval.record': ['governance'],
  /** A committee's meeting or Cabinet's decision covering several plans: governance records them, as it does each plan's scrutiny and approval. */
  'meetings.record': ['governance'],
  'meetings.read': READERS,
  'decisions.take': ['governance'],
  'decisions.read': READERS,
  'history.read': HISTORY_READERS,
  'versions.read': [...HISTORY_READERS, 'reporting'],
  'versions.diff': HISTORY_READERS,
  'reports.read': READERS,
  /** A report as it stood on a committee's day is what the reporting service reproduces. */
  'reports.readAsOf': [...HISTORY_READERS, 'reporting'],
  /** Across the council's plans, each reader within what they may read: an officer sees their services' plans. */
  'councilReports.read': READERS,
  'councilExceptions.read': READERS,
  /** An indicator across a service's plans is what each of those plans' reads shows of it: their readers read it. */
  'indicatorSeries.read': READERS,
  /**
   * Who owes which return by when: the officers who owe them (most ask for their own, `mine=true`), the performance team
   * that chases them, and the editors and governance who answer for the plans. Auditors read the figures and their checks in the plans.
   */
  'returns.read': ['officer', 'editor', 'governance', 'reporting'],
  'integrity.check': ['auditor'],
  /** The whole event log, data and who made each change: for the auditors who run the check, to check it without us. */
  'evidence.export': ['auditor'],
  /** What changed in the council's plans, as one-line summaries: every reader, each within what they may read. */
  'changes.follow': READERS,
  /** The matrix bands every plan's risks: the council's to set, for everyone who reads or shapes plans to see. */
  'settings.riskMatrix.set': ['admin'],
  'settings.riskMatrix.read': [...READERS, 'admin'],
  /** The roll-up rule makes every report's percentages: the council's to set, as the matrix, for every reader to see. */
  'settings.rollups.set': ['admin'],
  'settings.rollups.read': [...READERS, 'admin'],
  'settings.collection.set': ['admin'],
  'settings.collection.read': [...READERS, 'admin'],
  /**
   * The corporate plan is the council's, adopted by its Council: editors enter it as they enter plans, and
   * governance, who record what committees decide, enter what Council decided of it. Every reader reads it;
   * its history names who changed it, so it is for those who read plans' histories.
   */
  'corporatePlans.record': ['editor', 'governance'],
  'corporatePlans.revise': ['editor', 'governance'],
  'corporatePlans.read': READERS,
  'corporatePlans.history': HISTORY_READERS,
  /** The projections serve every council: their state and rebuilds are the operator's alone. */
  'projections.status': ['operator'],
  'projections.rebuild': ['operator'],
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof ACCESS_TABLE;

export const ACCESS_METADATA_KEY = 'access:operation';

/** Names the route's operation for the guard, and shows its roles in the OpenAPI document. */
export const Access = (operation: Operation) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA_KEY, operation),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension(ROLES_EXTENSION, [...ACCESS_TABLE[operation]]),
    ApiUnauthorizedResponse({ description: 'No bearer token, or one that is expired or not valid.' }),
    ApiForbiddenResponse({ description: 'The caller has none of the roles allowed, or is not assigned to the plan’s service.' }),
  );

/** Refuses a caller holding none of `roles`, naming the roles that would do. */
export function assertHoldsOneOf(caller: Principal, roles: readonly Role[]): void {
  if (roles.some((role) => (caller.roles as readonly Role[]).includes(role))) return;
  throw new ForbiddenException(rolesNeeded(roles));
}

/** The sentence a caller holding none of `roles` is refused with. */
export function rolesNeeded(roles: readonly string[]): string {
  const quoted = roles.map((role) => `'${role}'`);
  return quoted.length === 1
    ? `This needs the ${quoted[0]} role.`
    : `This needs one of the roles ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}.`;
}

/** For a route whose operation depends on what is asked, e.g. a plan read `asOf` a past instant. */
export function assertMayPerform(caller: Principal, operation: Operation): void {
  assertHoldsOneOf(caller, ACCESS_TABLE[operation]);
}
