import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { corporatePlanCovering, periodBounds } from '@app/domain';
import {
  buildCouncilExceptions,
  buildCouncilReport,
  type CouncilExceptions,
  type CouncilReport,
  type CouncilReportFilters,
  type CouncilReportScope,
  type ReportInputs,
  type ReportRules,
  type ThemesInForce,
} from '@app/projections';
import type { Caller } from '../auth/caller';
import { CorporatePlansStore } from '../corporate-plans/corporate-plans.store';
import { answeredAsOf } from '../plans/queries/plan-reader';
import { CouncilSettingsStore } from '../settings/council-settings.store';
import type { CouncilIntegrity } from '../plans/queries/plan-time-travel';
import { CouncilReportPlans } from './council-report-plans';

/** A council-wide answer, with `asOf` and the integrity of its plans' events when rebuilt, and its ETag. */
export type CouncilAnswer<T> = {
  answer: CouncilWideAnswer<T>;
  tag: string;
};

/** What a council-wide read sends: the report or the exceptions, as of the instant asked for when asked. */
export type CouncilWideAnswer<T> = T & {
  /**
   * The record-time instant the answer was read as of, when `asOf` was asked.
   * @format date-time
   */
  asOf?: string;
  /** Present when the answer was rebuilt as of an instant: whether its plans' events pass their check. */
  integrity?: CouncilIntegrity;
};

abstract class CouncilWideQuery<T> extends Query<CouncilAnswer<T>> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly filters: CouncilReportFilters,
    readonly asOf: Date | undefined,
  ) {
    super();
  }
}

export class GetCouncilReportQuery extends CouncilWideQuery<CouncilReport> {}

export class GetCouncilExceptionsQuery extends CouncilWideQuery<CouncilExceptions> {}

/**
 * What both answers are built from: the plans, the council's report rules (roll-ups, unverified
 * figures) and its corporate plans (whose themes the roll-ups per theme are titled by), each as they
 * stood at the instant asked for.
 */
type Sources = { plans: CouncilReportPlans; settings: CouncilSettingsStore; corporatePlans: CorporatePlansStore };

type Build<T> = (plans: ReportInputs[], scope: CouncilReportScope, rules: ReportRules, themesInForce: ThemesInForce) => T;

/**
 * Both answers read the same plans and rules the same way and differ only in what they build of
 * them. The rules are read as a plan's report reads them, so that each plan shows as there; the
 * settings revision that set each is in the ETag, as in a plan report's. The corporate plans are read
 * whole from their short stream, as the command side reads them to check theme links.
 */
async function answerOf<T extends object>(
  { plans: source, settings, corporatePlans }: Sources,
  { caller, period, asOf }: CouncilWideQuery<T>,
  build: Build<T>,
): Promise<CouncilAnswer<T>> {
  const [{ plans, scope, tag, integrity }, rules, corporate] = await Promise.all([
    source.covering(caller, period, asOf),
    settings.reportRulesAt(caller.council, asOf),
    corporatePlans.load(caller.council, asOf),
  ]);
  const themesInForce = corporatePlanCovering(corporate.state, periodBounds(period))?.themes ?? [];
  const built = build(plans, scope, rules, themesInForce);
  const answer = answeredAsOf(integrity === null ? built : { ...built, integrity }, asOf);
  const rollupsPart = rules.rollupRule.settingsRevision === null ? '' : `.rollups-${rules.rollupRule.settingsRevision}`;
  const unverifiedPart = rules.unverifiedFigures.settingsRevision === null ? '' : `.unverified-${rules.unverifiedFigures.settingsRevision}`;
  const themesPart = corporate.revision === null ? '' : `.themes-${corporate.revision}`;
  return { answer, tag: `${tag}${rollupsPart}${unverifiedPart}${themesPart}` };
}

@QueryHandler(GetCouncilReportQuery)
export class GetCouncilReportHandler implements IQueryHandler<GetCouncilReportQuery> {
  constructor(
    private readonly plans: CouncilReportPlans,
    private readonly settings: CouncilSettingsStore,
    private readonly corporatePlans: CorporatePlansStore,
  ) {}

  execute(query: GetCouncilReportQuery): Promise<CouncilAnswer<CouncilReport>> {
    const { period, filters } = query;
    return answerOf({ plans: this.plans, settings: this.settings, corporatePlans: this.corporatePlans }, query, (plans, scope, rules, themes) => buildCouncilReport(plans, period, filters, scope, rules, themes));
  }
}

@QueryHandler(GetCouncilExceptionsQuery)
export class GetCouncilExceptionsHandler implements IQueryHandler<GetCouncilExceptionsQuery> {
  constructor(
    private readonly plans: CouncilReportPlans,
    private readonly settings: CouncilSettingsStore,
    private readonly corporatePlans: CorporatePlansStore,
  ) {}

  execute(query: GetCouncilExceptionsQuery): Promise<CouncilAnswer<CouncilExceptions>> {
    const { period, filters } = query;
    return answerOf({ plans: this.plans, settings: this.settings, corporatePlans: this.corporatePlans }, query, (plans, scope, rules) => buildCouncilExceptions(plans, period, filters, scope, rules));
  }
}

export const COUNCIL_REPORT_QUERY_HANDLERS = [GetCouncilReportHandler, GetCouncilExceptionsHandler];
