import { IndicatorSeriesNotFoundError, NotAssignedToServiceError } from '@app/application-errors';
import { planKey, type PlanKey } from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { findAll, READ_STORE, type ReadStore } from '@app/read-store';
import {
  buildIndicatorSeries,
  documentBody,
  INDICATOR_SERIES_COLLECTION,
  plansOfService,
  SERVICE_PLANS_ORDER,
  type IndicatorSeries,
  type SeriesPlan,
  type SeriesPlanDocument,
} from '@app/projections';
import type { Caller } from '../auth/caller';
import { answeredAsOf } from '../plans/queries/plan-reader';
import { PlanTimeTravel, type CouncilIntegrity } from '../plans/queries/plan-time-travel';
import { plansTag } from '../reports/council-report-plans';
import type { CouncilWideAnswer } from '../reports/council-report.queries';

/** The series, as of the instant asked for when asked, with whether its plans' events hold: an answer across a council's plans. */
export type IndicatorSeriesAnswer = CouncilWideAnswer<IndicatorSeries>;

/** The answer, and its ETag: a digest of the service's plans at their revisions, so that any change to one of them, or a new plan, changes it. */
export type IndicatorSeriesFound = { answer: IndicatorSeriesAnswer; tag: string };

export class GetIndicatorSeriesQuery extends Query<IndicatorSeriesFound> {
  constructor(
    readonly caller: Caller,
    readonly code: string,
    readonly service: string,
    readonly asOf: Date | undefined,
  ) {
    super();
  }
}

/**
 * One indexed query on the `indicator_series` projection finds the service's plans in the caller's
 * council, never another council's; as of an instant, each is rebuilt as a plan read `asOf` rebuilds
 * it, a plan drafted later left out, as the council-wide reports do.
 */
@QueryHandler(GetIndicatorSeriesQuery)
export class GetIndicatorSeriesHandler implements IQueryHandler<GetIndicatorSeriesQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly timeTravel: PlanTimeTravel,
  ) {}

  async execute({ caller, code, service, asOf }: GetIndicatorSeriesQuery): Promise<IndicatorSeriesFound> {
    if (caller.services !== null && !caller.services.includes(service)) throw new NotAssignedToServiceError(service);
    const now = await findAll<SeriesPlanDocument>(this.reads, INDICATOR_SERIES_COLLECTION, plansOfService(caller.council, service), SERVICE_PLANS_ORDER);
    const { plans, integrity } = await this.plansAt(now, asOf);
    const series = buildIndicatorSeries(code, service, plans);
    if (series === null) throw IndicatorSeriesNotFoundError.of(code, service, asOf);
    return {
      answer: answeredAsOf(integrity === null ? series : { ...series, integrity }, asOf),
      tag: plansTag(plans.map(({ council, planId, revision }) => `${planKey(council, planId)}@${revision}`)),
    };
  }

  private async plansAt(now: SeriesPlanDocument[], asOf: Date | undefined): Promise<{ plans: SeriesPlan[]; integrity: CouncilIntegrity | null }> {
    if (asOf === undefined) return { plans: now.map((document) => documentBody<SeriesPlanDocument>(document)), integrity: null };
    return this.timeTravel.everyAsOf(now.map(({ id }) => id as PlanKey), asOf);
  }
}
