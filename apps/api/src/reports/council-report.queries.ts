import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { buildCouncilExceptions, buildCouncilReport, type CouncilExceptions, type CouncilReport, type CouncilReportFilters } from '@app/projections';
import type { Caller } from '../auth/caller';
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

/** What both answers are built from: the plans, and the council's report rules (roll-ups, unverified figures), each as they stood at the instant asked for. */
type Sources = { plans: CouncilReportPlans; settings: CouncilSettingsStore };

/**
 * Both answers read the same plans and rules the same way and differ only in what they build of
 * them. The rules are read as a plan's report reads them, so that each plan shows as there; the
 * settings revision that set each is in the ETag, as in a plan report's.
 */
async function answerOf<T extends object>(
  { plans: source, settings }: Sources,
  { caller, period, filters, asOf }: CouncilWideQuery<T>,
  build: typeof buildCouncilReport | typeof buildCouncilExceptions,
): Promise<CouncilAnswer<T>> {
  const [{ plans, scope, tag, integrity }, rules] = await Promise.all([
    source.covering(caller, period, asOf),
    settings.reportRulesAt(caller.council, asOf),
  ]);
  const built = build(plans, period, filters, scope, rules) as T;
  const answer = answeredAsOf(integrity === null ? built : { ...built, integrity }, asOf);
  const rollupsPart = rules.rollupRule.settingsRevision === null ? '' : `.rollups-${rules.rollupRule.settingsRevision}`;
  const unverifiedPart = rules.unverifiedFigures.settingsRevision === null ? '' : `.unverified-${rules.unverifiedFigures.settingsRevision}`;
  return { answer, tag: `${tag}${rollupsPart}${unverifiedPart}` };
}

@QueryHandler(GetCouncilReportQuery)
export class GetCouncilReportHandler implements IQueryHandler<GetCouncilReportQuery> {
  constructor(
    private readonly plans: CouncilReportPlans,
    private readonly settings: CouncilSettingsStore,
  ) {}

  execute(query: GetCouncilReportQuery): Promise<CouncilAnswer<CouncilReport>> {
    return answerOf({ plans: this.plans, settings: this.settings }, query, buildCouncilReport);
  }
}

@QueryHandler(GetCouncilExceptionsQuery)
export class GetCouncilExceptionsHandler implements IQueryHandler<GetCouncilExceptionsQuery> {
  constructor(
    private readonly plans: CouncilReportPlans,
    private readonly settings: CouncilSettingsStore,
  ) {}

  execute(query: GetCouncilExceptionsQuery): Promise<CouncilAnswer<CouncilExceptions>> {
    return answerOf({ plans: this.plans, settings: this.settings }, query, buildCouncilExceptions);
  }
}

export const COUNCIL_REPORT_QUERY_HANDLERS = [GetCouncilReportHandler, GetCouncilExceptionsHandler];
