import { Inject } from '../../nest';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type FieldCondition, type ReadStore } from '@app/read-store';
import { parsePlanPeriod, requirePeriodOfPlan } from '@app/domain';
import {
  buildMonitoringReport,
  diffPlanViews,
  documentBody,
  historyRefKeys,
  PLAN_HISTORY_COLLECTION,
  PLAN_LIST_COLLECTION,
  PLAN_VERSIONS_COLLECTION,
  type MonitoringReport,
  type PlanDiff,
  type PlanHistoryDocument,
  type PlanHistoryEntry,
  type PlanListItem,
  type VersionTable,
  type PlanView,
} from '@app/projections';
import type { Caller } from '../../../auth/caller';
import type { HistoryParams, ListPlansParams } from '../dto/query-params';
import { parsedInput } from '../../period-param.pipe';
import { answeredAsOf, PlanReader, type PlanPoint } from '../plan-reader';
import { EarlierPlans } from '../earlier-plans';
import type { EventsIntegrity, RebuiltPlan } from '../plan-time-travel';
import { CouncilSettingsStore } from '../../../settings/council-settings.store';

/** A report as it stood at a past instant, with whether the events it was rebuilt from hold. */
export type ReportAsOf = MonitoringReport & { integrity: EventsIntegrity };

export interface Page<T> {
  items: T[];
  next: string | null;
}

export class ListPlansQuery extends Query<Page<PlanListItem>> {
  constructor(
    readonly caller: Caller,
    readonly params: ListPlansParams,
  ) {
    super();
  }
}

export class GetPlanQuery extends Query<(PlanView | RebuiltPlan) & { asOf?: string }> {
  constructor(
    readonly caller: Caller,
    readonly planId: string,
    readonly point: PlanPoint,
  ) {
    super();
  }
}

export class GetHistoryQuery extends Query<Page<PlanHistoryEntry>> {
  constructor(
    readonly caller: Caller,
    readonly planId: string,
    readonly params: HistoryParams,
  ) {
    super();
  }
}

export class GetVersionTableQuery extends Query<VersionTable> {
  constructor(
    readonly caller: Caller,
    readonly planId: string,
  ) {
    super();
  }
}

export class DiffVersionsQuery extends Query<PlanDiff> {
  constructor(
    readonly caller: Caller,
    readonly planId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

export class GetReportQuery extends Query<(MonitoringReport | ReportAsOf) & { asOf?: string }> {
  constructor(
    readonly caller: Caller,
    readonly planId: string,
    readonly period: string,
    readonly asOf: Date | undefined,
  ) {
    super();
  }
}

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ caller, params }: ListPlansQuery): Promise<Page<PlanListItem>> {
    const where: Record<string, FieldCondition> = { council: caller.council };
    if (params.service !== undefined) where.service = params.service;
    if (caller.services !== null) {
      where.service =
        params.service === undefined
          ? { $in: caller.services }
          : { $in: caller.services.filter((service) => service === params.service) };
    }
    const { period } = params;
    if (period !== undefined) where.period = parsedInput('period', () => parsePlanPeriod(period).label);
    if (params.status !== undefined) where.status = params.status;
    const page = await this.reads.find(PLAN_LIST_COLLECTION, {
      where,
      sort: [{ field: 'updatedAt', direction: 'desc' }],
      limit: params.limit ?? 50,
      cursor: params.cursor,
    });
    return { items: page.items.map((item) => documentBody<PlanListItem>(item)), next: page.next };
  }
}

@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  constructor(private readonly plans: PlanReader) {}

  async execute({ caller, planId, point }: GetPlanQuery): Promise<(PlanView | RebuiltPlan) & { asOf?: string }> {
    return answeredAsOf(await this.plans.at(caller, planId, point), point.asOf);
  }
}

@QueryHandler(GetHistoryQuery)
export class GetHistoryHandler implements IQueryHandler<GetHistoryQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly plans: PlanReader,
  ) {}

  async execute({ caller, planId, params }: GetHistoryQuery): Promise<Page<PlanHistoryEntry>> {
    const planKey = await this.plans.assertVisible(caller, planId);
    const where: Record<string, FieldCondition> = { planKey };
    if (params.from !== undefined || params.to !== undefined) {
      where.recordedAt = {
        ...(params.from !== undefined && { $gte: params.from.toISOString() }),
        ...(params.to !== undefined && { $lte: params.to.toISOString() }),
      };
    }
    if (params.type !== undefined) where.type = params.type;
    if (params.ref !== undefined) where.refKey = { $in: historyRefKeys(params.ref) };
    const page = await this.reads.find(PLAN_HISTORY_COLLECTION, {
      where,
      sort: [{ field: 'position', direction: 'asc' }],
      limit: params.limit ?? 50,
      cursor: params.cursor,
    });
    return { items: page.items.map((item) => historyEntryOf(documentBody<PlanHistoryDocument>(item))), next: page.next };
  }
}

/** The entry as the audit trail shows it: the keys it is found by are the store's business. */
function historyEntryOf({ planKey: _planKey, refKey: _refKey, ...entry }: PlanHistoryDocument): PlanHistoryEntry {
  return entry;
}

@QueryHandler(GetVersionTableQuery)
export class GetVersionTableHandler implements IQueryHandler<GetVersionTableQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly plans: PlanReader,
  ) {}

  async execute({ caller, planId }: GetVersionTableQuery): Promise<VersionTable> {
    const planKey = await this.plans.assertVisible(caller, planId);
    const table = await this.reads.get(PLAN_VERSIONS_COLLECTION, planKey);
    return table ? documentBody<VersionTable>(table) : { planId, rows: [], unpublished: [] };
  }
}

@QueryHandler(DiffVersionsQuery)
export class DiffVersionsHandler implements IQueryHandler<DiffVersionsQuery> {
  constructor(private readonly plans: PlanReader) {}

  async execute({ caller, planId, from, to }: DiffVersionsQuery): Promise<PlanDiff> {
    const current = await this.plans.current(caller, planId);
    const [before, after] = await Promise.all([this.plans.atVersion(current, from), this.plans.atVersion(current, to)]);
    return diffPlanViews(before, after);
  }
}

/**
 * A report is built when asked for, from the plan view at the instant asked (now, or `asOf`), the
 * service's plan before it as it stood then, and the council's rules (roll-up, unverified figures)
 * in force at that same instant, read from the council's settings as every reader of them does: a
 * rule set later never changes a report as of before it.
 */
@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery> {
  constructor(
    private readonly plans: PlanReader,
    private readonly earlierPlans: EarlierPlans,
    private readonly settings: CouncilSettingsStore,
  ) {}

  async execute({ caller, planId, period, asOf }: GetReportQuery): Promise<(MonitoringReport | ReportAsOf) & { asOf?: string }> {
    const view = await this.plans.at(caller, planId, { asOf });
    const reported = requirePeriodOfPlan(period, { label: view.period, ...view.periodRange });
    const [withEarlier] = await this.earlierPlans.attachTo([view], asOf);
    const report = buildMonitoringReport(withEarlier, reported, await this.settings.reportRulesAt(caller.council, asOf));
    return answeredAsOf('integrity' in view ? { ...report, integrity: view.integrity } : report, asOf);
  }
}

export const PLAN_QUERY_HANDLERS = [
  ListPlansHandler,
  GetPlanHandler,
  GetHistoryHandler,
  GetVersionTableHandler,
  DiffVersionsHandler,
  GetReportHandler,
];
